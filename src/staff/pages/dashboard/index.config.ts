export default definePageConfig({ navigationBarTitleText: '工作数据' })
