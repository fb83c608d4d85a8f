import { changeRole, describeRoleChange, validateRoleDraft } from '../../src/domain/roles'
import type { Person } from '../../src/domain/onBehalf'
import { refusal } from '../support/refusal'

const NOW = Date.parse('2026-11-30T14:05:00+08:00')
const staff: Person = { id: 's1', name: '刘芳', phone: '13704520011', role: 'staff', gridCode: null }
const resident: Person = { id: 'r1', name: '李明', phone: '13804521234', role: 'resident', gridCode: 'DA0103' }
const grids = (code: string) => ['DA0101', 'DA0103'].includes(code)

describe('changing roles', () => {
  it('makes a resident a volunteer of a grid and records who, when and what', () => {
    const { user, change } = changeRole(resident, { role: 'volunteer', gridCode: 'DA0101' }, staff, grids, 'rc1', NOW)
    expect(user).toMatchObject({ id: 'r1', role: 'volunteer', gridCode: 'DA0101' })
    expect(change).toEqual({
      id: 'rc1',
      userId: 'r1',
      userName: '李明',
      by: { id: 's1', name: '刘芳' },
      at: '2026-11-30T14:05:00+08:00',
      from: { role: 'resident', gridCode: 'DA0103' },
      to: { role: 'volunteer', gridCode: 'DA0101' },
    })
    expect(describeRoleChange(change)).toBe('刘芳 11月30日 14:05：居民（DA0103） → 网格志愿者（DA0101）')
  })

  it('lets only staff change roles, and never their own', () => {
    expect(refusal(() => changeRole(resident, { role: 'staff', gridCode: null }, { ...resident, id: 'v9', role: 'volunteer' }, grids, 'x', NOW)).code).toBe('FORBIDDEN')
    expect(refusal(() => changeRole(staff, { role: 'resident', gridCode: 'DA0103' }, staff, grids, 'x', NOW)).code).toBe('CONFLICT')
  })

  it('names the field: a volunteer needs a known grid, a role must be one of the four, and something must change', () => {
    expect(validateRoleDraft({ role: 'volunteer', gridCode: null }, grids)).toEqual({ gridCode: '网格志愿者要选择所服务的网格' })
    expect(validateRoleDraft({ role: 'volunteer', gridCode: 'XX9999' }, grids)).toEqual({ gridCode: '请从列表中选择网格' })
    expect(validateRoleDraft({ role: 'admin', gridCode: null }, grids)).toEqual({ role: '请选择角色' })
    expect(validateRoleDraft({ role: 'staff', gridCode: null }, grids)).toEqual({})
    expect(refusal(() => changeRole(resident, { role: 'resident', gridCode: 'DA0103' }, staff, grids, 'x', NOW)).fields).toEqual({ role: '角色和网格都没有变化' })
  })
})
