// 转发 and 朋友圈: "帮爸妈约义诊" (platform/share.ts).
export default definePageConfig({ navigationBarTitleText: '义诊详情', enableShareAppMessage: true, enableShareTimeline: true })
