import Taro from '@tarojs/taro'

/** WeChat's 扫一扫 is there in the mini-program; a browser types the code instead. */
export const canScan = process.env.TARO_ENV === 'weapp'

/** Opens the camera for a QR code; its text, or null when the person cancelled. */
export async function scanQrCode(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return result
  } catch {
    return null
  }
}
