import Taro from '@tarojs/taro'

/** tel: links need the digits only (keeps a leading + for international numbers). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}

export function callPhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d+]/g, '') }).catch(() => {
    // The user closed the call sheet: nothing to do.
  })
}

export function copyPhone(phone: string): void {
  Taro.setClipboardData({ data: phone }).then(
    () => Taro.showToast({ title: '号码已复制', icon: 'success' }),
    () => Taro.showModal({ title: '复制失败', content: `请手动记下号码：${phone}`, showCancel: false }),
  )
}
