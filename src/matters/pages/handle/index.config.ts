// Pull to refresh reads the list again (components/usePullToRefresh.ts); a browser reloads instead.
export default definePageConfig({ navigationBarTitleText: '办理居民事项', enablePullDownRefresh: process.env.TARO_ENV === 'weapp' })
