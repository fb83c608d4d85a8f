import Taro from '@tarojs/taro'

/**
 * A WeChat login code for the backend to exchange (code2Session). Browsers
 * have no WeChat login, so H5 sends a fixed code that the demo backend accepts.
 */
export async function getLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    return code
  }
  return 'h5-browser'
}
