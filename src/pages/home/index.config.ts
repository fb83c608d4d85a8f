export default definePageConfig({ navigationBarTitleText: '六色联系卡' })
