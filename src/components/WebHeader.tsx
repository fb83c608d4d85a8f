import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { goToTab, hasPageBehind } from '../platform/navigation'

/** The page's own title, from its config (navigationBarTitleText), as WeChat's bar shows it. */
function currentTitle(): string {
  const page = Taro.getCurrentInstance()?.page as { config?: { navigationBarTitleText?: string } } | null | undefined
  return page?.config?.navigationBarTitleText ?? ''
}

/**
 * H5 only: the bar WeChat draws above a mini-program page, so a page inside a
 * capability has a way back: 返回 to the previous page, or 首页 when the page
 * was opened directly (a shared link). Tab pages have the bottom navigation.
 */
export function WebHeader() {
  const [title, setTitle] = useState(currentTitle)
  const [canGoBack, setCanGoBack] = useState(hasPageBehind)
  useDidShow(() => {
    setTitle(currentTitle())
    setCanGoBack(hasPageBehind())
  })
  return (
    <header className="web-header">
      <button
        type="button"
        className="web-header__back"
        aria-label={canGoBack ? '返回上一页' : '回到首页'}
        onClick={() => (canGoBack ? Taro.navigateBack() : goToTab('/pages/home/index'))}
      >
        <span aria-hidden="true">‹ </span>
        {canGoBack ? '返回' : '首页'}
      </button>
      <span className="web-header__title">{title}</span>
    </header>
  )
}
