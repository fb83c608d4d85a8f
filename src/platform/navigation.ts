import Taro from '@tarojs/taro'

export type TabPath = '/pages/home/index' | '/pages/me/index'

/** Opens a tab page: WeChat's tab bar in the mini-program, a fresh page stack on H5. */
export function goToTab(url: TabPath): void {
  if (process.env.TARO_ENV === 'h5') Taro.reLaunch({ url })
  else Taro.switchTab({ url })
}

/** Pages of the capabilities, by name, so pages don't spell out paths. */
export const ROUTES = {
  wishPost: '/wish/pages/post/index',
  wishList: (mode: 'mine' | 'open' | 'tasks' | 'review') => `/wish/pages/list/index?mode=${mode}`,
  wishDetail: (id: string) => `/wish/pages/detail/index?id=${encodeURIComponent(id)}`,
  messages: '/inbox/pages/list/index',
  privacyPolicy: '/legal/pages/privacy/index',
  myData: '/legal/pages/mydata/index',
  termsOfService: '/legal/pages/terms/index',
  clinics: '/clinic/pages/list/index',
  clinicDetail: (id: string) => `/clinic/pages/detail/index?id=${encodeURIComponent(id)}`,
  clinicBook: (clinicId: string, slotId: string) =>
    `/clinic/pages/book/index?clinic=${encodeURIComponent(clinicId)}&slot=${encodeURIComponent(slotId)}`,
  clinicTicket: (bookingId: string) => `/clinic/pages/ticket/index?id=${encodeURIComponent(bookingId)}`,
  myBookings: '/clinic/pages/mine/index',
  clinicManage: (id?: string) => `/clinic/pages/manage/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  clinicRoster: (id: string) => `/clinic/pages/roster/index?id=${encodeURIComponent(id)}`,
  jobs: '/jobs/pages/list/index',
  job: (id: string) => `/jobs/pages/detail/index?id=${encodeURIComponent(id)}`,
  jobApply: (id: string) => `/jobs/pages/apply/index?id=${encodeURIComponent(id)}`,
  myApplications: '/jobs/pages/mine/index',
  jobManage: (id?: string) => `/jobs/pages/manage/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  jobApplicants: (id: string) => `/jobs/pages/applicants/index?id=${encodeURIComponent(id)}`,
  matterRaise: '/matters/pages/raise/index',
  myMatters: '/matters/pages/mine/index',
  matter: (id: string) => `/matters/pages/detail/index?id=${encodeURIComponent(id)}`,
  publicMatters: '/matters/pages/public/index',
  mattersToHandle: '/matters/pages/handle/index',
  mediation: (matterId?: string) => `/matters/pages/mediation/index${matterId ? `?matter=${encodeURIComponent(matterId)}` : ''}`,
  mediationManage: '/matters/pages/mediation-manage/index',
  meetings: '/matters/pages/meetings/index',
  meeting: (id: string) => `/matters/pages/meeting/index?id=${encodeURIComponent(id)}`,
  meetingNew: '/matters/pages/meeting-new/index',
  activities: '/activity/pages/list/index',
  activity: (id: string) => `/activity/pages/detail/index?id=${encodeURIComponent(id)}`,
  mySignUps: '/activity/pages/mine/index',
  activityOrganiser: (id: string) => `/activity/pages/organiser/index?id=${encodeURIComponent(id)}`,
  activityPublish: '/activity/pages/publish/index',
  serviceRecord: '/activity/pages/record/index',
  certificate: '/activity/pages/certificate/index',
  verifyCertificate: (code?: string) => `/activity/pages/verify/index${code ? `?c=${encodeURIComponent(code)}` : ''}`,
  rooms: '/rooms/pages/list/index',
  room: (id: string) => `/rooms/pages/detail/index?id=${encodeURIComponent(id)}`,
  myRoomBookings: '/rooms/pages/mine/index',
  roomDoor: (id: string) => `/rooms/pages/door/index?id=${encodeURIComponent(id)}`,
  dashboard: '/staff/pages/dashboard/index',
  volunteers: '/staff/pages/volunteers/index',
  auditTrail: '/staff/pages/audit/index',
}

export function open(url: string): void {
  Taro.navigateTo({ url })
}

/** True when there is a page to go back to (a page opened from a shared link has none). */
export function hasPageBehind(): boolean {
  try {
    return Taro.getCurrentPages().length > 1
  } catch {
    // No router (page tests): nothing to go back to.
    return false
  }
}
