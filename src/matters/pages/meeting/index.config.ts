export default definePageConfig({ navigationBarTitleText: '议事会决议' })
