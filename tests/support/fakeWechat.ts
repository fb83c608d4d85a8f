import http from 'http'
import type { AddressInfo } from 'net'

/**
 * A local stand-in for WeChat's server APIs (code2Session, the stable access
 * token, getuserphonenumber), with WeChat's error codes: each login or phone
 * code works once, and access tokens can be expired on demand.
 */
export interface FakeWechat {
  url: string
  /** A wx.login code that code2Session turns into this openid (once). */
  loginCode(openid: string): string
  /** A getPhoneNumber code that getuserphonenumber turns into this number (once). */
  phoneCode(phone: string): string
  /** Makes every access token handed out so far stop working (WeChat's 40001). */
  expireTokens(): void
  /** msgSecCheck answers "risky" for any text containing one of these. */
  refuseWords: Set<string>
  /** The texts msgSecCheck was asked about, with the openid. */
  checkedTexts: { content: string; openid: string }[]
  /** The photos mediaCheckAsync was asked about, with the trace id it answered. */
  checkedMedia: { mediaUrl: string; openid: string; traceId: string }[]
  tokensIssued(): number
  /** subscribeMessage.send: every request, in order of arrival (answered or not). */
  subscribeRequests: SubscribeRequest[]
  /** The messages WeChat accepted (answered errcode 0): what people received. */
  delivered: SubscribeRequest[]
  /** How the next subscribe request is answered (default: accepted); the test sets it. */
  subscribeAnswer: (request: SubscribeRequest, index: number) => SubscribeReply
  close(): Promise<void>
}

export interface SubscribeRequest {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: string
  /** When it arrived (performance.now()). */
  at: number
  /** The access token it came with: each server process fetches its own. */
  token: string
}

/** Accept, refuse with WeChat's error code, or never answer (a WeChat that hangs). */
export type SubscribeReply = 'ok' | 'hang' | { errcode: number; errmsg: string }

export async function startFakeWechat(appid: string, secret: string): Promise<FakeWechat> {
  const logins = new Map<string, string>()
  const phones = new Map<string, string>()
  const validTokens = new Set<string>()
  let issued = 0
  let codes = 0
  const refuseWords = new Set<string>()
  const checkedTexts: { content: string; openid: string }[] = []
  const checkedMedia: { mediaUrl: string; openid: string; traceId: string }[] = []
  const subscribeRequests: SubscribeRequest[] = []
  const delivered: SubscribeRequest[] = []

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>) : {}
      const answer = (value: unknown) => {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(value))
      }
      if (url.pathname === '/sns/jscode2session') {
        if (url.searchParams.get('appid') !== appid || url.searchParams.get('secret') !== secret) return answer({ errcode: 40125, errmsg: 'invalid appsecret' })
        const code = url.searchParams.get('js_code') ?? ''
        const openid = logins.get(code)
        if (!openid) return answer({ errcode: 40029, errmsg: 'invalid code' })
        logins.delete(code) // a code works once (WeChat's 40163 on reuse)
        return answer({ openid, session_key: 'sk' })
      }
      if (url.pathname === '/cgi-bin/stable_token') {
        if (body.appid !== appid || body.secret !== secret) return answer({ errcode: 40125, errmsg: 'invalid appsecret' })
        issued += 1
        const token = `token-${issued}`
        validTokens.add(token)
        return answer({ access_token: token, expires_in: 7200 })
      }
      if (url.pathname === '/wxa/msg_sec_check') {
        if (!validTokens.has(url.searchParams.get('access_token') ?? '')) return answer({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
        if (String(body.version) !== '2' || !body.openid) return answer({ errcode: 40003, errmsg: 'invalid openid' })
        checkedTexts.push({ content: body.content, openid: body.openid })
        const risky = [...refuseWords].some((word) => body.content.includes(word))
        return answer({ errcode: 0, errmsg: 'ok', result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20001 : 100 } })
      }
      if (url.pathname === '/wxa/media_check_async') {
        if (!validTokens.has(url.searchParams.get('access_token') ?? '')) return answer({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
        if (String(body.version) !== '2' || !body.openid || String(body.media_type) !== '2') return answer({ errcode: 40003, errmsg: 'invalid openid' })
        const traceId = `trace-${checkedMedia.length + 1}`
        checkedMedia.push({ mediaUrl: body.media_url, openid: body.openid, traceId })
        return answer({ errcode: 0, errmsg: 'ok', trace_id: traceId })
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        if (!validTokens.has(url.searchParams.get('access_token') ?? '')) return answer({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
        const request = { ...(body as unknown as SubscribeRequest), at: performance.now(), token: url.searchParams.get('access_token') ?? '' }
        subscribeRequests.push(request)
        const reply = fake.subscribeAnswer(request, subscribeRequests.length - 1)
        if (reply === 'hang') return // the connection stays open until the caller gives up or dies
        if (reply !== 'ok') return answer(reply)
        delivered.push(request)
        return answer({ errcode: 0, errmsg: 'ok', msgid: delivered.length })
      }
      if (url.pathname === '/wxa/business/getuserphonenumber') {
        if (!validTokens.has(url.searchParams.get('access_token') ?? '')) return answer({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
        const phone = phones.get(body.code)
        if (!phone) return answer({ errcode: 40029, errmsg: 'invalid code' })
        phones.delete(body.code)
        return answer({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } })
      }
      res.writeHead(404)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const fake: FakeWechat = {
    url: `http://127.0.0.1:${port}`,
    loginCode(openid) {
      const code = `login-${(codes += 1)}`
      logins.set(code, openid)
      return code
    },
    phoneCode(phone) {
      const code = `phone-${(codes += 1)}`
      phones.set(code, phone)
      return code
    },
    expireTokens: () => validTokens.clear(),
    tokensIssued: () => issued,
    refuseWords,
    checkedTexts,
    checkedMedia,
    subscribeRequests,
    delivered,
    subscribeAnswer: () => 'ok',
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
  return fake
}
