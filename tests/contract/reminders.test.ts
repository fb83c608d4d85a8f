/* Time-driven events on every target: the sweep a server's worker runs every
 * minute writes each reminder and each counted-as-confirmed message once per
 * person, however often it runs, and two sweeps at once add nothing; the
 * route that records WeChat subscribe grants. */
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { CLINIC as newClinic, PATIENT as patient, WISH as wish } from './drafts'

const china = (wall: string) => Date.parse(`${wall}+08:00`)
// Wednesday 2026-11-25 10:00 China time; the clinic below is on Thursday the 26th.
const T0 = china('2026-11-25T10:00:00')
let clock = T0
const now = () => clock

describe.each(TARGETS)('reminders and subscriptions contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  const sweep = () => t.sweep!()
  const remindersOf = async (account: string) =>
    (await (await clientAs(t, account)).listMessages()).items.filter((m) => m.title === '明天义诊，请按时就诊' || m.title === '义诊2小时后开始')

  it('reminds each booked place once at 18:00 the day before and once 2 hours before, however often the sweep runs; waiting and cancelled bookings get none', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic({
      ...newClinic,
      date: '2026-11-26',
      slots: [
        { id: '', start: '09:00', end: '10:00', capacity: 1 },
        { id: '', start: '10:00', end: '11:00', capacity: 5 },
      ],
    })
    const [full, other] = clinic.slots.map((s) => s.id)
    const booked = await (await clientAs(t, 'resident')).bookClinic(clinic.id, full, { ...patient, patientName: '李明', phone: '13804521234' })
    const waiting = await (await clientAs(t, 'elder')).bookClinic(clinic.id, full, patient)
    expect(waiting.status).toBe('waiting')
    const volunteer = await clientAs(t, 'volunteer')
    const dropped = await volunteer.bookClinic(clinic.id, other, { ...patient, patientName: '赵志强', phone: '13604521234' })
    await volunteer.cancelBooking(dropped.id)

    clock = china('2026-11-25T17:59:59')
    expect(await sweep()).toEqual({ reminders: 0, autoConfirmed: 0, strayPhotos: 0 })
    clock = china('2026-11-25T18:00:00')
    const first = await sweep()
    // Seed bookings of tomorrow's heart clinic are reminded too: three of them.
    expect(first.reminders).toBe(4)
    // A server restarted a minute later, and two servers sweeping at the same moment.
    clock += 60_000
    expect(await sweep()).toEqual({ reminders: 0, autoConfirmed: 0, strayPhotos: 0 })
    const both = await Promise.all([sweep(), sweep()])
    expect(both.map((r) => r.reminders)).toEqual([0, 0])

    const eve = await remindersOf('resident')
    expect(eve.map((m) => [m.title, m.link, m.eventKey])).toEqual([['明天义诊，请按时就诊', { kind: 'booking', id: booked.id }, `booking:${booked.id}:remind-eve`]])
    expect(eve[0].body).toContain('11月26日 09:00')
    expect(await remindersOf('elder')).toEqual([])
    expect(await remindersOf('volunteer')).toEqual([])

    clock = china('2026-11-26T07:00:00')
    const soon = await Promise.all([sweep(), sweep()])
    expect(soon[0].reminders + soon[1].reminders).toBe(4)
    clock = china('2026-11-26T08:59:00')
    expect((await sweep()).reminders).toBe(0)
    expect((await remindersOf('resident')).map((m) => m.title)).toEqual(['义诊2小时后开始', '明天义诊，请按时就诊'])
    // After the start, nothing is sent late.
    clock = china('2026-11-26T09:00:00')
    expect((await sweep()).reminders).toBe(0)
  })

  it('tells the owner of a completed wish once that it counts as confirmed, from 00:00 of the 8th China day', async () => {
    const resident = await clientAs(t, 'resident')
    const posted = await resident.postWish({ ...wish, title: '帮忙换灯泡' })
    await (await clientAs(t, 'staff')).approveWish(posted.id)
    const volunteer = await clientAs(t, 'volunteer')
    await volunteer.claimWish(posted.id)
    await volunteer.completeWish(posted.id, { note: '换好了', hours: 1 })
    const confirmedOf = async () => (await resident.listMessages()).items.filter((m) => m.eventKey === `wish:${posted.id}:auto-confirmed`)

    clock = china('2026-12-02T23:59:59')
    await sweep()
    expect(await confirmedOf()).toEqual([])
    clock = china('2026-12-03T00:00:00')
    await Promise.all([sweep(), sweep()])
    clock += 60_000
    expect((await sweep()).autoConfirmed).toBe(0)
    const told = await confirmedOf()
    expect(told.map((m) => [m.title, m.link])).toEqual([['心愿已自动确认', { kind: 'wish', id: posted.id }]])
    expect((await resident.getWish(posted.id)).effectiveStatus).toBe('confirmed')
    // The volunteer who did it is not told by this message.
    expect((await volunteer.listMessages()).items.filter((m) => m.title === '心愿已自动确认')).toEqual([])
  })

  it('records the subscribe templates a person accepted, one send per accept', async () => {
    const resident = await clientAs(t, 'resident')
    expect(await resident.recordSubscriptions(['tmplBooking', 'tmplReminder', 'tmplBooking'])).toEqual({
      grants: [
        { templateId: 'tmplBooking', remaining: 1 },
        { templateId: 'tmplReminder', remaining: 1 },
      ],
    })
    await resident.recordSubscriptions(['tmplBooking'], { idempotencyKey: 'grant-once' })
    const again = await resident.recordSubscriptions(['tmplBooking'], { idempotencyKey: 'grant-once' })
    expect(again.grants).toEqual([
      { templateId: 'tmplBooking', remaining: 2 },
      { templateId: 'tmplReminder', remaining: 1 },
    ])
    // Another account's grants are its own.
    expect((await (await clientAs(t, 'elder')).recordSubscriptions([])).grants).toEqual([])
    const refused = await failureOf(resident.recordSubscriptions(['not a template id']))
    expect(refused.code).toBe('VALIDATION')
    expect(Object.keys(refused.fields)).toEqual(['accepted'])
    expect((await failureOf(t.clientWith(null).recordSubscriptions(['tmplBooking']))).code).toBe('UNAUTHORIZED')
  })
})
