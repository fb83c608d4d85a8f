/* 个人信息与隐私 on every target: an account reads everything held about it,
 * and nothing of anyone else's; it corrects its own name; it closes itself
 * (注销账号), leaving no personal detail and the figures unchanged. */
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { APPLICATION as application, CLINIC as newClinic, PATIENT as patient, WISH as wish } from './drafts'

const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const now = () => T0

describe.each(TARGETS)('my data contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('gives the account everything held about it, with its full phone, and none of another account’s records', async () => {
    const elder = await clientAs(t, 'elder')
    const posted = await elder.postWish({ ...wish, title: '帮我修水龙头' })
    const booked = await elder.bookClinic('c2', 't1', patient)
    const applied = await elder.applyForJob('j2', { ...application, name: '张桂兰', phone: '13904527788' })
    const resident = await clientAs(t, 'resident')
    const other = await resident.postWish({ ...wish, title: '李明的心愿' })

    const data = await elder.getMyData()
    expect(data.account).toMatchObject({ name: '张桂兰', phone: '13904527788', role: 'elder' })
    expect(data.gridName).toBe('东安社区第三网格')
    expect(data.wishes.map((w) => w.id)).toContain(posted.id)
    expect(data.wishes.map((w) => w.id)).not.toContain(other.id)
    expect(data.bookings.map((b) => b.id)).toContain(booked.id)
    expect(data.applications.map((a) => a.id)).toEqual([applied.id])
    expect(data.exportedAt).toBe('2026-11-25T10:00:00+08:00')
    expect((await failureOf((await clientAs(t, null)).getMyData())).code).toBe('UNAUTHORIZED')
  })

  it('corrects the account’s name, and refuses an empty or too long one beside the field', async () => {
    const resident = await clientAs(t, 'resident')
    const empty = await failureOf(resident.renameMe('  '))
    expect([empty.code, empty.fields.name]).toEqual(['VALIDATION', '请填写姓名'])
    expect((await failureOf(resident.renameMe('长'.repeat(21)))).fields.name).toMatch(/姓名/)
    expect((await resident.renameMe(' 李明明 ')).name).toBe('李明明')
    expect((await resident.getMe()).name).toBe('李明明')
  })

  it('注销账号: withdraws what is to come (the waiting list moves in, the claiming volunteer is told), erases the person everywhere, keeps the figures, and ends every session', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic({ ...newClinic, date: '2026-11-30', slots: [{ id: '', start: '09:00', end: '10:00', capacity: 1 }] })
    const elder = await clientAs(t, 'elder')
    const secondDevice = await clientAs(t, 'elder')
    const held = await elder.bookClinic(clinic.id, clinic.slots[0].id, patient)
    const resident = await clientAs(t, 'resident')
    const waiting = await resident.bookClinic(clinic.id, clinic.slots[0].id, { ...patient, patientName: '李明', phone: '13804521234', symptoms: '' })
    expect([held.status, waiting.status]).toEqual(['booked', 'waiting'])
    const posted = await elder.postWish({ ...wish, title: '帮我换灯泡', phone: '13904527788', address: { building: '东安小区7栋', unit: '1单元', room: '502' } })
    await staff.approveWish(posted.id)
    const volunteer = await clientAs(t, 'volunteer')
    await volunteer.claimWish(posted.id)
    await elder.applyForJob('j2', { ...application, name: '张桂兰', phone: '13904527788', note: '想做手工' })
    const figures = async () => {
      const { generatedAt: _at, ...rest } = await staff.getDashboard()
      return rest
    }
    const before = await figures()
    const unfinished = (await elder.getMyData()).wishes.filter((w) => ['pending_review', 'open', 'claimed'].includes(w.status)).length
    expect(unfinished).toBeGreaterThanOrEqual(1)
    const summaryBefore = await staff.getPublicSummary()

    const closure = await elder.closeMyAccount()
    expect(closure).toEqual({ closedAt: '2026-11-25T10:00:00+08:00', bookingsCancelled: 1, wishesCancelled: unfinished })

    // Every session of the account ends; the demo door will not open it again.
    expect((await failureOf(elder.getMe())).code).toBe('UNAUTHORIZED')
    expect((await failureOf(secondDevice.getMyData())).code).toBe('UNAUTHORIZED')
    expect((await failureOf(clientAs(t, 'elder'))).code).toBe('CONFLICT')
    // Nobody writes for the closed account any more, not even through 代办.
    expect((await failureOf(volunteer.bookClinic(clinic.id, clinic.slots[0].id, { ...patient, forResident: { id: 'elder' } }))).code).toBe('NOT_FOUND')
    // The waiting booking took the place and was told; the volunteer was told not to come.
    expect((await resident.getBooking(waiting.id)).status).toBe('booked')
    expect((await resident.listMessages()).items.map((m) => m.title)).toEqual(['候补成功，请按时就诊'])
    const told = (await volunteer.listMessages()).items.filter((m) => m.title === '心愿已取消')
    expect(told.map((m) => m.link)).toContainEqual({ kind: 'wish', id: posted.id })
    expect((await volunteer.getWish(posted.id)).status).toBe('cancelled')
    // Staff no longer find the person; the figures are those of before.
    expect((await staff.listResidents('张桂兰')).map((r) => r.id)).not.toContain('elder')
    expect(await figures()).toEqual(before)
    expect(await staff.getPublicSummary()).toEqual(summaryBefore)
    // Behind the API (where the target lets us look): none of her details remain in her records.
    if (t.records) {
      const records = await t.records()
      const hers = [
        ...records.wishes.filter((w) => w.ownerId === 'elder'),
        ...records.bookings.filter((b) => b.accountId === 'elder'),
        ...records.applications.filter((a) => a.applicantId === 'elder'),
      ]
      expect(hers.length).toBeGreaterThanOrEqual(3)
      expect(JSON.stringify(hers)).not.toMatch(/张桂兰|13904527788|偶尔胸闷|东安小区7栋|想做手工/)
    }
  })
})
