import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { ShareContent } from '../domain/share'

/**
 * WeChat's 转发 (to a chat) and 分享到朋友圈 for this page, with the page's own
 * path and query so the receiver opens the same card or clinic. The page's
 * config turns both on (enableShareAppMessage, enableShareTimeline). Nothing
 * on H5, where the browser shares the address.
 */
function useWeChatShare(pagePath: string, content: () => ShareContent | null): void {
  useShareAppMessage(() => {
    const shared = content()
    return shared ? { title: shared.title, path: `${pagePath}?${shared.query}` } : { path: pagePath }
  })
  useShareTimeline(() => {
    const shared = content()
    return shared ? { title: shared.title, query: shared.query } : {}
  })
}

// Chosen at build time, so the H5 build carries none of it.
export const useShare: (pagePath: string, content: () => ShareContent | null) => void =
  process.env.TARO_ENV === 'weapp' ? useWeChatShare : () => undefined
