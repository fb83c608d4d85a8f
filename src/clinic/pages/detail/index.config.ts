export default definePageConfig({ navigationBarTitleText: '义诊详情' })
