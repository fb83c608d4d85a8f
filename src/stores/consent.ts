import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { ApiError } from '../api/errors'
import { PRIVACY_VERSION, hasConsented } from '../domain/consent'
import { STORED, readJson, writeJson } from '../platform/storage'

/** Who asks: the app before its first use (or a sign-in), or WeChat before the album or the phone number. */
export type ConsentAsker = 'app' | 'wechat'

interface ConsentState {
  agreed: boolean
  /** The sheet is open while this is set. */
  asking: ConsentAsker | null
}

/** The id of the sheet's agree button: WeChat checks that this very button was tapped. */
export const CONSENT_BUTTON_ID = 'consent-agree'

const agreedBefore = hasConsented(readJson(STORED.consent))
export const useConsent = create<ConsentState>(() => ({ agreed: agreedBefore, asking: agreedBefore ? null : 'app' }))

type WechatAnswer = (option: { event: 'agree' | 'disagree'; buttonId?: string }) => void
let wechatWaiting: WechatAnswer | null = null
let waiting: ((agreed: boolean) => void)[] = []

/** The person's answer in the sheet: kept on the phone when they agree, and passed to whoever waits. */
export function answerConsent(agreed: boolean): void {
  if (agreed) writeJson(STORED.consent, PRIVACY_VERSION)
  useConsent.setState((s) => ({ agreed: s.agreed || agreed, asking: null }))
  wechatWaiting?.(agreed ? { event: 'agree', buttonId: CONSENT_BUTTON_ID } : { event: 'disagree' })
  wechatWaiting = null
  for (const answer of waiting) answer(agreed)
  waiting = []
}

/**
 * Resolves once the person has agreed, asking them first if needed: signing
 * in waits here. Declining rejects with a message the page shows; its retry
 * asks again.
 */
export function ensureConsent(): Promise<void> {
  if (useConsent.getState().agreed) return Promise.resolve()
  useConsent.setState({ asking: 'app' })
  return new Promise((resolve, reject) => {
    waiting.push((agreed) => (agreed ? resolve() : reject(new ApiError('FORBIDDEN', '同意《隐私政策》后才能使用需要登录的服务，点“重试”可再次查看'))))
  })
}

/** Mini-program: WeChat asks before a privacy API (album, phone number); the same sheet answers it. */
export function answerWechatPrivacyRequests(): void {
  // Base libraries before 2.32.3 have no privacy event (WeChat then asks in its own words).
  if (process.env.TARO_ENV === 'weapp' && typeof Taro.onNeedPrivacyAuthorization === 'function') {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      wechatWaiting = resolve
      useConsent.setState({ asking: 'wechat' })
    })
  }
}
