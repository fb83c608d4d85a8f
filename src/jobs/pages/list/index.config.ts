export default definePageConfig({ navigationBarTitleText: '就业创业' })
