export default definePageConfig({ navigationBarTitleText: '我的功能室预约' })
