/**
 * What a shared page says in a chat or on 朋友圈: a title and the query that
 * reopens the same thing (the grid kept in the card's path, the clinic's id).
 */
export interface ShareContent {
  title: string
  query: string
}

export function cardShare(grid: { code: string; name: string }): ShareContent {
  return { title: `${grid.name}六色联系卡：有事找网格，24小时有人应`, query: `g=${encodeURIComponent(grid.code)}` }
}

export function clinicShare(clinic: { id: string; title: string; hospital: string }): ShareContent {
  return { title: `帮爸妈约义诊：${clinic.title}（${clinic.hospital}）`, query: `id=${encodeURIComponent(clinic.id)}` }
}
