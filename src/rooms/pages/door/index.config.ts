// The room's door display: a screen at the door, signed in as staff, showing the live door code.
export default definePageConfig({ navigationBarTitleText: '门口签到码' })
