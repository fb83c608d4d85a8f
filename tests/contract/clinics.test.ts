import type { Api } from '../../src/api/contract'
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { PATIENT as patient, CLINIC as newClinic } from './drafts'

// Wednesday 2026-11-25 10:00 China time. The seed dates clinics from it:
// c1 心血管 on Thursday 11-26 from 09:00 (slot t1 full), c2 眼科 on 11-27, …
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock



describe.each(TARGETS)('clinic contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('lets staff cancel with a reason the elder reads, and the volunteer who booked through 代办 cancel too', async () => {
    const elder = await clientAs(t, 'elder')
    const own = await elder.bookClinic('c1', 't2', patient)
    const staff = await clientAs(t, 'staff')
    const noReason = await failureOf(staff.cancelBooking(own.id))
    expect([noReason.code, noReason.fields.reason]).toEqual(['VALIDATION', '请填写取消原因'])
    await staff.cancelBooking(own.id, '医生临时有事，义诊改期')
    expect((await elder.getBooking(own.id)).cancelledBy).toMatchObject({ name: '刘芳', role: 'staff', reason: '医生临时有事，义诊改期' })

    const volunteer = await clientAs(t, 'volunteer')
    const forElder = await volunteer.bookClinic('c1', 't3', { ...patient, forResident: { id: 'elder' } })
    expect((await failureOf((await clientAs(t, 'volunteer2')).cancelBooking(forElder.id))).code).toBe('NOT_FOUND')
    expect((await volunteer.cancelBooking(forElder.id)).status).toBe('cancelled')
    expect((await elder.getBooking(forElder.id)).cancelledBy).toMatchObject({ name: '赵志强', role: 'volunteer', reason: null })
  })

  it('lists upcoming clinics soonest first with places left, and filters by specialty', async () => {
    const anyone = await clientAs(t, null)
    const clinics = await anyone.listClinics()
    expect(clinics.map((s) => s.specialty)).toEqual(['心血管', '眼科', '中医', '口腔'])
    expect(clinics[0]).toMatchObject({ date: '2026-11-26', startsAt: '2026-11-26T09:00:00+08:00', cutoffAt: '2026-11-26T07:00:00+08:00', bookingOpen: true })
    expect(clinics[0].slots.map((s) => s.placesLeft)).toEqual([0, 3, 3, 3])
    expect((await anyone.listClinics('眼科')).map((s) => s.id)).toEqual(['c2'])
  })

  it('books a place with a queue number and check-in code, shown in my bookings', async () => {
    const elder = await clientAs(t, 'elder')
    const booking = await elder.bookClinic('c1', 't2', patient)
    expect(booking).toMatchObject({ status: 'booked', queueNumber: 1, slot: { start: '09:30', end: '10:00' }, startsAt: '2026-11-26T09:30:00+08:00' })
    expect(booking.checkInCode).toMatch(/^YZ-/)
    expect((await elder.listMyBookings()).map((b) => b.id)).toEqual([booking.id])
    expect((await elder.getClinic('c1')).slots[1].placesLeft).toBe(2)
  })

  it('waiting-lists bookings for a full slot, in order, without a queue number', async () => {
    const elder = await clientAs(t, 'elder')
    const resident = await clientAs(t, 'resident')
    const first = await elder.bookClinic('c1', 't1', patient)
    clock += 1000
    const second = await resident.bookClinic('c1', 't1', { ...patient, patientName: '李明', phone: '13804521234', age: 40 })
    expect([first.status, second.status, first.queueNumber]).toEqual(['waiting', 'waiting', null])
    const slot = (await elder.getClinic('c1')).slots[0]
    expect([slot.placesLeft, slot.waiting]).toEqual([0, 2])
  })

  it('promotes the first waiting booking of the slot on cancellation, and its owner sees it', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic({ ...newClinic, slots: [{ id: 'x1', start: '09:00', end: '10:00', capacity: 1 }] })
    const resident = await clientAs(t, 'resident')
    const elder = await clientAs(t, 'elder')
    const holder = await resident.bookClinic(clinic.id, 'x1', { ...patient, patientName: '李明', phone: '13804521234' })
    clock += 1000
    const first = await elder.bookClinic(clinic.id, 'x1', patient)
    clock += 1000
    const second = await elder.bookClinic(clinic.id, 'x1', { ...patient, patientName: '张老伴', phone: '13904520001' })
    expect([holder.status, first.status, second.status]).toEqual(['booked', 'waiting', 'waiting'])

    expect((await resident.cancelBooking(holder.id)).status).toBe('cancelled')
    const mine = await elder.listMyBookings()
    const moved = mine.find((b) => b.id === first.id)!
    expect([moved.status, moved.queueNumber, moved.promotedAt]).toEqual(['booked', 2, '2026-11-25T10:00:02+08:00'])
    expect(mine.find((b) => b.id === second.id)!.status).toBe('waiting')
  })

  it('refuses the same patient twice in a clinic and a 6th upcoming booking', async () => {
    const elder = await clientAs(t, 'elder')
    await elder.bookClinic('c1', 't2', patient)
    const twice = await failureOf(elder.bookClinic('c1', 't3', { ...patient, phone: '139-0452-7788' }))
    expect([twice.code, twice.message]).toEqual(['CONFLICT', '张桂兰已经预约了这场义诊，同一位就诊人只能预约一次'])
    for (const [i, clinic] of ['c2', 'c3', 'c4'].entries()) await elder.bookClinic(clinic, 't1', patient).then(() => i)
    await elder.bookClinic('c2', 't2', { ...patient, patientName: '张老伴', phone: '13904520001' })
    const sixth = await failureOf(elder.bookClinic('c3', 't2', { ...patient, patientName: '张姐', phone: '13904520002' }))
    expect([sixth.code, sixth.message]).toEqual(['CONFLICT', '一个账号最多同时有5个未就诊的预约'])
  })

  it('names every bad field and books nothing', async () => {
    const elder = await clientAs(t, 'elder')
    const error = await failureOf(elder.bookClinic('c1', 't2', { ...patient, patientName: ' ', phone: '1390452', age: 130, symptoms: '痛'.repeat(201) }))
    expect(error.code).toBe('VALIDATION')
    expect(Object.keys(error.fields).sort()).toEqual(['age', 'patientName', 'phone', 'symptoms'])
    expect(await elder.listMyBookings()).toEqual([])
    expect((await failureOf(elder.bookClinic('c1', 'nope', patient))).code).toBe('NOT_FOUND')
  })

  it('closes booking and cancelling at the cutoff, two hours before the first slot', async () => {
    const elder = await clientAs(t, 'elder')
    clock = Date.parse('2026-11-26T06:59:00+08:00')
    const booking = await elder.bookClinic('c1', 't2', patient)
    clock = Date.parse('2026-11-26T07:00:00+08:00')
    expect((await failureOf(elder.bookClinic('c1', 't3', { ...patient, patientName: '张老伴', phone: '13904520001' }))).message).toMatch(/预约已截止/)
    expect((await failureOf(elder.cancelBooking(booking.id))).message).toMatch(/已过取消截止时间/)
    expect((await elder.getClinic('c1')).bookingOpen).toBe(false)
  })

  it('never books more than the capacity under 200 simultaneous requests', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic(newClinic)
    const accounts: Api[] = await Promise.all(['resident', 'elder', 'volunteer', 'volunteer2'].map((id) => clientAs(t, id)))
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        accounts[i % 4].bookClinic(clinic.id, 'x1', { ...patient, patientName: `居民${i}`, phone: `139${String(i).padStart(8, '0')}` }),
      ),
    )
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string }] : []))
    const booked = ok.filter((b) => b.status === 'booked')
    expect(booked).toHaveLength(10)
    expect(new Set(booked.map((b) => b.queueNumber))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    expect(ok.every((b) => b.status === 'booked' || b.status === 'waiting')).toBe(true)
    expect(refused.every((e) => e.code === 'CONFLICT')).toBe(true)
    expect(ok.length + refused.length).toBe(200)
    const roster = await staff.getRoster(clinic.id)
    expect(roster.attendance.booked).toBe(10)
    expect(roster.clinic.slots[0].placesLeft).toBe(0)
  })

  it('lets staff create, edit and run a clinic: roster, arrivals, attendance', async () => {
    const staff = await clientAs(t, 'staff')
    const bad = await failureOf(staff.createClinic({ ...newClinic, title: '', slots: [] }))
    expect([bad.code, Object.keys(bad.fields).sort()]).toEqual(['VALIDATION', ['slots', 'title']])

    const clinic = await staff.createClinic(newClinic)
    const elder = await clientAs(t, 'elder')
    const booking = await elder.bookClinic(clinic.id, 'x1', patient)

    const shrink = await failureOf(staff.updateClinic(clinic.id, { ...newClinic, slots: [{ id: 'x2', start: '09:00', end: '10:00', capacity: 5 }] }))
    expect(shrink.code).toBe('CONFLICT')
    const grown = await staff.updateClinic(clinic.id, { ...newClinic, title: '社区健康体检（加号）', slots: [{ ...newClinic.slots[0], capacity: 12 }] })
    expect([grown.title, grown.slots[0].capacity, grown.slots[0].placesLeft]).toEqual(['社区健康体检（加号）', 12, 11])

    clock = Date.parse('2026-11-29T10:00:00+08:00')
    expect((await failureOf(staff.checkIn(booking.id))).message).toBe('只能在义诊当天签到')
    clock = Date.parse('2026-11-30T08:45:00+08:00')
    expect((await staff.checkIn(booking.id)).status).toBe('checked_in')
    const roster = await staff.getRoster(clinic.id)
    expect(roster.bookings.map((b) => [b.patientName, b.phone, b.status])).toEqual([['张桂兰', '13904527788', 'checked_in']])
    expect(roster.attendance).toEqual({ booked: 1, arrived: 1, waiting: 0, rate: 1 })
    expect((await elder.getBooking(booking.id)).checkedInAt).toBe('2026-11-30T08:45:00+08:00')
  })

  it('keeps where a clinic is on the map, for 查看路线 on the clinic and its tickets; a broken point is refused', async () => {
    const staff = await clientAs(t, 'staff')
    const location = { latitude: 47.5178, longitude: 122.8902 }
    const bad = await failureOf(staff.createClinic({ ...newClinic, location: { latitude: 147, longitude: 'east' } as never }))
    expect([bad.code, Object.keys(bad.fields)]).toEqual(['VALIDATION', ['location']])
    const clinic = await staff.createClinic({ ...newClinic, location })
    expect((await staff.getClinic(clinic.id)).location).toEqual(location)
    const elder = await clientAs(t, 'elder')
    const booking = await elder.bookClinic(clinic.id, 'x1', patient)
    expect(booking.clinic.location).toEqual(location)
    expect((await elder.getCard('DA0103')).grid.station.location).toEqual({ latitude: expect.any(Number), longitude: expect.any(Number) })
  })
})

type Who = 'resident' | 'elder' | 'volunteer' | 'staff' | null
const WHO: Who[] = ['resident', 'elder', 'volunteer', 'staff', null]
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'CONFLICT' | 'VALIDATION'

// The elder's booking of c1 slot t2 exists before each call.
const TABLE: [string, (api: Api, bookingId: string) => Promise<unknown>, Outcome[]][] = [
  //                                                    resident     elder        volunteer    staff        nobody
  ['list clinics', (api) => api.listClinics(), ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['book', (api) => api.bookClinic('c2', 't1', { ...patient, patientName: '新患者', phone: '13900000009' }), ['ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['see the elder’s booking', (api, id) => api.getBooking(id), ['NOT_FOUND', 'ok', 'NOT_FOUND', 'ok', 'UNAUTHORIZED']],
  ['cancel the elder’s booking (staff must give a reason)', (api, id) => api.cancelBooking(id), ['NOT_FOUND', 'ok', 'NOT_FOUND', 'VALIDATION', 'UNAUTHORIZED']],
  ['cancel the elder’s booking with a reason', (api, id) => api.cancelBooking(id, '义诊改期'), ['NOT_FOUND', 'ok', 'NOT_FOUND', 'ok', 'UNAUTHORIZED']],
  ['create a clinic', (api) => api.createClinic(newClinic), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['edit a clinic', (api) => api.updateClinic('c3', { ...newClinic, title: '改名' }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['see the roster', (api) => api.getRoster('c1'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['mark an arrival', (api, id) => api.checkIn(id), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'CONFLICT', 'UNAUTHORIZED']],
]

describe.each(TARGETS)('clinic authorization table: $name', (kind) => {
  it.each(TABLE)('%s', async (_name, call, expected) => {
    const outcomes: Outcome[] = []
    for (const who of WHO) {
      clock = T0
      const t = await kind.start({ now })
      try {
        const booking = await (await clientAs(t, 'elder')).bookClinic('c1', 't2', patient)
        try {
          await call(await clientAs(t, who), booking.id)
          outcomes.push('ok')
        } catch (error) {
          outcomes.push((error as { code: Outcome }).code)
        }
      } finally {
        await t.close()
      }
    }
    // Staff may mark arrivals, but only on the day: before it, CONFLICT.
    expect(outcomes).toEqual(expected)
  })
})
