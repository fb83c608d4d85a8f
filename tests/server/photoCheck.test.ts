/* WeChat's check of photos (mediaCheckAsync) on the real server, against the
 * local fake WeChat: the upload is sent to WeChat with a link it can fetch,
 * and the verdict WeChat pushes back (signed with the push token) takes a
 * risky photo off its wish and refuses it in a new one. */
import { createHash, randomBytes } from 'crypto'
import { seedDb } from '../../mock/seed'
import { readConfig } from '../../server/config'
import { startServer, type RunningApp } from '../../server/start'
import { WISH } from '../contract/drafts'
import { startFakeWechat, type FakeWechat } from '../support/fakeWechat'
import { jpegWithLocation, LOCATION_TEXT } from '../support/photoFixtures'
import { freshPostgresUrl } from '../support/postgres'

const PUBLIC_URL = 'https://dongan.example'
const PUSH_TOKEN = 'push-token-for-tests'
let wechat: FakeWechat
let server: RunningApp
let token: string
let keys = 0

beforeAll(async () => {
  wechat = await startFakeWechat('wx-photo', 'photo-secret')
  const config = readConfig({
    DATABASE_URL: await freshPostgresUrl('photocheck'),
    DATA_KEY: randomBytes(32).toString('base64'),
    WECHAT_APPID: 'wx-photo',
    WECHAT_SECRET: 'photo-secret',
    WECHAT_API_BASE: wechat.url,
    PUBLIC_URL,
    WECHAT_PUSH_TOKEN: PUSH_TOKEN,
    WORKER: '0',
  })
  server = await startServer({ ...config, port: 0 })
  const places = seedDb(Date.now())
  await server.store.transaction(async (repo) => {
    for (const c of places.communities) await repo.insertCommunity(c)
    for (const g of places.grids) await repo.insertGrid(g)
  })
  const login = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'login-1' },
    body: JSON.stringify({ code: wechat.loginCode('o-photo'), gridCode: 'DA0103' }),
  })
  token = ((await login.json()) as { token: string }).token
})

afterAll(async () => {
  await server?.close()
  await wechat?.close()
})

const auth = () => ({ Authorization: `Bearer ${token}`, 'Idempotency-Key': `k${(keys += 1)}` })

async function upload(): Promise<{ id: string; url: string }> {
  const form = new FormData()
  form.append('photo', new Blob([new Uint8Array(jpegWithLocation())]), 'bench.jpg')
  const res = await fetch(`${server.url}/photos`, { method: 'POST', headers: auth(), body: form })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; url: string }
}

async function postWish(photos: string[]) {
  const res = await fetch(`${server.url}/wishes`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ ...WISH, photos }) })
  return { status: res.status, body: (await res.json()) as { id: string; photos: string[]; error?: { code: string; fields?: Record<string, string> } } }
}

/** A push as WeChat signs it: SHA-1 of the token, timestamp and nonce, sorted. */
function signed(path: string, extra = '', pushToken = PUSH_TOKEN): string {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(6).toString('hex')
  const signature = createHash('sha1').update([pushToken, timestamp, nonce].sort().join('')).digest('hex')
  return `${server.url}${path}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}${extra}`
}

const push = (traceId: string, suggest: string, pushToken?: string) =>
  fetch(signed('/wechat/media-check', '', pushToken), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ToUserName: 'gh_x', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest, label: suggest === 'risky' ? 20002 : 100 } }),
  })

const photoOf = (link: string) => fetch(`${server.url}${link}`)

describe("WeChat's photo check", () => {
  it('sends each upload to WeChat with a link WeChat can fetch, without the location', async () => {
    const photo = await upload()
    const asked = wechat.checkedMedia.at(-1)!
    expect(asked).toMatchObject({ openid: 'o-photo', mediaUrl: `${PUBLIC_URL}${photo.url}` })
    const fetched = await photoOf(asked.mediaUrl.slice(PUBLIC_URL.length))
    expect(fetched.status).toBe(200)
    expect(Buffer.from(await fetched.arrayBuffer()).toString('latin1')).not.toContain(LOCATION_TEXT)
  })

  it('answers only pushes signed with the push token, and the URL check with its echostr', async () => {
    const check = await fetch(signed('/wechat/media-check', '&echostr=hello-wechat'))
    expect([check.status, await check.text()]).toEqual([200, 'hello-wechat'])
    expect((await fetch(`${server.url}/wechat/media-check?signature=x&timestamp=1&nonce=2&echostr=e`)).status).toBe(403)
    const photo = await upload()
    expect((await push(wechat.checkedMedia.at(-1)!.traceId, 'risky', 'someone-else')).status).toBe(403)
    expect((await photoOf(photo.url)).status).toBe(200)
  })

  it('refuses a risky photo in a new wish beside the photos, and serves it to nobody', async () => {
    const photo = await upload()
    const answer = await push(wechat.checkedMedia.at(-1)!.traceId, 'risky')
    expect([answer.status, await answer.text()]).toEqual([200, 'success'])
    expect((await photoOf(photo.url)).status).toBe(404)
    const refused = await postWish([photo.id])
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({ code: 'CONTENT_REFUSED', fields: { photos: '有照片含有不适宜发布的内容，请删除后换一张' } })
  })

  it('takes a photo found risky after posting off its wish; a passed photo stays; a repeated push changes nothing', async () => {
    const kept = await upload()
    const keptTrace = wechat.checkedMedia.at(-1)!.traceId
    const bad = await upload()
    const badTrace = wechat.checkedMedia.at(-1)!.traceId
    const posted = await postWish([kept.id, bad.id])
    expect(posted.status).toBe(201)
    expect(posted.body.photos).toHaveLength(2)

    await push(keptTrace, 'pass')
    await push(badTrace, 'risky')
    await push(badTrace, 'pass') // WeChat may push again: the first verdict stands
    const wish = (await (await fetch(`${server.url}/wishes/${posted.body.id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { photos: string[] }
    expect(wish.photos).toHaveLength(1)
    expect(wish.photos[0]).toContain(`/photos/${kept.id}?`)
    expect((await photoOf(wish.photos[0])).status).toBe(200)
  })

  it('takes a risky photo off a matter too, and refuses it in a new matter beside the photos', async () => {
    const kept = await upload()
    const bad = await upload()
    const badTrace = wechat.checkedMedia.at(-1)!.traceId
    const matter = { kind: '设施损坏', text: '3栋门口的长椅坏了，老人没处坐', building: '友谊路9号3栋', unit: '', public: true }
    const raise = (photos: string[]) => fetch(`${server.url}/matters`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ ...matter, photos }) })
    const raised = await raise([kept.id, bad.id])
    expect(raised.status).toBe(201)
    const { id } = (await raised.json()) as { id: string }
    await push(badTrace, 'risky')
    const seen = (await (await fetch(`${server.url}/matters/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { photos: string[] }
    expect(seen.photos).toHaveLength(1)
    expect(seen.photos[0]).toContain(`/photos/${kept.id}?`)

    const worse = await upload()
    await push(wechat.checkedMedia.at(-1)!.traceId, 'risky')
    const refused = await raise([worse.id])
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({ code: 'CONTENT_REFUSED', fields: { photos: '有照片含有不适宜发布的内容，请删除后换一张' } })
  })
})
