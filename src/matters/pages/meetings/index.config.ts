export default definePageConfig({ navigationBarTitleText: '网格议事会' })
