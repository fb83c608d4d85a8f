export default definePageConfig({ navigationBarTitleText: '证明真伪查询' })
