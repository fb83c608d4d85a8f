/**
 * 代办 (issue 6, PRODUCT.md §1): a grid volunteer or a staff member posts a
 * wish, books a clinic or applies for a job for a resident who has no
 * smartphone. The record belongs to the resident (their limits, duplicates and
 * capacity apply); it remembers who acted for them and when.
 */
import { inChina } from './chinaTime'
import { maskName } from './mask'
import { RuleError } from './rules'
import { checkPhone, checkText, collectErrors, normalisePhone, type FieldErrors } from './validation'

/** The resident acted for: one already known (id), or name, phone and grid as entered. */
export interface ResidentRef {
  id?: string
  name?: string
  phone?: string
  gridCode?: string
}

export type HelperRole = 'volunteer' | 'staff'

export interface ActedBy {
  id: string
  name: string
  role: HelperRole
  /** China time, ISO 8601. */
  at: string
}

/** Who acts, and for whom: only the fields the rules read. */
export interface Person {
  id: string
  name: string
  phone: string
  role: 'resident' | 'elder' | 'volunteer' | 'staff'
  gridCode: string | null
}

export const RESIDENT_NAME_RULE = { label: '居民姓名', max: 20 }
/** Grid codes such as DA0103: letters and digits only. */
const GRID_CODE = /^[A-Za-z0-9]{1,20}$/

export const HELPER_LABEL: Record<HelperRole, string> = { volunteer: '网格志愿者', staff: '工作人员' }

/** The roles that may act for residents. */
export const HELPER_ROLES: readonly HelperRole[] = ['volunteer', 'staff']

export const isHelperRole = (role: string): role is HelperRole => (HELPER_ROLES as readonly string[]).includes(role)

/** Residents and elders act only for themselves. */
export function assertHelper(person: { role: string }): void {
  if (!isHelperRole(person.role)) throw new RuleError('FORBIDDEN', '只有网格志愿者和工作人员可以代办')
}

/** Per-field messages for the resident as entered; the fields are residentName, residentPhone, residentGrid. */
export function validateResidentRef(input: unknown): FieldErrors {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { forResident: '请选择或填写代办的居民' }
  const ref = input as Record<string, unknown>
  if (ref.id !== undefined) {
    return typeof ref.id === 'string' && ref.id.trim() ? {} : { forResident: '请选择或填写代办的居民' }
  }
  return collectErrors({
    residentName: checkText(ref.name, RESIDENT_NAME_RULE),
    residentPhone: checkPhone(ref.phone, '居民手机号'),
    residentGrid: typeof ref.gridCode === 'string' && GRID_CODE.test(ref.gridCode) ? null : '请选择居民所在网格',
  })
}

/** Residents and elders act for themselves; volunteers for their own grid; staff for anyone. */
export function assertMayActFor(helper: Person, resident: Person): void {
  assertHelper(helper)
  if (resident.role !== 'resident' && resident.role !== 'elder') {
    throw new RuleError('VALIDATION', '只能为居民代办', { residentPhone: '这个手机号属于志愿者或工作人员，不能代办' })
  }
  if (helper.role === 'volunteer' && helper.gridCode !== resident.gridCode) {
    throw new RuleError('FORBIDDEN', '网格志愿者只能为本网格的居民代办，其他网格请联系工作人员')
  }
}

/**
 * An entered resident against the one already registered with that phone: the
 * name must agree (a typo would hand the record to someone else), and so must
 * the grid.
 */
export function assertSameResident(entered: ResidentRef, registered: Person): void {
  const errors = collectErrors({
    residentName:
      (entered.name ?? '').trim() === registered.name ? null : `这个手机号登记的居民是${maskName(registered.name)}，请核对姓名`,
    residentGrid: entered.gridCode === registered.gridCode ? null : '这位居民登记在另一个网格，请核对',
  })
  if (Object.keys(errors).length) throw new RuleError('VALIDATION', '居民信息与登记的不一致', errors)
}

/** A new resident account for someone first met through 代办; they claim it by signing in with the phone. */
export function newResident(ref: ResidentRef, id: string): Person {
  return { id, name: (ref.name ?? '').trim(), phone: normalisePhone(ref.phone ?? ''), role: 'resident', gridCode: ref.gridCode ?? null }
}

export function actedByOf(helper: Person, now: number): ActedBy {
  return {
    id: helper.id,
    name: helper.name,
    role: helper.role === 'staff' ? 'staff' : 'volunteer',
    at: inChina(now).format('YYYY-MM-DDTHH:mm:ssZ'),
  }
}

/** e.g. 代办：网格志愿者 赵志强，11月26日 10:30 */
export function describeActedBy(actedBy: ActedBy): string {
  return `代办：${HELPER_LABEL[actedBy.role]} ${actedBy.name}，${inChina(actedBy.at).format('M月D日 HH:mm')}`
}
