import { COLOUR } from './styles/tokens'

// WeChat's native tab bar. H5 draws its own (components/WebTabBar.tsx): Taro's
// web tab bar brings ~70 KB of JavaScript and a web-component runtime to every page.
const tabBar = {
  color: COLOUR.textMuted,
  selectedColor: COLOUR.brand,
  backgroundColor: COLOUR.surface,
  borderStyle: 'black' as const,
  list: [
    {
      pagePath: 'pages/home/index',
      text: '六色卡',
      iconPath: 'assets/tab-card.png',
      selectedIconPath: 'assets/tab-card-active.png',
    },
    {
      pagePath: 'pages/me/index',
      text: '我的',
      iconPath: 'assets/tab-me.png',
      selectedIconPath: 'assets/tab-me-active.png',
    },
  ],
}

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  // H5: no sliding page transition. The page shows at once (a faster first
  // paint, and no motion for those it unsettles); WeChat ignores this key.
  animation: false,
  // One subpackage per capability: downloaded only when first opened.
  subPackages: [
    { root: 'wish', pages: ['pages/list/index', 'pages/post/index', 'pages/detail/index'] },
    {
      root: 'clinic',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/book/index',
        'pages/ticket/index',
        'pages/mine/index',
        'pages/manage/index',
        'pages/roster/index',
      ],
    },
    {
      root: 'jobs',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/apply/index', 'pages/mine/index', 'pages/manage/index', 'pages/applicants/index'],
    },
    { root: 'matters', pages: ['pages/raise/index', 'pages/mine/index', 'pages/detail/index', 'pages/public/index', 'pages/handle/index', 'pages/mediation/index', 'pages/mediation-manage/index', 'pages/meetings/index', 'pages/meeting/index', 'pages/meeting-new/index'] },
    {
      root: 'activity',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/mine/index', 'pages/organiser/index', 'pages/publish/index', 'pages/record/index', 'pages/certificate/index', 'pages/verify/index'],
    },
    { root: 'rooms', pages: ['pages/list/index', 'pages/detail/index', 'pages/mine/index', 'pages/door/index'] },
    { root: 'staff', pages: ['pages/dashboard/index', 'pages/volunteers/index', 'pages/audit/index'] },
    { root: 'inbox', pages: ['pages/list/index'] },
    { root: 'legal', pages: ['pages/privacy/index', 'pages/terms/index', 'pages/mydata/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: COLOUR.brand,
    navigationBarTitleText: '东安社区服务',
    navigationBarTextStyle: 'white',
  },
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        tabBar,
        // WeChat asks for consent to the privacy guide (its text: the 隐私政策 page) before
        // the photo album or the phone number is used, with its own popup.
        __usePrivacyCheck__: true,
        // WeChat search: tickets, wish details and 我的 stay out (src/sitemap.json).
        sitemapLocation: 'sitemap.json',
        // Clinics are the home page's most used entry: fetched while the card shows.
        preloadRule: { 'pages/home/index': { network: 'all', packages: ['clinic'] } },
      }
    : {}),
})
