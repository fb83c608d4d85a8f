import { bookMediation, recordOutcome, type MediationBooking, type MediationSlot } from '../../src/domain/mediation'
import { inChina } from '../../src/domain/chinaTime'
import type { StationMember } from '../../src/domain/station'
import { applyMatterAction, raiseMatter, type Matter, type MatterActor, type MatterDraft } from '../../src/domain/matters'
import { addToAgenda, publishMeeting, recordDecision, scheduleMeeting, type Meeting, type MeetingActor } from '../../src/domain/meetings'

const HOUR = 3600 * 1000
const WANG: MatterActor = { id: 'seed-wang', name: '王秀英', role: 'elder', gridCode: 'DA0103' }
const WORKER: MatterActor = { id: 'volunteer', name: '赵志强', role: 'volunteer', gridCode: 'DA0103' }

/**
 * The demo's matters of grid DA0103, raised by a resident who is not a demo
 * account: a safety hazard solved two weeks ago (so the figures have one), a
 * public safety hazard waiting to be accepted, a public one in progress, and a
 * private dispute. Made by the domain's own rules.
 */
export function seedMatters(now: number): Matter[] {
  const raise = (draft: MatterDraft, id: string, hoursAgo: number) => raiseMatter(draft, WANG, id, now - hoursAgo * HOUR)
  const cover = raise({ kind: '安全隐患', text: '1栋北侧的下水井盖松动，踩上去会晃', building: '友谊路9号1栋', unit: '', public: true }, 'mt-seed-0', 14 * 24)
  const accepted = applyMatterAction(cover, 'accept', WORKER, {}, now - 13 * 24 * HOUR)
  const answered = applyMatterAction(accepted, 'answer', WORKER, { text: '已请市政更换新井盖并加固' }, now - 12 * 24 * HOUR)
  const solved = applyMatterAction(answered, 'confirm', WANG, {}, now - 11 * 24 * HOUR)
  const hazard = raise({ kind: '安全隐患', text: '2栋楼道的灯坏了一个星期，晚上下楼看不见台阶', building: '友谊路9号2栋', unit: '1单元', public: true }, 'mt-seed-1', 30)
  const bins = raise({ kind: '环境卫生', text: '小区北门垃圾桶满了没人清，味道很大', building: '友谊路9号3栋', unit: '', public: true }, 'mt-seed-2', 50)
  const working = applyMatterAction(
    applyMatterAction(bins, 'accept', WORKER, {}, now - 48 * HOUR),
    'note',
    WORKER,
    { text: '已联系物业，增加每天清运一次' },
    now - 40 * HOUR,
  )
  const dispute = raise({ kind: '邻里纠纷', text: '楼上邻居家漏水到我家，协商了几次没有结果', building: '友谊路9号2栋', unit: '1单元', public: false }, 'mt-seed-3', 10)
  // Oldest first, like everything raised later.
  return [solved, working, hazard, dispute]
}

/**
 * The judges' station's consultation slots: mornings of the next five China
 * days, 3 places each (the station's 3 rotating judges), ids ms1…ms5; and ms0,
 * 8 days ago, where a mediation was held.
 */
export function seedMediationSlots(now: number): MediationSlot[] {
  return [-8, 1, 2, 3, 4, 5].map((n) => ({
    id: `ms${Math.max(n, 0)}`,
    date: inChina(now).add(n, 'day').format('YYYY-MM-DD'),
    start: '09:00',
    end: '11:00',
    place: '东安社区法官工作站（友谊路9号一楼）',
    capacity: 3,
  }))
}

/**
 * A mediation held 8 days ago in slot ms0 for a resident of DA0101 (not a demo
 * account), settled: the figures count one dispute mediated.
 */
export function seedMediationBookings(now: number, slots: MediationSlot[]): MediationBooking[] {
  const held = slots.find((s) => s.id === 'ms0')!
  const draft = { name: '周建华', phone: '13504527799', description: '和楼下邻居因为空调外机滴水的事多次争吵' }
  const booked = bookMediation(held, draft, 'seed-zhou', 0, false, 'mb-seed-1', now - 10 * 24 * HOUR)
  return [recordOutcome(booked, { outcome: '调解成功', note: '双方同意加装接水管，费用各担一半' })]
}

const STAFF: MeetingActor = { id: 'staff', name: '刘芳', role: 'staff', gridCode: null }

/**
 * Last evening's 网格议事会 of grid DA0103, its minutes published: the
 * overflowing bins (mt-seed-2) were discussed. Made by the domain's rules.
 */
export function seedMeetings(now: number, matters: Matter[]): Meeting[] {
  const bins = matters.find((m) => m.id === 'mt-seed-2')!
  const scheduled = scheduleMeeting(
    {
      gridCode: 'DA0103',
      date: inChina(now).subtract(1, 'day').format('YYYY-MM-DD'),
      start: '19:00',
      place: '友谊路9号党群服务站二楼',
      attendees: [
        { role: '网格书记', name: '陈建国' },
        { role: '网格员', name: '赵志强' },
        { role: '楼栋长', name: '马玉珍' },
        { role: '单元长', name: '韩德胜' },
        { role: '居民代表', name: '何淑芬' },
      ],
    },
    STAFF,
    'mg-seed-1',
    now - 72 * HOUR,
  )
  const decided = recordDecision(addToAgenda(scheduled, bins, STAFF), bins.id, { decision: '物业每天加清运一次，北门加放两个垃圾桶，楼栋长每周巡查' }, STAFF)
  return [publishMeeting(decided, { minutes: '本次议事会讨论北门垃圾清运一事，形成决议如上，由网格员跟进落实。' }, STAFF, now - 12 * HOUR)]
}

const MORNING = { start: '09:00', end: '12:00' }
const AFTERNOON = { start: '14:00', end: '17:30' }

/**
 * The station's roster: 3 judges of the district court rotating through the
 * weekdays' mornings, and 5 金牌调解员, one each weekday afternoon, two of
 * them on Saturday morning as well.
 */
export function seedStation(): StationMember[] {
  const member = (id: string, name: string, role: StationMember['role'], title: string, shifts: { days: number[]; start: string; end: string }[]): StationMember => ({
    id,
    name,
    role,
    title,
    shifts: shifts.map((s) => ({ contactId: id, ...s })),
  })
  const JUDGE = '区人民法院驻站法官'
  return [
    member('sj1', '李卫东', '法官', JUDGE, [{ days: [1, 4], ...MORNING }]),
    member('sj2', '杨红梅', '法官', JUDGE, [{ days: [2, 5], ...MORNING }]),
    member('sj3', '高志远', '法官', JUDGE, [{ days: [3], ...MORNING }]),
    member('sm1', '张玉兰', '金牌调解员', '退休教师、人民调解员', [{ days: [1], ...AFTERNOON }]),
    member('sm2', '陈国庆', '金牌调解员', '社区老党员', [{ days: [2], ...AFTERNOON }, { days: [6], ...MORNING }]),
    member('sm3', '刘淑珍', '金牌调解员', '退休社区主任', [{ days: [3], ...AFTERNOON }]),
    member('sm4', '王建平', '金牌调解员', '律师志愿者', [{ days: [4], ...AFTERNOON }, { days: [6], ...MORNING }]),
    member('sm5', '赵春梅', '金牌调解员', '楼栋长、人民调解员', [{ days: [5], ...AFTERNOON }]),
  ]
}
