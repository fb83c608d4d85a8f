import { CORE_ROUTES } from '../../backend/handlers'
import { demoRoutes } from '../../mock/demo'
import { AUDIT_LABEL, auditFactOf, auditLabel, auditSpanError, concerns, withinDays } from '../../src/domain/audit'
import type { Person } from '../../src/domain/onBehalf'

const volunteer: Person = { id: 'volunteer', name: '赵志强', phone: '13600000000', role: 'volunteer', gridCode: 'DA0103' }
const staff: Person = { id: 'staff', name: '刘芳', phone: '13700000000', role: 'staff', gridCode: null }
const elder: Person = { id: 'elder', name: '张桂兰', phone: '13904527788', role: 'elder', gridCode: 'DA0103' }

describe('操作记录: what goes in the trail', () => {
  it('every route that writes has words for staff', () => {
    const writes = [...CORE_ROUTES, ...demoRoutes].filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)
    expect(writes.filter((w) => !(w in AUDIT_LABEL)).filter((w) => w !== 'POST /demo/reset')).toEqual([])
    expect(auditLabel('POST /wishes/:id/claim')).toBe('认领心愿')
  })

  it('a write names its actor, the record, and the resident whose record it is; 代办 is marked', () => {
    const claim = auditFactOf('POST', '/wishes/:id/claim', { id: 'w9' }, volunteer, { id: 'w9', ownerId: 'elder', phone: '13904527788' })
    expect(claim).toEqual({ kind: 'write', actor: volunteer, residentId: 'elder', onBehalf: false, action: 'POST /wishes/:id/claim', recordId: 'w9' })
    const forElder = auditFactOf('POST', '/clinics/:id/slots/:slot/bookings', { id: 'c1', slot: 't1' }, volunteer, { id: 'k7', accountId: 'elder', actedBy: { id: 'volunteer' } })
    expect(forElder).toMatchObject({ residentId: 'elder', onBehalf: true, recordId: 'c1' })
    const role = auditFactOf('POST', '/staff/accounts/:id/role', { id: 'volunteer' }, staff, { id: 'volunteer', role: 'volunteer' })
    expect(role).toMatchObject({ residentId: 'volunteer', recordId: 'volunteer' })
    expect(auditFactOf('POST', '/me/name', {}, elder, { id: 'elder', name: '张桂兰' })).toMatchObject({ residentId: 'elder' })
  })

  it('signing in is written with the account the answer names; a write without any actor is not', () => {
    expect(auditFactOf('POST', '/auth/login', {}, null, { token: 't', user: elder })).toMatchObject({ actor: elder, residentId: 'elder', action: 'POST /auth/login' })
    expect(auditFactOf('POST', '/auth/demo', {}, elder, { token: 't', user: staff })).toMatchObject({ actor: staff, residentId: 'staff' })
    expect(auditFactOf('POST', '/auth/logout', {}, elder, { ok: true })).toMatchObject({ actor: elder })
    expect(auditFactOf('POST', '/demo/reset', {}, null, { ok: true })).toBeNull()
  })

  it('a read is written only when it showed someone else’s details unmasked', () => {
    const full = { id: 'w9', ownerId: 'elder', phone: '13904527788' }
    expect(auditFactOf('GET', '/wishes/:id', { id: 'w9' }, volunteer, full)).toMatchObject({ kind: 'read', residentId: 'elder', recordId: 'w9' })
    expect(auditFactOf('GET', '/wishes/:id', { id: 'w9' }, volunteer, { ...full, phone: '139****7788' })).toBeNull()
    expect(auditFactOf('GET', '/wishes/:id', { id: 'w9' }, elder, full)).toBeNull()
    expect(auditFactOf('GET', '/clinics/:id/roster', { id: 'c1' }, staff, { bookings: [] })).toMatchObject({ kind: 'read', residentId: null, recordId: 'c1' })
    expect(auditFactOf('GET', '/wishes/open', {}, volunteer, { items: [] })).toBeNull()
  })

  it('a span of days is inclusive at both ends, in China days', () => {
    expect(withinDays('2026-11-30T23:59:00+08:00', { from: '2026-11-30', to: '2026-11-30' })).toBe(true)
    expect(withinDays('2026-12-01T00:00:00+08:00', { from: null, to: '2026-11-30' })).toBe(false)
    expect(withinDays('2026-11-29T08:00:00+08:00', { from: '2026-11-30', to: null })).toBe(false)
  })

  it('staff filter by an account (what it did and what was done about it) and a sensible span of days', () => {
    const entry = { actor: { id: 'volunteer', name: '赵志强', role: 'volunteer' as const }, resident: { id: 'elder', name: '张桂兰' } }
    expect([concerns(entry, 'elder'), concerns(entry, 'volunteer'), concerns(entry, 'staff'), concerns(entry, null)]).toEqual([true, true, false, true])
    expect(auditSpanError('2026-12-01', '2026-11-30')).toBe('结束日期不能早于开始日期')
    expect(auditSpanError('2026/11/30', null)).toBe('日期格式应为 2026-11-30')
    expect(auditSpanError('2026-11-30', '2026-11-30')).toBeNull()
  })
})
