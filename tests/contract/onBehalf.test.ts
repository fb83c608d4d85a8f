import type { BookingDraft, WishDraft } from '../../src/api/types'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

// Wednesday 2026-11-25 10:00 China time: c1 心血管 is on Thursday, slot t2 has 3 places.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const now = () => T0

/** An elder without a smartphone, first met by her grid volunteer (grid DA0103). */
const chen = { name: '陈淑珍', phone: '13945671234', gridCode: 'DA0103' }
const chenBooking: BookingDraft = { patientName: chen.name, phone: chen.phone, age: 78, forWhom: '本人', symptoms: '', assistance: ['陪同'] }
const wish: WishDraft = {
  category: '代买代办',
  title: '帮忙买降压药',
  description: '腿脚不便，想请人帮忙去药店买一盒降压药。',
  preferredTime: '',
  address: { building: '友谊路9号3栋', unit: '', room: '102' },
  phone: chen.phone,
  photos: [],
}
const application = { name: chen.name, phone: chen.phone, note: '会编织' }

describe.each(TARGETS)('代办 contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('books for a new resident, who owns the booking and sees who acted when signing in with that phone', async () => {
    const volunteer = await clientAs(t, 'volunteer')
    const booking = await volunteer.bookClinic('c1', 't2', { ...chenBooking, forResident: chen })
    expect(booking.actedBy).toEqual({ id: 'volunteer', name: '赵志强', role: 'volunteer', at: '2026-11-25T10:00:00+08:00' })
    expect(booking.accountId).not.toBe('volunteer')
    // The helper can still open the ticket, but it is not one of their own bookings.
    expect((await volunteer.getBooking(booking.id)).id).toBe(booking.id)
    expect((await volunteer.listMyBookings()).map((b) => b.id)).not.toContain(booking.id)

    const session = await t.clientWith(null).loginWithPhone(`phone:${chen.phone}`)
    expect(session.user).toMatchObject({ id: booking.accountId, name: chen.name, phone: chen.phone, role: 'resident', gridCode: 'DA0103' })
    const mine = await t.clientWith(session.token).listMyBookings()
    expect(mine.map((b) => [b.id, b.actedBy?.name])).toEqual([[booking.id, '赵志强']])
  })

  it('posts a wish and applies for a job for a resident; the helper sees the wish in full', async () => {
    const volunteer = await clientAs(t, 'volunteer')
    const posted = await volunteer.postWish({ ...wish, forResident: chen })
    expect(posted).toMatchObject({ status: 'pending_review', ownerName: chen.name, gridCode: 'DA0103', actedBy: { id: 'volunteer' } })
    expect((await volunteer.getWish(posted.id)).phone).toBe(chen.phone)

    const staff = await clientAs(t, 'staff')
    const applied = await staff.applyForJob('j1', { ...application, forResident: { id: posted.ownerId } })
    expect(applied).toMatchObject({ applicantId: posted.ownerId, actedBy: { id: 'staff', name: '刘芳', role: 'staff' } })

    const chenApi = t.clientWith((await t.clientWith(null).loginWithPhone(`phone:${chen.phone}`)).token)
    expect((await chenApi.listMyWishes()).items.map((w) => w.id)).toEqual([posted.id])
    expect((await chenApi.listMyApplications()).map((a) => a.id)).toEqual([applied.id])
  })

  it("applies the resident's limits and duplicates, not the helper's", async () => {
    const volunteer = await clientAs(t, 'volunteer')
    // 张桂兰 already holds a place in c1: a second booking for her through 代办 is the same patient.
    const elder = await clientAs(t, 'elder')
    await elder.bookClinic('c1', 't2', { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: '', assistance: [] })
    const duplicate = await failureOf(
      volunteer.bookClinic('c1', 't3', { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: '', assistance: [], forResident: { id: 'elder' } }),
    )
    expect([duplicate.code, duplicate.message]).toEqual(['CONFLICT', '张桂兰已经预约了这场义诊，同一位就诊人只能预约一次'])

    // Three active wishes of 李明: the fourth, posted for him, is over his limit.
    const resident = await clientAs(t, 'resident')
    const active = (await resident.listMyWishes()).items.filter((w) => ['pending_review', 'open', 'claimed'].includes(w.effectiveStatus)).length
    for (let i = active; i < 3; i += 1) await resident.postWish({ ...wish, phone: '13804521234' })
    const over = await failureOf(volunteer.postWish({ ...wish, forResident: { id: 'resident' } }))
    expect(over.code).toBe('CONFLICT')
    // …while the helper, with no wishes of their own, is not the one counted.
    expect((await volunteer.postWish({ ...wish, forResident: chen })).ownerName).toBe(chen.name)

    await resident.applyForJob('j1', { name: '李明', phone: '13804521234', note: '' })
    const again = await failureOf((await clientAs(t, 'staff')).applyForJob('j1', { name: '李明', phone: '13804521234', note: '', forResident: { id: 'resident' } }))
    expect(again.code).toBe('CONFLICT')
  })

  it('lets volunteers act only in their grid, staff anywhere, residents never', async () => {
    const zhou = { id: 'seed-zhou' } // a resident of grid DA0101
    const volunteer = await clientAs(t, 'volunteer')
    const otherGrid = await failureOf(volunteer.bookClinic('c1', 't2', { ...chenBooking, patientName: '周建华', phone: '13504527799', forResident: zhou }))
    expect(otherGrid.code).toBe('FORBIDDEN')
    const enteredElsewhere = await failureOf(volunteer.postWish({ ...wish, forResident: { ...chen, gridCode: 'DA0101' } }))
    expect(enteredElsewhere.code).toBe('FORBIDDEN')

    const staff = await clientAs(t, 'staff')
    expect((await staff.postWish({ ...wish, phone: '13504527799', forResident: zhou })).ownerId).toBe('seed-zhou')

    for (const role of ['resident', 'elder']) {
      const api = await clientAs(t, role)
      expect((await failureOf(api.postWish({ ...wish, forResident: chen }))).code).toBe('FORBIDDEN')
      expect((await failureOf(api.bookClinic('c1', 't2', { ...chenBooking, forResident: chen }))).code).toBe('FORBIDDEN')
      expect((await failureOf(api.applyForJob('j1', { ...application, forResident: chen }))).code).toBe('FORBIDDEN')
      expect((await failureOf(api.listResidents())).code).toBe('FORBIDDEN')
    }
    // Nor can a helper act for another helper.
    const forStaff = await failureOf(volunteer.postWish({ ...wish, forResident: { id: 'volunteer2' } }))
    expect([forStaff.code, Object.keys(forStaff.fields)]).toEqual(['VALIDATION', ['residentPhone']])
  })

  it('lists the residents a helper may choose, phones masked', async () => {
    const mine = await (await clientAs(t, 'volunteer')).listResidents()
    expect(mine.map((r) => r.name).sort()).toEqual(['张桂兰', '李明', '王秀英'].sort())
    expect(mine.every((r) => r.gridCode === 'DA0103' && /^\d{3}\*{4}\d{4}$/.test(r.phone))).toBe(true)
    const staff = await clientAs(t, 'staff')
    expect((await staff.listResidents()).map((r) => r.id)).toContain('seed-zhou')
    expect((await staff.listResidents('王')).map((r) => r.name)).toEqual(['王秀英'])
    expect((await staff.listResidents('6688')).map((r) => r.name)).toEqual(['王秀英'])
    // Part of a number in the middle finds nothing: a search never reveals whole numbers.
    expect(await staff.listResidents('0452')).toEqual([])
  })

  it('rejects a bad or mismatched resident beside its field, and stores nothing', async () => {
    const volunteer = await clientAs(t, 'volunteer')
    const staff = await clientAs(t, 'staff')
    const before = (await staff.listResidents()).length

    const empty = await failureOf(volunteer.bookClinic('c1', 't2', { ...chenBooking, forResident: {} }))
    expect([empty.code, Object.keys(empty.fields).sort()]).toEqual(['VALIDATION', ['residentGrid', 'residentName', 'residentPhone']])
    const badPhone = await failureOf(volunteer.postWish({ ...wish, forResident: { ...chen, phone: '1394567' } }))
    expect(badPhone.fields.residentPhone).toMatch(/11位手机号/)
    // 王秀英's number with another name: a typo must not hand the record to someone else.
    const mismatch = await failureOf(volunteer.postWish({ ...wish, forResident: { name: '王秀兰', phone: '13504526688', gridCode: 'DA0103' } }))
    expect(mismatch.fields.residentName).toBe('这个手机号登记的居民是王*英，请核对姓名')
    const noGrid = await failureOf((await clientAs(t, 'staff')).postWish({ ...wish, forResident: { ...chen, gridCode: 'XX9999' } }))
    expect(noGrid.fields).toEqual({ residentGrid: '请从列表中选择居民所在网格' })
    const unknown = await failureOf(volunteer.postWish({ ...wish, forResident: { id: 'nobody' } }))
    expect(unknown.code).toBe('NOT_FOUND')
    // A valid resident with a bad booking: the resident is not registered either.
    const badBooking = await failureOf(volunteer.bookClinic('c1', 't2', { ...chenBooking, age: 300, forResident: chen }))
    expect(Object.keys(badBooking.fields)).toEqual(['age'])

    expect((await staff.listResidents()).length).toBe(before)
    expect((await volunteer.listMyBookings()).length).toBe(0)
  })

  it('stores one booking when a 代办 submission is retried with its key', async () => {
    const volunteer = await clientAs(t, 'volunteer')
    const first = await volunteer.bookClinic('c1', 't2', { ...chenBooking, forResident: chen }, { idempotencyKey: 'daiban-1' })
    const retry = await volunteer.bookClinic('c1', 't2', { ...chenBooking, forResident: chen }, { idempotencyKey: 'daiban-1' })
    expect(retry.id).toBe(first.id)
    const roster = await (await clientAs(t, 'staff')).getRoster('c1')
    expect(roster.bookings.filter((b) => b.patientName === chen.name)).toHaveLength(1)
  })

  it('counts a 代办 booking in the figures of the resident’s grid', async () => {
    const staff = await clientAs(t, 'staff')
    const gridBookings = async () => (await staff.getDashboard()).grids.find((g) => g.code === 'DA0103')!.figures.overall.clinicBookings
    const before = await gridBookings()
    await (await clientAs(t, 'volunteer')).bookClinic('c1', 't2', { ...chenBooking, forResident: chen })
    expect(await gridBookings()).toBe(before + 1)
  })
})
