/* 消息 on every target: each event tells each recipient exactly once (a retried
 * write tells nobody again), and read state is kept per account. */
import { TARGETS, clientAs, type Target } from './targets'
import { APPLICATION as application, CLINIC as newClinic, PATIENT as patient, WISH as wish } from './drafts'

// Wednesday 2026-11-25 10:00 China time: c1 (心血管, tomorrow) has slot t1 full.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock

describe.each(TARGETS)('messages contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('tells an elder on the waiting list that she moved in, once, with a link to her ticket; a retried cancel tells nobody again', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic({ ...newClinic, slots: [{ id: '', start: '09:00', end: '10:00', capacity: 1 }] })
    const slot = clinic.slots[0].id
    const resident = await clientAs(t, 'resident')
    const holder = await resident.bookClinic(clinic.id, slot, { ...patient, patientName: '李明', phone: '13804521234' })
    clock += 1000
    const elder = await clientAs(t, 'elder')
    const waiting = await elder.bookClinic(clinic.id, slot, patient)
    expect(waiting.status).toBe('waiting')
    expect((await elder.countUnreadMessages()).unread).toBe(0)

    await resident.cancelBooking(holder.id, null, { idempotencyKey: 'cancel-once' })
    await resident.cancelBooking(holder.id, null, { idempotencyKey: 'cancel-once' })
    const { items } = await elder.listMessages()
    expect(items.map((m) => [m.title, m.link, m.readAt])).toEqual([['候补成功，请按时就诊', { kind: 'booking', id: waiting.id }, null]])
    expect((await elder.countUnreadMessages()).unread).toBe(1)
    // The one who cancelled her own booking is told nothing.
    expect((await resident.listMessages()).items).toEqual([])

    expect((await elder.markMessagesRead([items[0].id])).unread).toBe(0)
    expect((await elder.listMessages()).items[0].readAt).toEqual(expect.stringMatching(/^2026-11-25T10:00:01\+08:00$/))
  })

  it('tells every active booking, the waiting list included, when staff move a clinic', async () => {
    const staff = await clientAs(t, 'staff')
    const clinic = await staff.createClinic({ ...newClinic, slots: [{ id: '', start: '09:00', end: '10:00', capacity: 1 }] })
    const slot = clinic.slots[0].id
    const resident = await clientAs(t, 'resident')
    const elder = await clientAs(t, 'elder')
    await resident.bookClinic(clinic.id, slot, { ...patient, patientName: '李明', phone: '13804521234' })
    await elder.bookClinic(clinic.id, slot, patient)
    const { id: _id, startsAt: _s, cutoffAt: _c, bookingOpen: _b, ...draft } = clinic
    await staff.updateClinic(clinic.id, { ...draft, place: '东安社区党群服务中心 三楼', slots: [{ ...draft.slots[0], capacity: 1 }] })
    for (const who of [resident, elder]) {
      const { items } = await who.listMessages()
      expect(items.map((m) => m.title)).toEqual(['义诊时间或地点有变动'])
      expect(items[0].body).toContain('东安社区党群服务中心 三楼')
    }
    expect((await staff.listMessages()).items).toEqual([])
  })

  it('tells the owner of a wish when it is approved and claimed, and an applicant when staff move the application', async () => {
    const resident = await clientAs(t, 'resident')
    const posted = await resident.postWish({ ...wish, title: '帮忙换灯泡' })
    const staff = await clientAs(t, 'staff')
    await staff.approveWish(posted.id)
    await (await clientAs(t, 'volunteer')).claimWish(posted.id)
    const applied = await resident.applyForJob('j1', application)
    await staff.setApplicationStatus(applied.id, 'contacted', { idempotencyKey: 'contacted-once' })
    await staff.setApplicationStatus(applied.id, 'contacted', { idempotencyKey: 'contacted-once' })
    const titles = (await resident.listMessages()).items.map((m) => m.title)
    expect(titles).toEqual(['报名已联系', '志愿者已认领您的心愿', '心愿已通过审核'])
    expect((await resident.markMessagesRead()).unread).toBe(0)
  })

  it('tells the volunteers of a grid once when staff approve a wish there, and those of other grids nothing', async () => {
    const resident = await clientAs(t, 'resident')
    const staff = await clientAs(t, 'staff')
    const here = await resident.postWish({ ...wish, title: '帮忙换灯泡' })
    // 周建华 lives in another grid (DA0101); staff post his wish for him.
    const elsewhere = await staff.postWish({ ...wish, title: '别的网格的心愿', forResident: { id: 'seed-zhou' } })
    await staff.approveWish(here.id, { idempotencyKey: 'approve-once' })
    await staff.approveWish(here.id, { idempotencyKey: 'approve-once' })
    await staff.approveWish(elsewhere.id)
    for (const account of ['volunteer', 'volunteer2']) {
      const told = (await (await clientAs(t, account)).listMessages()).items.filter((m) => m.title === '网格里有新心愿')
      expect(told.map((m) => m.link)).toEqual([{ kind: 'wish', id: here.id }])
    }
    expect((await staff.listMessages()).items.filter((m) => m.title === '网格里有新心愿')).toEqual([])
  })
})
