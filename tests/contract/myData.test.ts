/* 个人信息与隐私 on every target: an account reads everything held about it,
 * and nothing of anyone else's; it corrects its own name. */
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { APPLICATION as application, PATIENT as patient, WISH as wish } from './drafts'

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
})
