import { goToTab, type TabPath } from '../platform/navigation'

const TABS: { path: TabPath; text: string; icon: string }[] = [
  { path: '/pages/home/index', text: '六色卡', icon: '▦' },
  { path: '/pages/me/index', text: '我的', icon: '●' },
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
          <span className="web-tabbar__icon" aria-hidden="true">
            {tab.icon}
          </span>
          {tab.text}
        </a>
      ))}
    </nav>
  )
}
