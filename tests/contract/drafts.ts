/* Valid requests the contract tests start from (seed accounts: 李明 resident,
 * 张桂兰 elder). Tests spread them and change what they are about. */
import type { ActivityDraft, ApplicationDraft, BookingDraft, PostingDraft, ClinicDraft, WishDraft } from '../../src/api/types'

/** 李明's wish. */
export const WISH: WishDraft = {
  category: '维修',
  title: '阳台晾衣架坏了',
  description: '升降晾衣架的钢丝断了，降不下来，想请人帮忙修一下。',
  preferredTime: '周末',
  address: { building: '友谊路9号3栋', unit: '2单元', room: '301' },
  phone: '13804521234',
  photos: [],
}

/** 张桂兰 booking for herself. */
export const PATIENT: BookingDraft = { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: '偶尔胸闷', assistance: ['轮椅'] }

/** 李明 applying for a job. */
export const APPLICATION: ApplicationDraft = { name: '李明', phone: '13804521234', note: '周末也可以上班' }

/** A clinic staff publish, on Monday 2026-11-30. */
export const CLINIC: ClinicDraft = {
  title: '社区健康体检',
  specialty: '全科',
  doctors: '刘医生',
  hospital: '碾子山区人民医院',
  place: '东安社区服务站',
  date: '2026-11-30',
  slots: [{ id: 'x1', start: '09:00', end: '10:00', capacity: 10 }],
  opensAt: '2026-11-20T08:00:00+08:00',
  cutoffMinutes: 120,
  notes: '',
}

/** A job posting staff publish, open until the end of 2026. */
export const POSTING: PostingDraft = {
  title: '社区食堂帮厨',
  employer: '幸福里康养管家',
  kind: '兼职',
  payMin: 2000,
  payMax: 2800,
  place: '幸福里康养管家食堂',
  hours: '每天10:00–13:00',
  requirements: '身体健康，有健康证',
  tags: ['长者', '女性'],
  contactName: '陈桂芝',
  contactPhone: '0452-5861103',
  expiresOn: '2026-12-31',
}

/** An activity staff publish, on Saturday 2026-11-28 from 09:00 to 11:30; sign-ups until Friday 18:00. */
export const ACTIVITY: ActivityDraft = {
  theme: '党员责任区集中奉献日',
  kind: '党员责任区集中奉献日',
  unit: '东安社区党委',
  date: '2026-11-28',
  start: '09:00',
  end: '11:30',
  place: '东安社区文化广场',
  capacity: 20,
  bring: '手套',
  audience: ['volunteers', 'party', 'residents'],
  deadline: '2026-11-27T18:00:00+08:00',
}
