/* 志愿者管理: staff grant and revoke roles, each change recorded; nobody else may. */
import { TARGETS, clientAs, failureOf, type Target } from './targets'

const T0 = Date.parse('2026-11-25T10:00:00+08:00')

describe.each(TARGETS)('roles contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    t = await kind.start({ now: () => T0 })
  })
  afterEach(() => t.close())

  it('lets staff make a resident a grid volunteer, records it, and the resident acts as one at once', async () => {
    const staff = await clientAs(t, 'staff')
    const resident = await clientAs(t, 'resident')
    const [li] = await staff.listAccounts('李明')
    expect(li).toMatchObject({ id: 'resident', role: 'resident', phone: '138****1234' })
    expect((await failureOf(resident.listOpenWishes())).code).toBe('FORBIDDEN')

    const changed = await staff.setAccountRole(li.id, { role: 'volunteer', gridCode: 'DA0101' })
    expect(changed).toMatchObject({ role: 'volunteer', gridCode: 'DA0101' })
    expect((await resident.getMe()).role).toBe('volunteer')
    expect(Array.isArray((await resident.listOpenWishes()).items)).toBe(true)

    await staff.setAccountRole(li.id, { role: 'resident', gridCode: 'DA0103' })
    expect((await failureOf(resident.listOpenWishes())).code).toBe('FORBIDDEN')
    const history = await staff.listRoleChanges(li.id)
    expect(history.map((c) => [c.by.name, c.from.role, c.to.role, c.to.gridCode])).toEqual([
      ['刘芳', 'volunteer', 'resident', 'DA0103'],
      ['刘芳', 'resident', 'volunteer', 'DA0101'],
    ])
    expect(history[0].at).toBe('2026-11-25T10:00:00+08:00')
  })

  it('lets nobody but staff see accounts or change roles, and records nothing then', async () => {
    const volunteer = await clientAs(t, 'volunteer')
    expect((await failureOf(volunteer.listAccounts())).code).toBe('FORBIDDEN')
    expect((await failureOf(volunteer.setAccountRole('volunteer', { role: 'staff', gridCode: null }))).code).toBe('FORBIDDEN')
    expect((await failureOf((await clientAs(t, 'resident')).setAccountRole('resident', { role: 'staff', gridCode: null }))).code).toBe('FORBIDDEN')
    expect(await (await clientAs(t, 'staff')).listRoleChanges('volunteer')).toEqual([])
  })

  it('names the field when a volunteer has no grid, and refuses staff their own role', async () => {
    const staff = await clientAs(t, 'staff')
    const noGrid = await failureOf(staff.setAccountRole('elder', { role: 'volunteer', gridCode: null }))
    expect([noGrid.code, noGrid.fields.gridCode]).toEqual(['VALIDATION', '网格志愿者要选择所服务的网格'])
    expect((await failureOf(staff.setAccountRole('staff', { role: 'resident', gridCode: 'DA0103' }))).code).toBe('CONFLICT')
    expect((await failureOf(staff.setAccountRole('nobody', { role: 'staff', gridCode: null }))).code).toBe('NOT_FOUND')
  })
})
