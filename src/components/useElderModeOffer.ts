import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { shouldOfferElderMode } from '../domain/elderMode'
import { weChatFontSize } from '../platform/fontSize'
import { useSession } from '../stores/session'

/** Offers 长辈模式 once when WeChat's font is set large; the answer is the person's. */
export function useElderModeOffer(): void {
  useEffect(() => {
    // Mini-program only (a browser has its own zoom); written as a block so the
    // H5 build leaves out Taro's dialog code from every page (23 KB).
    if (process.env.TARO_ENV === 'weapp') {
      const { elderMode, elderModeOffered, markElderModeOffered, setElderMode } = useSession.getState()
      if (!shouldOfferElderMode(weChatFontSize(), elderMode, elderModeOffered)) return
      markElderModeOffered()
      Taro.showModal({
        title: '开启长辈模式？',
        content: '您的微信字体较大。长辈模式让字更大、按钮更大，随时可在“我的”里关闭。',
        confirmText: '开启',
        cancelText: '暂不',
      }).then(
        ({ confirm }) => confirm && setElderMode(true),
        () => undefined,
      )
    }
  }, [])
}
