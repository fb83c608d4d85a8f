export default definePageConfig({ navigationBarTitleText: '义诊安排' })
