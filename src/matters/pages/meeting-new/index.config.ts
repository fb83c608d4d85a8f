export default definePageConfig({ navigationBarTitleText: '安排网格议事会' })
