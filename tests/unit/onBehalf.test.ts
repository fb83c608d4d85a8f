import {
  actedByOf,
  assertMayActFor,
  assertSameResident,
  describeActedBy,
  newResident,
  validateResidentRef,
  type Person,
} from '../../src/domain/onBehalf'
import { RuleError } from '../../src/domain/rules'

const volunteer: Person = { id: 'v', name: '赵志强', phone: '13604529876', role: 'volunteer', gridCode: 'DA0103' }
const staff: Person = { id: 's', name: '刘芳', phone: '13704520011', role: 'staff', gridCode: null }
const elder: Person = { id: 'e', name: '王秀英', phone: '13504526688', role: 'elder', gridCode: 'DA0103' }
const elsewhere: Person = { ...elder, id: 'z', gridCode: 'DA0101' }

function codeOf(run: () => void): string | null {
  try {
    run()
    return null
  } catch (error) {
    return error instanceof RuleError ? error.code : 'other'
  }
}

describe('validateResidentRef', () => {
  it('accepts a chosen resident by id, or a full name, phone and grid', () => {
    expect(validateResidentRef({ id: 'e' })).toEqual({})
    expect(validateResidentRef({ name: '陈淑珍', phone: '139 4567 1234', gridCode: 'DA0103' })).toEqual({})
  })

  it('names every missing or bad field', () => {
    expect(Object.keys(validateResidentRef({})).sort()).toEqual(['residentGrid', 'residentName', 'residentPhone'])
    expect(validateResidentRef({ name: '<b>陈</b>', phone: '12345678901', gridCode: 'DA0103' })).toEqual({
      residentName: '居民姓名不能包含网页代码（如 < 开头的标签）',
      residentPhone: '请填写11位手机号，以1开头（如13812341234）',
    })
    expect(validateResidentRef({ id: '' })).toEqual({ forResident: '请选择或填写代办的居民' })
    expect(validateResidentRef('陈淑珍')).toEqual({ forResident: '请选择或填写代办的居民' })
    expect(validateResidentRef([])).toEqual({ forResident: '请选择或填写代办的居民' })
  })
})

describe('assertMayActFor', () => {
  it('lets a volunteer act in their own grid only, and staff anywhere', () => {
    expect(codeOf(() => assertMayActFor(volunteer, elder))).toBeNull()
    expect(codeOf(() => assertMayActFor(volunteer, elsewhere))).toBe('FORBIDDEN')
    expect(codeOf(() => assertMayActFor(staff, elsewhere))).toBeNull()
  })

  it('never lets residents act for others, nor anyone act for a helper', () => {
    expect(codeOf(() => assertMayActFor(elder, { ...elder, id: 'x' }))).toBe('FORBIDDEN')
    expect(codeOf(() => assertMayActFor({ ...elder, role: 'resident' }, elder))).toBe('FORBIDDEN')
    expect(codeOf(() => assertMayActFor(staff, volunteer))).toBe('VALIDATION')
  })
})

describe('assertSameResident', () => {
  it('accepts the registered name and grid, and points at whichever differs', () => {
    expect(codeOf(() => assertSameResident({ name: ' 王秀英 ', phone: elder.phone, gridCode: 'DA0103' }, elder))).toBeNull()
    try {
      assertSameResident({ name: '王秀兰', phone: elder.phone, gridCode: 'DA0101' }, elder)
      throw new Error('expected a RuleError')
    } catch (error) {
      expect((error as RuleError).fields).toEqual({
        residentName: '这个手机号登记的居民是王*英，请核对姓名',
        residentGrid: '这位居民登记在另一个网格，请核对',
      })
    }
  })
})

describe('newResident, actedByOf and describeActedBy', () => {
  it('registers a resident with a clean phone, and records who acted in China time', () => {
    expect(newResident({ name: ' 陈淑珍 ', phone: '139-4567-1234', gridCode: 'DA0103' }, 'r1')).toEqual({
      id: 'r1',
      name: '陈淑珍',
      phone: '13945671234',
      role: 'resident',
      gridCode: 'DA0103',
    })
    const actedBy = actedByOf(volunteer, Date.parse('2026-11-26T02:30:00Z'))
    expect(actedBy).toEqual({ id: 'v', name: '赵志强', role: 'volunteer', at: '2026-11-26T10:30:00+08:00' })
    expect(describeActedBy(actedBy)).toBe('代办：网格志愿者 赵志强，11月26日 10:30')
    expect(describeActedBy(actedByOf(staff, Date.parse('2026-11-26T16:05:00Z')))).toBe('代办：工作人员 刘芳，11月27日 00:05')
  })
})
