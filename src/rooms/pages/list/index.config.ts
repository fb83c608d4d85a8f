export default definePageConfig({ navigationBarTitleText: '功能室预约' })
