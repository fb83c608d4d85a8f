import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * WeChat's pull-to-refresh on a list page: the page's data is read again and
 * the spinner stops when it has arrived (or failed). The page config turns the
 * gesture on (enablePullDownRefresh, mini-program only: a browser reloads).
 * Called by useLoaded and usePagedList, so every list refreshes the same way.
 */
export function usePullToRefresh(refresh: () => Promise<unknown>): void {
  const latest = useRef(refresh)
  latest.current = refresh
  usePullDownRefresh(() => {
    latest.current().finally(() => Taro.stopPullDownRefresh())
  })
}
