/**
 * Roles (issue 11): staff grant and revoke the volunteer role and its grid,
 * and staff rights, from 志愿者管理. Every change is kept: who, when, what.
 */
import { inChina } from './chinaTime'
import type { Person } from './onBehalf'
import { RuleError, assertValid } from './rules'
import { collectErrors, type FieldErrors } from './validation'

export type AccountRole = Person['role']

export const ROLE_LABEL: Record<AccountRole, string> = {
  resident: '居民',
  elder: '长者',
  volunteer: '网格志愿者',
  staff: '工作人员',
}

export const ACCOUNT_ROLES = Object.keys(ROLE_LABEL) as AccountRole[]

/** What staff choose for an account. */
export interface RoleDraft {
  role: AccountRole
  /** Volunteers serve one grid; residents and elders live in one; staff may have none. */
  gridCode: string | null
}

export interface RoleChange {
  id: string
  userId: string
  userName: string
  by: { id: string; name: string }
  /** China time, ISO 8601. */
  at: string
  from: RoleDraft
  to: RoleDraft
}

/** Per-field messages for a role draft; `gridExists` tells known grid codes. */
export function validateRoleDraft(input: unknown, gridExists: (code: string) => boolean): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof RoleDraft, unknown>>
  const role = ACCOUNT_ROLES.includes(d.role as AccountRole) ? (d.role as AccountRole) : null
  const grid = d.gridCode
  const gridKnown = typeof grid === 'string' && grid !== '' && gridExists(grid)
  let gridError: string | null = null
  if (grid !== null && grid !== undefined && grid !== '' && !gridKnown) gridError = '请从列表中选择网格'
  else if (role === 'volunteer' && !gridKnown) gridError = '网格志愿者要选择所服务的网格'
  return collectErrors({ role: role ? null : '请选择角色', gridCode: gridError })
}

/**
 * The account after the change, and the record of it. Only staff change
 * roles, and never their own (so the office cannot lock itself out by mistake).
 */
export function changeRole(target: Person, input: unknown, actor: Person, gridExists: (code: string) => boolean, id: string, now: number): { user: Person; change: RoleChange } {
  if (actor.role !== 'staff') throw new RuleError('FORBIDDEN', '只有工作人员可以调整角色')
  if (actor.id === target.id) throw new RuleError('CONFLICT', '不能调整自己的角色，请另一位工作人员操作', { role: '不能调整自己的角色' })
  assertValid(validateRoleDraft(input, gridExists))
  const d = input as RoleDraft
  const to: RoleDraft = { role: d.role, gridCode: d.gridCode || null }
  const from: RoleDraft = { role: target.role, gridCode: target.gridCode }
  if (from.role === to.role && from.gridCode === to.gridCode) throw new RuleError('VALIDATION', '角色和网格都没有变化', { role: '角色和网格都没有变化' })
  return {
    user: { ...target, role: to.role, gridCode: to.gridCode },
    change: { id, userId: target.id, userName: target.name, by: { id: actor.id, name: actor.name }, at: inChina(now).format('YYYY-MM-DDTHH:mm:ssZ'), from, to },
  }
}

/** e.g. 刘芳 11月30日 14:05：居民 → 网格志愿者（DA0103） */
export function describeRoleChange(change: RoleChange, gridName: (code: string) => string = (c) => c): string {
  const part = (d: RoleDraft) => `${ROLE_LABEL[d.role]}${d.gridCode ? `（${gridName(d.gridCode)}）` : ''}`
  return `${change.by.name} ${inChina(change.at).format('M月D日 HH:mm')}：${part(change.from)} → ${part(change.to)}`
}
