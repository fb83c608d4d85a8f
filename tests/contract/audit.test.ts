/* 操作记录 on every target: each write is one entry in its own transaction
 * (a refused write none, a retried one no second), reads of someone else's
 * unmasked details are entries too, and only staff read the trail. */
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { PATIENT as patient, WISH as wish } from './drafts'

// Wednesday 2026-11-25 10:00 China time.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock

describe.each(TARGETS)('audit trail contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('a claim, the claimed address read, and a 代办 booking are entries naming actor, resident and record', async () => {
    const elder = await clientAs(t, 'elder')
    const staff = await clientAs(t, 'staff')
    const volunteer = await clientAs(t, 'volunteer')
    const posted = await elder.postWish({ ...wish, phone: '13904527788' })
    await staff.approveWish(posted.id)
    await volunteer.claimWish(posted.id)
    await volunteer.getWish(posted.id)
    const booked = await volunteer.bookClinic('c1', 't2', { ...patient, forResident: { id: 'elder' } })

    const { items } = await staff.listAudit({ accountId: 'volunteer' })
    const lines = items.map((e) => [e.kind, e.label, e.actor.name, e.resident?.name ?? null, e.onBehalf, e.recordId])
    expect(lines.slice(0, 3)).toEqual([
      ['write', '预约义诊', '赵志强', '张桂兰', true, 'c1'],
      ['read', '查看心愿的地址和电话', '赵志强', '张桂兰', false, posted.id],
      ['write', '认领心愿', '赵志强', '张桂兰', false, posted.id],
    ])
    expect(items[0]).toMatchObject({ at: '2026-11-25T10:00:00+08:00', action: 'POST /clinics/:id/slots/:slot/bookings', actor: { id: 'volunteer', role: 'volunteer' } })
    // The elder's own view of her entries includes what she did and what was done for her.
    const hers = (await staff.listAudit({ accountId: 'elder' })).items.map((e) => e.label)
    expect(hers).toEqual(expect.arrayContaining(['发布心愿', '审核通过心愿', '认领心愿', '预约义诊', '查看心愿的地址和电话']))
    expect(booked.actedBy?.id).toBe('volunteer')
  })

  it('a refused write leaves no entry, a retried write no second one, and staff opening a roster is an entry', async () => {
    const resident = await clientAs(t, 'resident')
    const staff = await clientAs(t, 'staff')
    const count = async () => (await staff.listAudit({ accountId: 'resident', limit: 50 })).items.length
    const before = await count()
    await failureOf(resident.postWish({ ...wish, title: '' }))
    expect(await count()).toBe(before)
    await resident.postWish(wish, { idempotencyKey: 'audit-once' })
    await resident.postWish(wish, { idempotencyKey: 'audit-once' })
    expect(await count()).toBe(before + 1)

    await staff.getRoster('c1')
    const [latest] = (await staff.listAudit({ accountId: 'staff' })).items
    expect([latest.kind, latest.label, latest.recordId, latest.resident]).toEqual(['read', '查看义诊名单', 'c1', null])
  })

  it('filters by China days, refuses a span that ends before it starts beside the field, and is for staff only', async () => {
    const resident = await clientAs(t, 'resident')
    const staff = await clientAs(t, 'staff')
    await resident.renameMe('李明')
    clock = Date.parse('2026-11-26T00:30:00+08:00')
    await resident.renameMe('李明明')
    const day = async (from: string, to: string) => (await staff.listAudit({ accountId: 'resident', from, to })).items.map((e) => e.at)
    expect(await day('2026-11-26', '2026-11-26')).toEqual(['2026-11-26T00:30:00+08:00'])
    expect(await day('2026-11-25', '2026-11-25')).toContain('2026-11-25T10:00:00+08:00')
    const backwards = await failureOf(staff.listAudit({ from: '2026-11-26', to: '2026-11-25' }))
    expect([backwards.code, backwards.fields.to]).toEqual(['VALIDATION', '结束日期不能早于开始日期'])
    expect((await failureOf(resident.listAudit())).code).toBe('FORBIDDEN')
  })
})
