import type { MediationDraft } from '../../src/api/types'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

// Wednesday 25 November 2026, 10:00 China time: slot ms1 is tomorrow 09:00–11:00, 3 places.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock

const DISPUTE: MediationDraft = { name: '李明', phone: '13804521234', description: '楼上邻居家漏水到我家，协商几次都没有结果' }

describe.each(TARGETS)('mediation contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it("shows anyone the station's roster: 3 rotating judges and 5 金牌调解员 with their shifts", async () => {
    const roster = await (await clientAs(t, null)).getStationRoster()
    expect(roster.map((m) => m.role).sort()).toEqual(['法官', '法官', '法官', '金牌调解员', '金牌调解员', '金牌调解员', '金牌调解员', '金牌调解员'])
    expect(roster[0]).toEqual({ id: 'sj1', name: '李卫东', role: '法官', title: '区人民法院驻站法官', shifts: [{ contactId: 'sj1', days: [1, 4], start: '09:00', end: '12:00' }] })
  })

  it('lists the coming slots to anyone, and books a place that only its resident and staff can read', async () => {
    const slots = await (await clientAs(t, null)).listMediationSlots()
    expect(slots[0]).toMatchObject({ id: 'ms1', date: '2026-11-26', start: '09:00', capacity: 3, placesLeft: 3, bookingOpen: true, startsAt: '2026-11-26T09:00:00+08:00' })
    const resident = await clientAs(t, 'resident')
    const booking = await resident.bookMediation('ms1', DISPUTE)
    expect(booking).toMatchObject({ status: 'booked', description: DISPUTE.description, cancelBy: '2026-11-26T07:00:00+08:00', slot: { id: 'ms1' } })
    expect((await resident.listMyMediations()).map((b) => b.id)).toEqual([booking.id])
    expect((await (await clientAs(t, null)).listMediationSlots())[0].placesLeft).toBe(2)

    const elder = await clientAs(t, 'elder')
    expect(await elder.listMyMediations()).toEqual([])
    expect((await failureOf(elder.cancelMediation(booking.id))).code).toBe('NOT_FOUND')
    expect((await failureOf(resident.listMediationBookings('ms1'))).code).toBe('FORBIDDEN')
    expect((await failureOf((await clientAs(t, 'volunteer')).listMediationBookings('ms1'))).code).toBe('FORBIDDEN')
    const roster = await (await clientAs(t, 'staff')).listMediationBookings('ms1')
    expect(roster.map((b) => [b.name, b.description])).toEqual([['李明', DISPUTE.description]])

    const twice = await failureOf(resident.bookMediation('ms1', DISPUTE))
    expect([twice.code, twice.message]).toEqual(['CONFLICT', '您已经预约了这个时段'])
  })

  it('cancels until exactly 2 hours before, and frees the place', async () => {
    const resident = await clientAs(t, 'resident')
    const early = await resident.bookMediation('ms1', DISPUTE)
    clock = Date.parse('2026-11-26T06:59:59+08:00')
    expect((await resident.cancelMediation(early.id)).status).toBe('cancelled')
    expect((await resident.listMediationSlots())[0].placesLeft).toBe(3)
    clock = T0
    const late = await resident.bookMediation('ms1', DISPUTE)
    clock = Date.parse('2026-11-26T07:00:00+08:00')
    const refused = await failureOf(resident.cancelMediation(late.id))
    expect([refused.code, refused.message]).toEqual(['CONFLICT', '开始前2小时内不能在线取消，请电话联系法官工作站'])
  })

  it('never overbooks: 100 simultaneous bookings of a 3-place slot → exactly 3', async () => {
    // 100 residents, each with an account of their own (one place per account per slot).
    const residents = []
    for (let i = 0; i < 100; i++) {
      const phone = `1390000${String(i).padStart(4, '0')}`
      const session = await t.clientWith(null).loginWithPhone(`phone:${phone}`, 'DA0103')
      residents.push({ api: t.clientWith(session.token), phone })
    }
    const results = await Promise.allSettled(residents.map(({ api, phone }, i) => api.bookMediation('ms2', { ...DISPUTE, name: `居民${i}`, phone })))
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(3)
    expect(new Set(lost.map((r) => r.reason.message))).toEqual(new Set(['这个时段已约满，请选择其他时段']))
    const staff = await clientAs(t, 'staff')
    expect((await staff.listMediationBookings('ms2')).filter((b) => b.status === 'booked')).toHaveLength(3)
    expect((await staff.listMediationSlots()).find((s) => s.id === 'ms2')?.placesLeft).toBe(0)
  }, 60_000)

  it('lists bookings in 我的个人信息; 注销账号 withdraws one to come and forgets the dispute', async () => {
    const resident = await clientAs(t, 'resident')
    const booking = await resident.bookMediation('ms1', DISPUTE)
    expect((await resident.getMyData()).mediations.map((b) => [b.id, b.description])).toEqual([[booking.id, DISPUTE.description]])
    await resident.closeMyAccount()
    const [kept] = await (await clientAs(t, 'staff')).listMediationBookings('ms1')
    expect(kept).toMatchObject({ status: 'cancelled', name: '已注销用户', phone: '', description: '' })
  })

  it('stores a retried booking once', async () => {
    const resident = await clientAs(t, 'resident')
    const first = await resident.bookMediation('ms1', DISPUTE, { idempotencyKey: 'mediation-1' })
    expect((await resident.bookMediation('ms1', DISPUTE, { idempotencyKey: 'mediation-1' })).id).toBe(first.id)
    expect(await resident.listMyMediations()).toHaveLength(1)
  })

  it('turns a neighbour dispute into a booking, and only the resident’s own dispute', async () => {
    const resident = await clientAs(t, 'resident')
    const dispute = await resident.raiseMatter({ kind: '邻里纠纷', text: '楼上邻居家漏水到我家，协商几次都没有结果', building: '友谊路9号3栋', unit: '', public: false })
    const bench = await resident.raiseMatter({ kind: '设施损坏', text: '3栋门口的长椅坏了', building: '友谊路9号3栋', unit: '', public: true })
    expect((await resident.bookMediation('ms1', { ...DISPUTE, matterId: dispute.id })).matterId).toBe(dispute.id)
    const wrong = await failureOf(resident.bookMediation('ms3', { ...DISPUTE, matterId: bench.id }))
    expect([wrong.code, Object.keys(wrong.fields)]).toEqual(['VALIDATION', ['matterId']])
  })

  it('lets staff open slots and record the outcome once; residents see it', async () => {
    const staff = await clientAs(t, 'staff')
    const bad = await failureOf(staff.createMediationSlot({ date: '2026-11-25', start: '09:00', end: '08:00', place: '', capacity: 0 }))
    expect([bad.code, Object.keys(bad.fields).sort()]).toEqual(['VALIDATION', ['capacity', 'end', 'place', 'start']])
    const slot = await staff.createMediationSlot({ date: '2026-12-02', start: '14:00', end: '16:00', place: '东安社区法官工作站', capacity: 1 })
    expect(slot).toMatchObject({ placesLeft: 1, bookingOpen: true })
    const resident = await clientAs(t, 'resident')
    const booking = await resident.bookMediation(slot.id, DISPUTE)
    expect((await failureOf(resident.recordMediationOutcome(booking.id, '调解成功', ''))).code).toBe('FORBIDDEN')
    expect(await staff.recordMediationOutcome(booking.id, '转诉讼', '已诉调对接至碾子山区人民法院')).toMatchObject({ outcome: '转诉讼' })
    expect((await failureOf(staff.recordMediationOutcome(booking.id, '调解成功', ''))).code).toBe('CONFLICT')
    expect((await resident.listMyMediations())[0]).toMatchObject({ outcome: '转诉讼', outcomeNote: '已诉调对接至碾子山区人民法院' })
    // After the consultation the slot leaves the public list, but staff still find it.
    clock = Date.parse('2026-12-02T15:00:00+08:00')
    expect((await staff.listMediationSlots()).map((s) => s.id)).not.toContain(slot.id)
    expect((await staff.listRecentMediationSlots()).find((s) => s.id === slot.id)).toMatchObject({ bookingOpen: false, placesLeft: 0 })
    expect((await failureOf(resident.listRecentMediationSlots())).code).toBe('FORBIDDEN')
  })
})
