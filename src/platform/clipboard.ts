import Taro from '@tarojs/taro'

/**
 * Copies text. On H5 the browser's clipboard directly: Taro's H5 version
 * also pops a toast, and brings the whole toast/modal library with it.
 */
export async function copyText(text: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') {
    await Taro.setClipboardData({ data: text })
    return
  }
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text)
      return
    } catch {
      // Not allowed here (e.g. no secure context): fall back below.
    }
  }
  const area = document.createElement('textarea')
  area.value = text
  area.readOnly = true
  area.style.position = 'fixed'
  area.style.left = '-9999px'
  document.body.appendChild(area)
  area.select()
  const copied = document.execCommand('copy')
  document.body.removeChild(area)
  if (!copied) throw new Error('copy failed')
}
