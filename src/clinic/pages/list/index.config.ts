export default definePageConfig({ navigationBarTitleText: '专家义诊' })
