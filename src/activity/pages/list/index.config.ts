// Pull to refresh reads the list again (components/usePullToRefresh.ts); a browser reloads instead.
export default definePageConfig({ navigationBarTitleText: '志愿活动', enablePullDownRefresh: process.env.TARO_ENV === 'weapp' })
