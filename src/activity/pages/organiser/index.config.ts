// The organiser's phone shows the code for the whole check-in: keep the screen on.
export default definePageConfig({ navigationBarTitleText: '现场签到' })
