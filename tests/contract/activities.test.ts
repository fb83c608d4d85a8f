import type { Api } from '../../src/api/contract'
import { ACTIVITY } from './drafts'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

// Wednesday 2026-11-25 10:00 China time; the activity is on Saturday 11-28, 09:00–11:30.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const at = (iso: string) => Date.parse(`${iso}+08:00`)
let clock = T0
const now = () => clock

describe.each(TARGETS)('activity contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('lists upcoming activities soonest first with places left, never showing the code’s secret', async () => {
    const staff = await clientAs(t, 'staff')
    const made = await staff.publishActivity({ ...ACTIVITY, theme: ' 清扫楼道 ' })
    expect(made).toMatchObject({ theme: '清扫楼道', publishedBy: { id: 'staff', name: '刘芳' }, startsAt: '2026-11-28T09:00:00+08:00', checkInOpensAt: '2026-11-28T08:30:00+08:00', placesLeft: 20, waiting: 0, signUpOpen: true })
    const anyone = await clientAs(t, null)
    const listed = await anyone.listActivities()
    expect(listed.map((a) => a.id)).toContain(made.id)
    expect(listed.map((a) => a.startsAt)).toEqual(listed.map((a) => a.startsAt).sort())
    expect(JSON.stringify(listed)).not.toMatch(/secret/)
    expect(JSON.stringify(await anyone.getActivity(made.id))).not.toMatch(/secret/)
  })

  it('names every bad field and publishes nothing', async () => {
    const staff = await clientAs(t, 'staff')
    const before = (await staff.listActivities()).length
    const bad = await failureOf(staff.publishActivity({ ...ACTIVITY, theme: '', end: '08:00', capacity: 0, audience: [], deadline: '2026-11-29T09:00:00+08:00' }))
    expect(bad.code).toBe('VALIDATION')
    expect(bad.fields).toEqual({ theme: '请填写活动主题', end: '结束时间须晚于开始时间', capacity: '人数上限须为1到500之间的整数', audience: '请至少选择一类可参加的人', deadline: '报名截止时间不能晚于活动开始' })
    expect(await staff.listActivities()).toHaveLength(before)
  })

  it('publishes a monthly series from a rule, each with its own check-in code', async () => {
    const staff = await clientAs(t, 'staff')
    const bad = await failureOf(staff.publishActivitySeries({ ...ACTIVITY, theme: '' }, 13))
    expect([bad.code, Object.keys(bad.fields).sort()]).toEqual(['VALIDATION', ['months', 'theme']])
    const series = await staff.publishActivitySeries(ACTIVITY, 3)
    expect(series.map((a) => [a.date, a.deadline])).toEqual([
      ['2026-11-28', '2026-11-27T18:00:00+08:00'],
      ['2026-12-26', '2026-12-25T18:00:00+08:00'],
      ['2027-01-23', '2027-01-22T18:00:00+08:00'],
    ])
    clock = at('2026-11-28T09:00:00')
    const codes = await Promise.all(series.map((a) => staff.getLiveCode(a.id)))
    expect(new Set(codes.map((c) => c.code)).size).toBe(3)
  })

  it('never signs up more than the capacity under 100 simultaneous sign-ups: 20 places, 20 waiting, the rest refused', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity(ACTIVITY)
    const people: Api[] = []
    for (let batch = 0; batch < 100; batch += 25) {
      const sessions = await Promise.all(Array.from({ length: 25 }, (_, i) => t.clientWith(null).loginWithPhone(`phone:1390000${String(batch + i).padStart(4, '0')}`)))
      people.push(...sessions.map((s) => t.clientWith(s.token)))
    }
    const results = await Promise.allSettled(people.map((api) => api.signUpForActivity(activity.id)))
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string; message: string }] : []))
    expect(ok.filter((s) => s.status === 'joined')).toHaveLength(20)
    expect(ok.filter((s) => s.status === 'waiting')).toHaveLength(20)
    expect(refused).toHaveLength(60)
    expect(new Set(refused.map((e) => `${e.code} ${e.message}`))).toEqual(new Set(['CONFLICT 名额和候补都已满，请关注其他活动']))
    const roster = await staff.getActivityRoster(activity.id)
    expect([roster.activity.placesLeft, roster.activity.waiting, roster.signUps.length]).toEqual([0, 20, 40])
    expect(roster.signUps.every((s) => /^居民\d{4}$/.test(s.name))).toBe(true)
  }, 30_000) // 100 sign-ins first, on a shared machine

  it('moves the first of the waiting list in on cancellation, and closes cancelling at the deadline', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity({ ...ACTIVITY, capacity: 1 })
    const volunteer = await clientAs(t, 'volunteer')
    const resident = await clientAs(t, 'resident')
    const held = await volunteer.signUpForActivity(activity.id)
    clock += 1000
    const waiting = await resident.signUpForActivity(activity.id)
    expect([held.status, waiting.status]).toEqual(['joined', 'waiting'])
    expect((await failureOf(volunteer.signUpForActivity(activity.id))).message).toBe('您已经报名了这项活动，请在“我的活动”查看')
    expect((await failureOf(resident.cancelSignUp(held.id))).code).toBe('NOT_FOUND')
    expect((await volunteer.cancelSignUp(held.id)).status).toBe('cancelled')
    expect((await resident.listMySignUps()).map((s) => [s.status, s.promotedAt])).toEqual([['joined', '2026-11-25T10:00:01+08:00']])
    clock = at('2026-11-27T18:00:00')
    expect((await failureOf(resident.cancelSignUp(waiting.id))).code).toBe('CONFLICT')
    expect((await failureOf(volunteer.signUpForActivity(activity.id))).message).toBe('报名已截止')
  })

  it('tells the one the waiting list moves in, in 消息, once whatever retries, with the time and place; nobody else is told', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity({ ...ACTIVITY, capacity: 1 })
    const volunteer = await clientAs(t, 'volunteer')
    const resident = await clientAs(t, 'resident')
    const elder = await clientAs(t, 'elder')
    const held = await volunteer.signUpForActivity(activity.id)
    const moved = await resident.signUpForActivity(activity.id)
    const before = (await volunteer.listMessages()).items.length
    clock += 1000
    const first = await volunteer.cancelSignUp(held.id, { idempotencyKey: 'cancel-once' })
    expect(await volunteer.cancelSignUp(held.id, { idempotencyKey: 'cancel-once' })).toEqual(first)
    const told = (await resident.listMessages()).items
    expect(told.map((m) => [m.title, m.link, m.eventKey, m.createdAt])).toEqual([['候补成功，请按时参加', { kind: 'activity', id: activity.id }, `signup:${moved.id}:promoted`, '2026-11-25T10:00:01+08:00']])
    expect(told[0].body).toBe(`${ACTIVITY.theme}：有人取消，您已从候补转为正式报名。时间：11月28日 周六 09:00–11:30，地点：${ACTIVITY.place}。请按时到场签到。`)
    expect((await elder.listMessages()).items.filter((m) => m.link.kind === 'activity')).toEqual([])
    expect((await volunteer.listMessages()).items.length).toBe(before)
    const later = await elder.signUpForActivity(activity.id)
    expect(later.status).toBe('waiting')
    // 注销账号 past the deadline withdraws the resident: the next on the list is told too.
    clock = at('2026-11-27T20:00:00')
    await resident.closeMyAccount()
    expect((await elder.listMessages()).items.filter((m) => m.link.kind === 'activity').map((m) => m.eventKey)).toEqual([`signup:${later.id}:promoted`])
  })

  it('admits to an activity for 在职党员 only those whose profile marks them so; the mark is theirs to set and unset', async () => {
    const staff = await clientAs(t, 'staff')
    const partyOnly = await staff.publishActivity({ ...ACTIVITY, audience: ['party'] })
    const resident = await clientAs(t, 'resident')
    const volunteer = await clientAs(t, 'volunteer')
    expect((await resident.getMe()).partyMember).toBeUndefined()
    const refused = await failureOf(resident.signUpForActivity(partyOnly.id))
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', '这项活动面向在职党员'])
    expect((await failureOf(volunteer.signUpForActivity(partyOnly.id))).code).toBe('FORBIDDEN')

    const bad = await failureOf(resident.setPartyMember('yes' as unknown as boolean))
    expect([bad.code, bad.fields]).toEqual(['VALIDATION', { partyMember: '请选择是或否' }])
    const marked = await resident.setPartyMember(true, { idempotencyKey: 'party-once' })
    expect(await resident.setPartyMember(true, { idempotencyKey: 'party-once' })).toEqual(marked)
    expect([marked.partyMember, (await resident.getMe()).partyMember]).toEqual([true, true])
    expect((await resident.signUpForActivity(partyOnly.id)).status).toBe('joined')
    // Nobody else is changed; unmarking closes the door again for new sign-ups.
    expect((await volunteer.getMe()).partyMember).toBeUndefined()
    expect((await resident.setPartyMember(false)).partyMember).toBeUndefined()
    const elder = await clientAs(t, 'elder')
    expect((await failureOf(elder.signUpForActivity(partyOnly.id))).code).toBe('FORBIDDEN')
    await elder.setPartyMember(true)
    expect((await elder.signUpForActivity(partyOnly.id)).status).toBe('joined')
  })

  it('checks in and out with the live code only: current and previous window; a replay changes nothing, an expired or made-up code is refused', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity(ACTIVITY)
    const volunteer = await clientAs(t, 'volunteer')
    await volunteer.signUpForActivity(activity.id)

    clock = at('2026-11-28T08:29:50')
    const early = await staff.getLiveCode(activity.id)
    expect(early).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), payload: `HD:${activity.id}:${early.code}`, expiresAt: '2026-11-28T08:30:00+08:00' })
    expect((await failureOf(volunteer.checkInToActivity(activity.id, early.code))).message).toMatch(/^签到在活动开始前30分钟开放/)

    clock = at('2026-11-28T08:50:10')
    const shown = await staff.getLiveCode(activity.id)
    clock += 25_000 // the next window: the code shown a moment ago still works
    const first = await volunteer.checkInToActivity(activity.id, shown.payload)
    expect(first.checkedInAt).toBe('2026-11-28T08:50:35+08:00')
    const replay = await volunteer.checkInToActivity(activity.id, shown.code)
    expect(replay.checkedInAt).toBe(first.checkedInAt)

    clock = at('2026-11-28T08:51:00')
    const expired = await failureOf(volunteer.checkInToActivity(activity.id, shown.code))
    expect([expired.code, expired.message]).toEqual(['CONFLICT', '签到码已过期，请扫描组织者手机上的最新签到码'])
    const current = (await staff.getLiveCode(activity.id)).code
    const forged = await failureOf(volunteer.checkInToActivity(activity.id, String((Number(current) + 1) % 1_000_000).padStart(6, '0')))
    expect([forged.code, forged.fields.code]).toEqual(['VALIDATION', '签到码不正确，请核对组织者手机上的数字'])
    // Someone who never signed up gets nothing from a valid code.
    expect((await failureOf((await clientAs(t, 'resident')).checkInToActivity(activity.id, current))).message).toBe('您没有报名这项活动')

    clock = at('2026-11-28T10:59:59')
    const out = await volunteer.checkOutOfActivity(activity.id, (await staff.getLiveCode(activity.id)).code)
    expect([out.checkedOutAt, out.hours, out.creditedHours]).toEqual(['2026-11-28T10:59:59+08:00', 1.5, 1.5])
  })

  it('lets the organiser scan a volunteer’s own code (no personal data in it) to check them in and out; another activity’s, an expired or a waiting volunteer’s code is refused', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity({ ...ACTIVITY, capacity: 1 })
    const other = await staff.publishActivity({ ...ACTIVITY, theme: '植树护绿' })
    const volunteer = await clientAs(t, 'volunteer')
    const resident = await clientAs(t, 'resident')
    const joined = await volunteer.signUpForActivity(activity.id)
    await volunteer.signUpForActivity(other.id)
    expect((await resident.signUpForActivity(activity.id)).status).toBe('waiting')

    clock = at('2026-11-28T08:50:10')
    const mine = await volunteer.getMyActivityCode(activity.id)
    expect(mine).toMatchObject({ code: expect.stringMatching(/^\d{8}$/), payload: `VP:${activity.id}:${mine.code}`, expiresAt: '2026-11-28T08:50:30+08:00' })
    // Nothing of the person: not their account, name, phone or sign-up.
    for (const personal of ['volunteer', '赵志强', '13604529876', joined.id]) expect(mine.payload).not.toContain(personal)
    expect((await failureOf(resident.getMyActivityCode(activity.id))).message).toBe('您还在候补中，不能签到')
    expect((await failureOf((await clientAs(t, 'elder')).getMyActivityCode(activity.id))).message).toBe('您没有报名这项活动')

    // The code of the volunteer's other activity, scanned at this one: refused, nothing changes.
    const elsewhere = await volunteer.getMyActivityCode(other.id)
    expect(elsewhere.code).not.toBe(mine.code)
    const wrongActivity = await failureOf(staff.scanVolunteerCode(activity.id, elsewhere.payload, 'check-in'))
    expect([wrongActivity.code, wrongActivity.message]).toEqual(['VALIDATION', '这是另一项活动的志愿者签到码'])
    expect((await failureOf(staff.scanVolunteerCode(activity.id, elsewhere.code, 'check-in'))).code).toBe('VALIDATION')
    expect((await failureOf(staff.scanVolunteerCode(activity.id, mine.code, 'arrive' as 'check-in'))).fields).toEqual({ step: '请选择签到或签退' })

    clock += 25_000 // the next window: the code shown a moment ago still works
    const inside = await staff.scanVolunteerCode(activity.id, mine.payload, 'check-in')
    expect([inside.id, inside.name, inside.checkedInAt]).toEqual([joined.id, '赵志强', '2026-11-28T08:50:35+08:00'])
    expect((await staff.scanVolunteerCode(activity.id, mine.code, 'check-in')).checkedInAt).toBe(inside.checkedInAt)
    clock = at('2026-11-28T08:51:00')
    const expired = await failureOf(staff.scanVolunteerCode(activity.id, mine.code, 'check-out'))
    expect([expired.code, expired.message]).toEqual(['CONFLICT', '志愿者的签到码已过期，请对方打开最新的签到码'])

    clock = at('2026-11-28T10:40:00')
    const out = await staff.scanVolunteerCode(activity.id, (await volunteer.getMyActivityCode(activity.id)).code, 'check-out')
    expect([out.checkedOutAt, out.hours]).toEqual(['2026-11-28T10:40:00+08:00', 1.5])
    expect((await volunteer.listMySignUps()).find((s) => s.id === joined.id)!.creditedHours).toBe(1.5)
    // The other activity saw nothing of it.
    expect((await staff.getActivityRoster(other.id)).signUps[0].checkedInAt).toBeNull()
  })

  it('keeps an organiser’s correction beside the computed hours, and counts it in the service record', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity(ACTIVITY)
    const volunteer = await clientAs(t, 'volunteer')
    const mine = await volunteer.signUpForActivity(activity.id)
    clock = at('2026-11-28T09:00:00')
    await volunteer.checkInToActivity(activity.id, (await staff.getLiveCode(activity.id)).code)
    clock = at('2026-11-28T09:40:00')
    await volunteer.checkOutOfActivity(activity.id, (await staff.getLiveCode(activity.id)).code)

    const noReason = await failureOf(staff.correctHours(mine.id, 2.5, ''))
    expect([noReason.code, Object.keys(noReason.fields)]).toEqual(['VALIDATION', ['reason']])
    clock = at('2026-11-28T12:00:00')
    const fixed = await staff.correctHours(mine.id, 2.5, '签退时手机没电，现场核实全程参加')
    expect([fixed.hours, fixed.creditedHours, fixed.correction]).toEqual([
      0.5,
      2.5,
      { hours: 2.5, reason: '签退时手机没电，现场核实全程参加', by: { id: 'staff', name: '刘芳' }, at: '2026-11-28T12:00:00+08:00' },
    ])
    const roster = await staff.getActivityRoster(activity.id)
    expect(roster.signUps.map((s) => [s.name, s.hours, s.creditedHours])).toEqual([['赵志强', 0.5, 2.5]])
    const record = await volunteer.getServiceRecord()
    expect(record.entries.find((e) => e.id === mine.id)).toEqual({ kind: 'activity', id: mine.id, title: ACTIVITY.theme, organiser: '东安社区党委', date: '2026-11-28', hours: 2.5 })
    expect(record.totalHours).toBe(record.entries.reduce((sum, e) => sum + e.hours, 0))
    expect(record.yearly.find((y) => y.year === 2026)!.hours).toBeGreaterThanOrEqual(2.5)
  })

  it('issues a certificate whose public check shows the same totals and nothing personal; it stops verifying after 注销账号', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity(ACTIVITY)
    const volunteer = await clientAs(t, 'volunteer')
    const mine = await volunteer.signUpForActivity(activity.id)
    await staff.correctHours(mine.id, 2, '现场核实')
    const record = await volunteer.getServiceRecord()
    const certificate = await volunteer.issueCertificate()
    expect(certificate).toMatchObject({ holder: '赵志强', issuer: '东安社区党群服务中心', issuedAt: '2026-11-25T10:00:00+08:00', record: { totalHours: record.totalHours, yearly: record.yearly } })
    expect(certificate.code).toMatch(/^[0-9A-F]{16}$/)
    expect(certificate.record.entries.filter((e) => e.kind === 'wish').every((e) => e.title === '微心愿服务')).toBe(true)

    const check = await (await clientAs(t, null)).checkCertificate(certificate.code.toLowerCase())
    expect(check).toEqual({ code: certificate.code, holder: '赵*强', issuer: '东安社区党群服务中心', issuedAt: '2026-11-25T10:00:00+08:00', totalHours: record.totalHours, serviceCount: record.entries.length, yearly: record.yearly })
    expect(JSON.stringify(check)).not.toMatch(/赵志强|13604529876|volunteer|DA0103/)
    expect((await failureOf((await clientAs(t, null)).checkCertificate('0123456789ABCDEF'))).code).toBe('NOT_FOUND')

    await volunteer.closeMyAccount()
    expect((await failureOf((await clientAs(t, null)).checkCertificate(certificate.code))).code).toBe('NOT_FOUND')
  })

  it('lists sign-ups in 个人信息, and 注销账号 withdraws them, even past the deadline, moving the waiting list in', async () => {
    const staff = await clientAs(t, 'staff')
    const activity = await staff.publishActivity({ ...ACTIVITY, capacity: 1 })
    const elder = await clientAs(t, 'elder')
    const mine = await elder.signUpForActivity(activity.id)
    const volunteer = await clientAs(t, 'volunteer')
    const waiting = await volunteer.signUpForActivity(activity.id)
    expect((await elder.getMyData()).signUps.map((s) => [s.id, s.activity.theme])).toEqual([[mine.id, ACTIVITY.theme]])
    clock = at('2026-11-27T20:00:00')
    await elder.closeMyAccount()
    const roster = await staff.getActivityRoster(activity.id)
    expect(roster.signUps.map((s) => [s.id, s.status, s.promotedAt])).toEqual([[waiting.id, 'joined', '2026-11-27T20:00:00+08:00']])
  })
})

type Who = 'resident' | 'elder' | 'volunteer' | 'staff' | null
const WHO: Who[] = ['resident', 'elder', 'volunteer', 'staff', null]
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'CONFLICT' | 'VALIDATION'

// The volunteer's sign-up of a published activity exists before each call; the clock is at its check-in time.
const TABLE: [string, (api: Api, ids: { activity: string; signUp: string; code: string; personal: string }) => Promise<unknown>, Outcome[]][] = [
  //                                                    resident     elder        volunteer    staff        nobody
  ['list activities', (api) => api.listActivities(), ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['publish', (api) => api.publishActivity({ ...ACTIVITY, date: '2026-11-29', deadline: '2026-11-29T08:00:00+08:00' }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['publish a monthly series', (api) => api.publishActivitySeries({ ...ACTIVITY, date: '2026-11-29', deadline: '2026-11-29T08:00:00+08:00' }, 2), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['sign up', (api, ids) => api.signUpForActivity(ids.activity), ['CONFLICT', 'CONFLICT', 'CONFLICT', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['cancel the volunteer’s sign-up', (api, ids) => api.cancelSignUp(ids.signUp), ['NOT_FOUND', 'NOT_FOUND', 'CONFLICT', 'NOT_FOUND', 'UNAUTHORIZED']],
  ['see the live code', (api, ids) => api.getLiveCode(ids.activity), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['check in with the live code', (api, ids) => api.checkInToActivity(ids.activity, ids.code), ['CONFLICT', 'CONFLICT', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['see my own code', (api, ids) => api.getMyActivityCode(ids.activity), ['CONFLICT', 'CONFLICT', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['scan the volunteer’s own code', (api, ids) => api.scanVolunteerCode(ids.activity, ids.personal, 'check-in'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['see the roster', (api, ids) => api.getActivityRoster(ids.activity), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['correct hours', (api, ids) => api.correctHours(ids.signUp, 1, '现场核实'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['mark oneself 在职党员', (api) => api.setPartyMember(true), ['ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['see the service record', (api) => api.getServiceRecord(), ['ok', 'ok', 'ok', 'ok', 'UNAUTHORIZED']],
  // Only the volunteer has served yet (a micro-wish of the seed); a sign-up without hours is no service.
  ['issue a certificate', (api) => api.issueCertificate(), ['CONFLICT', 'CONFLICT', 'ok', 'CONFLICT', 'UNAUTHORIZED']],
]

describe.each(TARGETS)('activity authorization table: $name', (kind) => {
  it.each(TABLE)('%s', async (_name, call, expected) => {
    const outcomes: Outcome[] = []
    for (const who of WHO) {
      clock = T0
      const t = await kind.start({ now })
      try {
        const staff = await clientAs(t, 'staff')
        const activity = await staff.publishActivity(ACTIVITY)
        const signUp = await (await clientAs(t, 'volunteer')).signUpForActivity(activity.id)
        clock = at('2026-11-28T09:00:00')
        const { code } = await staff.getLiveCode(activity.id)
        const { code: personal } = await (await clientAs(t, 'volunteer')).getMyActivityCode(activity.id)
        try {
          await call(await clientAs(t, who), { activity: activity.id, signUp: signUp.id, code, personal })
          outcomes.push('ok')
        } catch (error) {
          outcomes.push((error as { code: Outcome }).code)
        }
      } finally {
        await t.close()
      }
    }
    // Past the deadline at check-in time: signing up and cancelling are CONFLICT for those who may.
    expect(outcomes).toEqual(expected)
  }, 30_000) // five fresh starts of the backend
})
