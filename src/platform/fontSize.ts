import Taro from '@tarojs/taro'

/**
 * The font size (px) the person chose in WeChat's settings (我 → 设置 → 通用 →
 * 字体大小); WeChat's standard is 16. Null on H5, where the browser's own zoom
 * applies, and when WeChat does not say.
 */
export function weChatFontSize(): number | null {
  // The condition must wrap the call: only then does the H5 build leave out
  // Taro's system-info code (and the `platform` package it brings, 14 KB).
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // WeChat answers fontSizeSetting here; Taro's type for it leaves the field out.
      const size = Number((Taro.getAppBaseInfo() as { fontSizeSetting?: number }).fontSizeSetting)
      return Number.isFinite(size) && size > 0 ? size : null
    } catch {
      return null
    }
  }
  return null
}
