import Taro from '@tarojs/taro'

export type TabPath = '/pages/home/index' | '/pages/me/index'

/** Opens a tab page: WeChat's tab bar in the mini-program, a fresh page stack on H5. */
export function goToTab(url: TabPath): void {
  if (process.env.TARO_ENV === 'h5') Taro.reLaunch({ url })
  else Taro.switchTab({ url })
}
