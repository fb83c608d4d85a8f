/**
 * WeChat's font sizes run from 14 px to about 26 px, 16 px standard (标准). At
 * 18 px and above the person has asked for large text, so the app offers
 * 长辈模式 (larger text and touch targets everywhere) once, and never switches
 * it on without asking.
 */
export const LARGE_WECHAT_FONT_PX = 18

export function shouldOfferElderMode(wechatFontPx: number | null, elderMode: boolean, alreadyOffered: boolean): boolean {
  return wechatFontPx !== null && wechatFontPx >= LARGE_WECHAT_FONT_PX && !elderMode && !alreadyOffered
}
