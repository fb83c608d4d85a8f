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
  tokensIssued(): number
  close(): Promise<void>
}

export async function startFakeWechat(appid: string, secret: string): Promise<FakeWechat> {
  const logins = new Map<string, string>()
  const phones = new Map<string, string>()
  const validTokens = new Set<string>()
  let issued = 0
  let codes = 0
  const refuseWords = new Set<string>()
  const checkedTexts: { content: string; openid: string }[] = []

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
  return {
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
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
