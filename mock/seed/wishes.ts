import { toChinaIso } from '../../src/domain/chinaTime'
import type { Wish, WishDraft, WishEvent, WishStatus } from '../../src/domain/wish'

const HOUR = 3600 * 1000

interface WishSeed extends Omit<WishDraft, 'photos'> {
  ownerId: string
  ownerName: string
  gridCode: string
  status: WishStatus
  hoursAgo: number
  claimedBy?: [string, string]
  completed?: { hoursAgo: number; note: string; hours: number }
  rating?: [number, string]
}

const SEEDS: WishSeed[] = [
  {
    ownerId: 'seed-wang', ownerName: '王秀英', gridCode: 'DA0103', status: 'confirmed', hoursAgo: 24 * 20,
    category: '维修', title: '暖气片漏水', description: '卧室暖气片接口处一直滴水，地板都湿了。',
    preferredTime: '', address: { building: '友谊路9号2栋', unit: '1单元', room: '302' }, phone: '13504526688',
    claimedBy: ['volunteer', '赵志强'], completed: { hoursAgo: 24 * 19, note: '更换了接口垫片，已不漏水', hours: 2 },
    rating: [5, '小赵手脚麻利，太感谢了'],
  },
  {
    ownerId: 'elder', ownerName: '张桂兰', gridCode: 'DA0103', status: 'completed', hoursAgo: 72,
    category: '代买代办', title: '代买降压药', description: '家里的降压药快吃完了，腿脚不方便，想请人帮忙去社区药房买两盒。',
    preferredTime: '工作日上午', address: { building: '友谊路9号3栋', unit: '2单元', room: '101' }, phone: '13904527788',
    claimedBy: ['volunteer', '赵志强'], completed: { hoursAgo: 30, note: '已买到两盒并送到家中', hours: 1 },
  },
  {
    ownerId: 'elder', ownerName: '张桂兰', gridCode: 'DA0103', status: 'claimed', hoursAgo: 26,
    category: '陪伴聊天', title: '想找人陪我聊聊天', description: '老伴走了以后一个人在家，想有人每周来陪我说说话。',
    preferredTime: '周三下午', address: { building: '友谊路9号3栋', unit: '2单元', room: '101' }, phone: '13904527788',
    claimedBy: ['volunteer', '赵志强'],
  },
  {
    ownerId: 'seed-wang', ownerName: '王秀英', gridCode: 'DA0103', status: 'open', hoursAgo: 20,
    category: '学习辅导', title: '教我用手机挂号', description: '想学会用手机在医院挂号和看检查结果。',
    preferredTime: '周末', address: { building: '友谊路9号2栋', unit: '1单元', room: '302' }, phone: '13504526688',
  },
  {
    ownerId: 'resident', ownerName: '李明', gridCode: 'DA0103', status: 'open', hoursAgo: 8,
    category: '生活帮扶', title: '楼道灯不亮了', description: '3栋2单元三楼楼道灯坏了，晚上上下楼看不清。',
    preferredTime: '', address: { building: '友谊路9号3栋', unit: '2单元', room: '301' }, phone: '13804521234',
  },
  {
    ownerId: 'resident', ownerName: '李明', gridCode: 'DA0103', status: 'pending_review', hoursAgo: 2,
    category: '学习辅导', title: '孩子数学作业辅导', description: '孩子上初二，数学有点跟不上，想请志愿者周末辅导一两次。',
    preferredTime: '周六上午', address: { building: '友谊路9号3栋', unit: '2单元', room: '301' }, phone: '13804521234',
  },
  {
    ownerId: 'seed-zhou', ownerName: '周建华', gridCode: 'DA0101', status: 'open', hoursAgo: 5,
    category: '维修', title: '门锁坏了打不开', description: '防盗门锁芯转不动，需要换锁芯。',
    preferredTime: '今天', address: { building: '建设路18号1栋', unit: '3单元', room: '402' }, phone: '13504527799',
  },
]

/** Demo wishes in every state, dated relative to `now`. */
export function seedWishes(now: number): Wish[] {
  return SEEDS.map((seed, i) => {
    const at = (hoursAgo: number) => toChinaIso(now - hoursAgo * HOUR)
    const events: WishEvent[] = [{ at: at(seed.hoursAgo), action: 'post', byName: seed.ownerName }]
    if (seed.status !== 'pending_review') events.push({ at: at(seed.hoursAgo - 1), action: 'approve', byName: '刘芳' })
    if (seed.claimedBy) events.push({ at: at(seed.hoursAgo - 2), action: 'claim', byName: seed.claimedBy[1] })
    if (seed.completed) {
      events.push({ at: at(seed.completed.hoursAgo), action: 'complete', byName: seed.claimedBy![1], note: `${seed.completed.note}（${seed.completed.hours}小时）` })
    }
    if (seed.rating) {
      events.push({ at: at(seed.completed!.hoursAgo - 5), action: 'confirm', byName: seed.ownerName, note: `${'★'.repeat(seed.rating[0])} ${seed.rating[1]}` })
    }
    const { hoursAgo, claimedBy, completed, rating, ...draft } = seed
    return {
      ...draft,
      photos: [],
      id: `w${i + 1}`,
      createdAt: at(hoursAgo),
      claimedBy: claimedBy?.[0] ?? null,
      claimedByName: claimedBy?.[1] ?? null,
      completedAt: completed ? at(completed.hoursAgo) : null,
      completionNote: completed?.note ?? null,
      hours: completed?.hours ?? null,
      rating: rating?.[0] ?? null,
      thanks: rating?.[1] ?? null,
      rejectReason: null,
      events,
    }
  })
}
