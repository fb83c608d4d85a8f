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

