import { createHash, timingSafeEqual } from 'crypto'
import { ApiError } from '../src/api/errors'
import type { ContentCheck, IdentityProvider } from '../backend/router'

export interface WechatConfig {
  appid: string
  secret: string
  /** https://api.weixin.qq.com in production; tests point it at a local fake. */
  apiBase: string
  /**
   * For the photo check: the address WeChat reaches this server at (PUBLIC_URL)
   * and the token of its message push (WECHAT_PUSH_TOKEN). Without both, photos
   * are not sent to WeChat (staff's review still comes first).
   */
  photoCheck?: { publicUrl: string; pushToken: string } | null
  now?: () => number
}

/** WeChat's codes for an access token that stopped working: fetch a new one and try once more. */
const TOKEN_EXPIRED = new Set([40001, 42001, 40014])
/** A token is refreshed this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000
const TIMEOUT_MS = 5000

/** One subscribe message as subscribeMessage.send takes it. */
export interface SubscribeMessage {
  openid: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  state: 'formal' | 'trial' | 'developer'
}

/** WeChat's answer to a send: accepted, or its error code and text (errcode -1: no answer at all). */
export type SendAnswer = { ok: true } | { ok: false; errcode: number; errmsg: string }

interface WechatAnswer {
  errcode?: number
  errmsg?: string
  [key: string]: unknown
}

const badCode = (field: string, message: string) => new ApiError('VALIDATION', message, { [field]: message })

/**
 * WeChat's server APIs for sign-in: code2Session for the openid, the stable
 * access token (cached until shortly before it expires) and getuserphonenumber.
 */
export function wechatIdentity(config: WechatConfig): IdentityProvider &
  ContentCheck & {
    accessTokenFetches: () => number
    sendSubscribeMessage(message: SubscribeMessage, timeoutMs?: number): Promise<SendAnswer>
  } {
  const now = config.now ?? Date.now
  let token: { value: string; until: number } | null = null
  let fetches = 0

  async function call(path: string, init?: RequestInit, timeoutMs = TIMEOUT_MS): Promise<WechatAnswer> {
    let res: Response
    try {
      res = await fetch(`${config.apiBase}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    } catch {
      throw new ApiError('SERVER', '微信服务暂时连不上，请稍后重试')
    }
    if (!res.ok) throw new ApiError('SERVER', '微信服务暂时不可用，请稍后重试')
    return (await res.json()) as WechatAnswer
  }

  // One fetch at a time: the worker's sends side by side (and sign-ins) share it.
  let fetching: Promise<string> | null = null
  function accessToken(forceRefresh: boolean): Promise<string> {
    if (!forceRefresh && token && token.until > now()) return Promise.resolve(token.value)
    if (!fetching) fetching = fetchToken(forceRefresh).finally(() => (fetching = null))
    return fetching
  }

  async function fetchToken(forceRefresh: boolean): Promise<string> {
    fetches += 1
    const answer = await call('/cgi-bin/stable_token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: config.appid, secret: config.secret, force_refresh: forceRefresh }),
    })
    if (typeof answer.access_token !== 'string') throw new ApiError('SERVER', '微信服务暂时不可用，请稍后重试')
    token = { value: answer.access_token, until: now() + Number(answer.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS }
    return token.value
  }

  /** A server API that takes the access token, fetched again once if WeChat says it expired. */
  async function withToken(path: string, body: unknown, timeoutMs?: number): Promise<WechatAnswer> {
    for (let attempt = 1; ; attempt++) {
      const value = await accessToken(attempt > 1)
      const answer = await call(
        `${path}?access_token=${encodeURIComponent(value)}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
        timeoutMs,
      )
      if (answer.errcode && TOKEN_EXPIRED.has(answer.errcode) && attempt === 1) continue
      return answer
    }
  }

  return {
    accessTokenFetches: () => fetches,

    async sendSubscribeMessage(message, timeoutMs) {
      const body = { touser: message.openid, template_id: message.templateId, page: message.page, data: message.data, miniprogram_state: message.state, lang: 'zh_CN' }
      try {
        const answer = await withToken('/cgi-bin/message/subscribe/send', body, timeoutMs)
        if (!answer.errcode) return { ok: true }
        return { ok: false, errcode: answer.errcode, errmsg: String(answer.errmsg ?? '') }
      } catch (error) {
        return { ok: false, errcode: -1, errmsg: (error as Error).message }
      }
    },

    async textIsAcceptable(text, openid) {
      // msgSecCheck v2 needs the writer's openid (a 代办 account may have none): then staff's review decides.
      if (!text.trim() || !openid) return true
      // Scene 3: 论坛 (content others will read). Only "risky" is refused; when WeChat cannot
      // answer, the wish still waits for staff's review before anyone sees it.
      const answer = await withToken('/wxa/msg_sec_check', { content: text, version: 2, scene: 3, openid }).catch(() => null)
      const result = answer?.result as { suggest?: string } | undefined
      return result?.suggest !== 'risky'
    },

    async startPhotoCheck(link, openid) {
      if (!config.photoCheck || !openid) return null
      // media_type 2: an image; the verdict is pushed to /wechat/media-check with this trace id.
      const answer = await withToken('/wxa/media_check_async', { media_url: `${config.photoCheck.publicUrl}${link}`, media_type: 2, version: 2, scene: 3, openid }).catch(() => null)
      return typeof answer?.trace_id === 'string' && !answer.errcode ? answer.trace_id : null
    },

    pushIsFromWechat({ signature = '', timestamp = '', nonce = '' }) {
      if (!config.photoCheck || !signature) return false
      // WeChat's rule: SHA-1 of the token, timestamp and nonce, sorted and joined.
      const expected = createHash('sha1').update([config.photoCheck.pushToken, timestamp, nonce].sort().join('')).digest('hex')
      return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
    },

    async openidFor(code) {
      const query = new URLSearchParams({ appid: config.appid, secret: config.secret, js_code: code, grant_type: 'authorization_code' })
      const answer = await call(`/sns/jscode2session?${query}`)
      if (answer.errcode || typeof answer.openid !== 'string') throw badCode('code', '登录凭证无效或已用过，请重新进入小程序')
      return answer.openid
    },

    async phoneFor(code) {
      const answer = await withToken('/wxa/business/getuserphonenumber', { code })
      const info = answer.phone_info as { purePhoneNumber?: string } | undefined
      if (answer.errcode || !info?.purePhoneNumber) throw badCode('code', '手机号验证失败，请重新点击获取手机号')
      return info.purePhoneNumber
    },
  }
}
