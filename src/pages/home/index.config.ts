// 转发 and 朋友圈 share the card with its grid (platform/share.ts).
export default definePageConfig({ navigationBarTitleText: '六色联系卡', enableShareAppMessage: true, enableShareTimeline: true })
