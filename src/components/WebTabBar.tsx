import type { ReactNode } from 'react'
import { goToTab, type TabPath } from '../platform/navigation'

// The same shapes as the mini-program's tab icons (src/assets/draw-icons.js),
// drawn in the text colour so the chosen tab turns brand red with its label.
const CARD_ICON = (
  <g>
    {[12, 32, 52].flatMap((x) => [18, 44].map((y) => <rect key={`${x}-${y}`} x={x} y={y} width="17" height="20" rx="3" />))}
  </g>
)
const ME_ICON = (
  <g>
    <circle cx="40.5" cy="27" r="13" />
    <path d="M14.5 70a26 24 0 0 1 52 0z" />
  </g>
)

const TABS: { path: TabPath; text: string; icon: ReactNode }[] = [
  { path: '/pages/home/index', text: '六色卡', icon: CARD_ICON },
  { path: '/pages/me/index', text: '我的', icon: ME_ICON },
]

/**
 * The H5 bottom navigation: real links (announced, focusable, scaled by
 * 长辈模式). The mini-program uses WeChat's native tab bar instead.
 */
export function WebTabBar({ current }: { current: TabPath }) {
  return (
    <nav className="web-tabbar" aria-label="主导航">
      {TABS.map((tab) => (
        <a
          key={tab.path}
          className={`web-tabbar__item ${tab.path === current ? 'web-tabbar__item--on' : ''}`}
          href={`#${tab.path}`}
          aria-current={tab.path === current ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault()
            if (tab.path !== current) goToTab(tab.path)
          }}
        >
          <svg className="web-tabbar__icon" viewBox="0 0 81 81" aria-hidden="true" focusable="false">
            {tab.icon}
          </svg>
          {tab.text}
        </a>
      ))}
    </nav>
  )
}
