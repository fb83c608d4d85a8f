import { createHash } from 'crypto'
import {
  cancelSignUp,
  certificateCheckOf,
  issueCertificate,
  readCertificateCode,
  checkCode,
  checkIn,
  checkInCode,
  checkOut,
  codeExpiresAt,
  codePayload,
  codeWindow,
  checkRepeatMonths,
  describeMonthlyRule,
  monthlyDates,
  repeatMonthly,
  correctHours,
  creditedHours,
  describeActivityTime,
  mayJoin,
  normaliseActivityDraft,
  personalCode,
  personalPayload,
  readCode,
  readPersonalCode,
  signUpOfPersonalCode,
  serviceHours,
  serviceRecordOf,
  signUp,
  validateActivityDraft,
  withdrawForClosure,
  type Activity,
  type ActivityDraft,
  type SignUp,
} from '../../src/domain/activity'
import { refusal } from '../support/refusal'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const NOW = at('2026-11-25T10:00:00')
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

const draft: ActivityDraft = {
  theme: '党员责任区集中奉献日：清扫楼道',
  kind: '党员责任区集中奉献日',
  unit: '东安社区党委',
  date: '2026-12-05',
  start: '09:00',
  end: '11:30',
  place: '东安社区文化广场',
  capacity: 2,
  bring: '手套',
  audience: ['volunteers', 'residents'],
  deadline: '2026-12-04T18:00:00+08:00',
}
const activity: Activity = { ...draft, id: 'h1', publishedBy: { id: 'staff', name: '刘芳' }, publishedAt: '2026-11-25T10:00:00+08:00', secret: 's3cret' }
let seq = 0
const join = (list: SignUp[], accountId: string, now = NOW) => [...list, signUp(activity, list, { id: accountId, role: 'volunteer' }, `s${++seq}`, now)]

describe('the activity form', () => {
  it('accepts a whole draft and names every bad field in Chinese', () => {
    expect(validateActivityDraft(draft, NOW)).toEqual({})
    const errors = validateActivityDraft({ ...draft, theme: ' ', kind: '跳舞', date: '2026-11-24', start: '9点', end: '08:00', capacity: 0, audience: [], deadline: 'tomorrow' }, NOW)
    expect(Object.keys(errors).sort()).toEqual(['audience', 'capacity', 'date', 'deadline', 'kind', 'start', 'theme'])
    expect(errors.date).toBe('不能安排在过去的日期')
    expect(validateActivityDraft({ ...draft, end: '09:00' }, NOW).end).toBe('结束时间须晚于开始时间')
    expect(validateActivityDraft({ ...draft, deadline: '2026-12-05T09:00:01+08:00' }, NOW).deadline).toBe('报名截止时间不能晚于活动开始')
    expect(validateActivityDraft({ ...draft, deadline: '2026-11-25T10:00:00+08:00' }, NOW).deadline).toBe('报名截止时间须晚于现在')
  })

  it('stores trimmed text, each audience once in a fixed order, and the deadline in China time', () => {
    const stored = normaliseActivityDraft({ ...draft, theme: ' 植树 ', audience: ['residents', 'volunteers'], deadline: '2026-12-04T10:00:00Z' })
    expect([stored.theme, stored.audience, stored.deadline]).toEqual(['植树', ['volunteers', 'residents'], '2026-12-04T18:00:00+08:00'])
    expect(describeActivityTime(draft)).toBe('12月5日 周六 09:00–11:30')
  })
})

describe('signing up', () => {
  it('gives places up to the capacity, then a waiting list as long as the capacity, then refuses', () => {
    let list: SignUp[] = []
    for (const id of ['a', 'b', 'c', 'd']) list = join(list, id)
    expect(list.map((s) => s.status)).toEqual(['joined', 'joined', 'waiting', 'waiting'])
    expect(refusal(() => join(list, 'e')).message).toBe('名额和候补都已满，请关注其他活动')
    expect(refusal(() => join(list, 'a')).code).toBe('CONFLICT')
  })

  it('closes at the deadline, to the millisecond', () => {
    const deadline = Date.parse(draft.deadline)
    expect(join([], 'a', deadline - 1)[0].status).toBe('joined')
    expect(refusal(() => join([], 'a', deadline)).message).toBe('报名已截止')
  })

  it('admits only the audience; 在职党员 have no role, so that audience admits every resident and volunteer', () => {
    expect(mayJoin({ audience: ['volunteers'] }, { role: 'resident' })).toBe(false)
    expect(mayJoin({ audience: ['volunteers'] }, { role: 'volunteer' })).toBe(true)
    expect(mayJoin({ audience: ['residents'] }, { role: 'elder' })).toBe(true)
    // 在职党员: only those whose profile says so, whatever their role (staff never join).
    expect(mayJoin({ audience: ['party'] }, { role: 'resident' })).toBe(false)
    expect(mayJoin({ audience: ['party'] }, { role: 'volunteer', partyMember: false })).toBe(false)
    expect(mayJoin({ audience: ['party'] }, { role: 'resident', partyMember: true })).toBe(true)
    expect(mayJoin({ audience: ['party'] }, { role: 'elder', partyMember: true })).toBe(true)
    expect(mayJoin({ audience: ['volunteers', 'party', 'residents'] }, { role: 'staff', partyMember: true })).toBe(false)
    expect(refusal(() => signUp({ ...activity, audience: ['volunteers'] }, [], { id: 'r', role: 'resident' }, 'x', NOW)).code).toBe('FORBIDDEN')
  })

  it('moves the first of the waiting list in when a place is freed, until the deadline', () => {
    let list: SignUp[] = []
    for (const id of ['a', 'b', 'c', 'd']) list = join(list, id)
    const changed = cancelSignUp(list[0], activity, list, NOW + 1000)
    expect(changed.map((s) => [s.accountId, s.status, s.promotedAt])).toEqual([
      ['a', 'cancelled', null],
      ['c', 'joined', '2026-11-25T10:00:01+08:00'],
    ])
    expect(cancelSignUp(list[3], activity, list, NOW)).toHaveLength(1)
    expect(refusal(() => cancelSignUp(list[1], activity, list, Date.parse(draft.deadline))).code).toBe('CONFLICT')
  })
})

describe('注销账号', () => {
  it('withdraws a sign-up of an activity yet to start, even past the deadline, and moves the waiting list in', () => {
    let list: SignUp[] = []
    for (const id of ['a', 'b', 'c']) list = join(list, id)
    const afterDeadline = at('2026-12-05T08:59:59')
    expect(withdrawForClosure(list, 'a', activity, afterDeadline).map((s) => [s.accountId, s.status])).toEqual([
      ['a', 'cancelled'],
      ['c', 'joined'],
    ])
    expect(withdrawForClosure(list, 'a', activity, at('2026-12-05T09:00:00'))).toEqual([])
    expect(withdrawForClosure(list, 'z', activity, NOW)).toEqual([])
  })
})

describe('the live check-in code', () => {
  const start = at('2026-12-05T09:00:00')

  it('changes every 30 seconds, on window boundaries', () => {
    expect(codeWindow(start + 29_999)).toBe(codeWindow(start))
    expect(codeWindow(start + 30_000)).toBe(codeWindow(start) + 1)
    expect(codeExpiresAt(start + 10_000)).toBe(start + 30_000)
    expect(checkInCode('s3cret', 1, sha)).toMatch(/^\d{6}$/)
    expect(checkInCode('s3cret', 1, sha)).not.toBe(checkInCode('s3cret', 2, sha))
    expect(checkInCode('s3cret', 1, sha)).not.toBe(checkInCode('other', 1, sha))
  })

  it('accepts the current and the previous window only; an older code is expired, a made-up one wrong', () => {
    const shown = checkInCode('s3cret', codeWindow(start), sha)
    expect(() => checkCode(shown, 'h1', 's3cret', start, sha)).not.toThrow()
    expect(() => checkCode(shown, 'h1', 's3cret', start + 30_000, sha)).not.toThrow()
    expect(() => checkCode(shown, 'h1', 's3cret', start + 59_999, sha)).not.toThrow()
    const expired = refusal(() => checkCode(shown, 'h1', 's3cret', start + 60_000, sha))
    expect([expired.code, expired.message]).toEqual(['CONFLICT', '签到码已过期，请扫描组织者手机上的最新签到码'])
    const forged = String((Number(shown) + 1) % 1_000_000).padStart(6, '0')
    expect(refusal(() => checkCode(forged, 'h1', 's3cret', start, sha)).fields.code).toMatch(/签到码不正确/)
    expect(refusal(() => checkCode('12ab', 'h1', 's3cret', start, sha)).code).toBe('VALIDATION')
  })

  it('reads a scanned payload, and refuses another activity’s', () => {
    const shown = checkInCode('s3cret', codeWindow(start), sha)
    expect(readCode(codePayload('h1', shown))).toEqual({ activityId: 'h1', code: shown })
    expect(readCode(' 123 456 ')).toEqual({ activityId: null, code: '123456' })
    expect(() => checkCode(codePayload('h1', shown), 'h1', 's3cret', start, sha)).not.toThrow()
    expect(refusal(() => checkCode(codePayload('h9', shown), 'h1', 's3cret', start, sha)).message).toBe('这是另一项活动的签到码')
  })
})

describe('the volunteer’s own code', () => {
  const start = at('2026-12-05T09:00:00')
  const list = join(join(join([], 'a'), 'b'), 'c')
  // The third is on the waiting list (capacity 2): no code of theirs lets them in.
  const [a, b, waiting] = list
  const codeOf = (s: SignUp, moment: number) => personalCode(activity.secret, s.id, codeWindow(moment), sha)

  it('is eight digits per sign-up and window, carrying nothing of the person', () => {
    expect(waiting.status).toBe('waiting')
    expect(codeOf(a, start)).toMatch(/^\d{8}$/)
    expect(codeOf(a, start)).not.toBe(codeOf(b, start))
    expect(codeOf(a, start)).not.toBe(codeOf(a, start + 30_000))
    expect(personalPayload('h1', codeOf(a, start))).toBe(`VP:h1:${codeOf(a, start)}`)
    expect(personalPayload('h1', codeOf(a, start))).not.toContain(a.accountId)
    expect(readPersonalCode(' 1234 5678 ')).toEqual({ activityId: null, code: '12345678' })
    expect(readPersonalCode('123456')).toBeNull()
  })

  it('finds the sign-up from its code of this window or the last, the same instants in any zone; older is expired, others wrong', () => {
    expect(signUpOfPersonalCode(codeOf(a, start), activity, list, start, sha)).toBe(a)
    // Written in UTC, the same moment: 30 seconds later the code still works, 60 seconds later it has expired.
    expect(signUpOfPersonalCode(personalPayload('h1', codeOf(b, start)), activity, list, Date.parse('2026-12-05T01:00:59.999Z'), sha)).toBe(b)
    const expired = refusal(() => signUpOfPersonalCode(codeOf(b, start), activity, list, Date.parse('2026-12-05T01:01:00Z'), sha))
    expect([expired.code, expired.message]).toEqual(['CONFLICT', '志愿者的签到码已过期，请对方打开最新的签到码'])
    expect(refusal(() => signUpOfPersonalCode(codeOf(waiting, start), activity, list, start, sha)).code).toBe('VALIDATION')
    expect(refusal(() => signUpOfPersonalCode(personalPayload('h9', codeOf(a, start)), activity, list, start, sha)).message).toBe('这是另一项活动的志愿者签到码')
    expect(refusal(() => signUpOfPersonalCode(codeOf(a, start), { id: 'h1', secret: 'other' }, list, start, sha)).code).toBe('VALIDATION')
    expect(refusal(() => signUpOfPersonalCode('HD:h1:123456', activity, list, start, sha)).fields.code).toBe('请输入志愿者手机上的8位数字')
  })
})

describe('check-in, check-out and hours', () => {
  const joined = join([], 'a')[0]

  it('opens check-in 30 minutes before the start and closes it at the end; a second check-in changes nothing', () => {
    expect(refusal(() => checkIn(joined, activity, at('2026-12-05T08:29:59'))).message).toMatch(/^签到在活动开始前30分钟开放/)
    const inside = checkIn(joined, activity, at('2026-12-05T08:30:00'))
    expect(inside.checkedInAt).toBe('2026-12-05T08:30:00+08:00')
    expect(checkIn(inside, activity, at('2026-12-05T09:10:00'))).toBe(inside)
    expect(refusal(() => checkIn(joined, activity, at('2026-12-05T11:30:00'))).message).toBe('活动已结束，不能签到')
    expect(refusal(() => checkIn({ ...joined, status: 'waiting' }, activity, at('2026-12-05T09:00:00'))).code).toBe('CONFLICT')
    expect(refusal(() => checkOut(joined, activity, at('2026-12-05T10:00:00'))).message).toBe('请先签到')
  })

  it('computes hours within the activity’s time, rounded down to half hours, at the exact boundaries', () => {
    const hours = (from: string, to: string) => serviceHours(draft, `${from}+08:00`, `${to}+08:00`)
    expect(hours('2026-12-05T08:30:00', '2026-12-05T11:30:00')).toBe(2.5) // early arrival counts from the start
    expect(hours('2026-12-05T09:00:00', '2026-12-05T13:00:00')).toBe(2.5) // late check-out counts to the end
    expect(hours('2026-12-05T09:00:00', '2026-12-05T09:29:59')).toBe(0)
    expect(hours('2026-12-05T09:00:00', '2026-12-05T09:30:00')).toBe(0.5)
    expect(hours('2026-12-05T09:00:00', '2026-12-05T10:59:59')).toBe(1.5)
    expect(hours('2026-12-05T09:00:01', '2026-12-05T11:00:00')).toBe(1.5)
    expect(hours('2026-12-05T11:40:00', '2026-12-05T12:00:00')).toBe(0)
  })

  it('checks out until two hours after the end, keeping the computed hours', () => {
    const inside = checkIn(joined, activity, at('2026-12-05T08:50:00'))
    const out = checkOut(inside, activity, at('2026-12-05T10:45:00'))
    expect([out.checkedOutAt, out.hours]).toEqual(['2026-12-05T10:45:00+08:00', 1.5])
    expect(checkOut(out, activity, at('2026-12-05T11:00:00'))).toBe(out)
    expect(checkOut(inside, activity, at('2026-12-05T13:29:59')).hours).toBe(2.5)
    expect(refusal(() => checkOut(inside, activity, at('2026-12-05T13:30:00'))).code).toBe('CONFLICT')
  })

  it('keeps a correction beside the original hours, with its reason', () => {
    const out = checkOut(checkIn(joined, activity, at('2026-12-05T09:00:00')), activity, at('2026-12-05T09:40:00'))
    const by = { id: 'staff', name: '刘芳' }
    const fixed = correctHours(out, activity, { hours: 2.5, reason: ' 忘记签退 ' }, by, at('2026-12-05T12:00:00'))
    expect([fixed.hours, fixed.correction, creditedHours(fixed), creditedHours(out)]).toEqual([
      0.5,
      { hours: 2.5, reason: '忘记签退', by, at: '2026-12-05T12:00:00+08:00' },
      2.5,
      0.5,
    ])
    const bad = refusal(() => correctHours(out, activity, { hours: 2.7, reason: '' }, by, NOW))
    expect(Object.keys(bad.fields).sort()).toEqual(['hours', 'reason'])
    expect(refusal(() => correctHours(out, activity, { hours: 3, reason: '多算' }, by, NOW)).fields.hours).toBe('时长须为0到2.5之间、以0.5小时计')
  })
})

describe('志愿服务记录', () => {
  it('sums hours per China year and in all, newest first, leaving out services without hours', () => {
    const record = serviceRecordOf([
      { kind: 'wish', id: 'w1', title: '代买药品', organiser: '微心愿', date: '2025-12-31', hours: 1 },
      { kind: 'activity', id: 's2', title: '植树', organiser: '东安社区党委', date: '2026-01-01', hours: 2.5 },
      { kind: 'activity', id: 's3', title: '宣讲', organiser: '东安社区党委', date: '2026-03-01', hours: 0 },
      { kind: 'activity', id: 's4', title: '清扫', organiser: '区城管局', date: '2026-11-28', hours: 1.5 },
    ])
    expect(record.entries.map((e) => e.id)).toEqual(['s4', 's2', 'w1'])
    expect(record.yearly).toEqual([
      { year: 2026, hours: 4 },
      { year: 2025, hours: 1 },
    ])
    expect(record.totalHours).toBe(5)
  })
})

describe('出具证明', () => {
  const record = serviceRecordOf([
    { kind: 'wish', id: 'w1', title: '王秀英家的水管坏了', organiser: '微心愿', date: '2026-10-01', hours: 1 },
    { kind: 'activity', id: 's2', title: '植树', organiser: '东安社区党委', date: '2026-11-01', hours: 2.5 },
  ])

  it('names micro-wishes only as such, and its public check shows the totals with the name masked', () => {
    const c = issueCertificate(record, { id: 'volunteer', name: '赵志强' }, '0123456789ABCDEF', NOW)
    expect(c.record.entries.map((e) => e.title)).toEqual(['植树', '微心愿服务'])
    expect(certificateCheckOf(c)).toEqual({
      code: '0123456789ABCDEF',
      holder: '赵*强',
      issuer: '东安社区党群服务中心',
      issuedAt: '2026-11-25T10:00:00+08:00',
      totalHours: 3.5,
      serviceCount: 2,
      yearly: [{ year: 2026, hours: 3.5 }],
    })
  })

  it('reads a verification code as typed', () => {
    expect(readCertificateCode(' 0123 4567 89ab cdef ')).toBe('0123456789ABCDEF')
    expect(readCertificateCode('0123456789ABCDEG')).toBeNull()
    expect(readCertificateCode(42)).toBeNull()
  })
})

describe('monthly activities from a rule', () => {
  it('keeps the weekday and its place in the month, the last one standing in for a missing 5th', () => {
    // Saturday 2026-12-12 is the second Saturday of December.
    expect(monthlyDates('2026-12-12', 3)).toEqual(['2026-12-12', '2027-01-09', '2027-02-13'])
    expect(describeMonthlyRule('2026-12-12')).toBe('每月第二个周六')
    // Thursday 2026-12-31 is a 5th Thursday: the last Thursday of each month after it.
    expect(monthlyDates('2026-12-31', 3)).toEqual(['2026-12-31', '2027-01-28', '2027-02-25'])
    expect(describeMonthlyRule('2026-12-31')).toBe('每月最后一个周四')
  })

  it('moves each deadline with its activity', () => {
    const drafts = repeatMonthly({ ...draft, date: '2026-12-05', deadline: '2026-12-04T18:00:00+08:00' }, 2)
    expect(drafts.map((d) => [d.date, d.deadline])).toEqual([
      ['2026-12-05', '2026-12-04T18:00:00+08:00'],
      ['2027-01-02', '2027-01-01T18:00:00+08:00'],
    ])
    expect(checkRepeatMonths(13)).toBe('重复月数须为1到12之间的整数')
    expect(checkRepeatMonths(6)).toBeNull()
  })
})
