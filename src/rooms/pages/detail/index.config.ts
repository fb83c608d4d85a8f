// A room: its hours to book, or (母婴室) whether it is free; staff close it here.
export default definePageConfig({ navigationBarTitleText: '功能室' })
