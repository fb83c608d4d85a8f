import { ApiError } from '../../src/api/errors'
import type { ResidentSummary, Role } from '../../src/api/types'
import { maskPhone } from '../../src/domain/mask'
import {
  HELPER_ROLES,
  actedByOf,
  assertHelper,
  assertMayActFor,
  assertSameResident,
  newResident,
  validateResidentRef,
  type ActedBy,
  type ResidentRef,
} from '../../src/domain/onBehalf'
import { assertValid } from '../../src/domain/rules'
import { normalisePhone } from '../../src/domain/validation'
import type { UserRecord } from '../records'
import type { Route, RouteContext } from '../router'

const HELPERS: Role[] = [...HELPER_ROLES]

/** The resident a ref names: registered already, or registered now (undone with the write if it fails). */
async function residentFor(ctx: RouteContext, ref: ResidentRef): Promise<UserRecord> {
  const helper = ctx.user!
  if (ref.id !== undefined) {
    const found = await ctx.repo.getUser(ref.id)
    if (!found) throw new ApiError('NOT_FOUND', '没有找到这位居民')
    assertMayActFor(helper, found)
    return found
  }
  const registered = await ctx.repo.findUserByPhone(normalisePhone(ref.phone!))
  if (registered) {
    assertMayActFor(helper, registered)
    assertSameResident(ref, registered)
    return registered
  }
  if (!(await ctx.repo.getGrid(ref.gridCode!))) {
    throw new ApiError('VALIDATION', '没有这个网格', { residentGrid: '请从列表中选择居民所在网格' })
  }
  const resident = { ...newResident(ref, await ctx.repo.newId('r')), openid: null }
  assertMayActFor(helper, resident)
  await ctx.repo.insertUser(resident)
  return resident
}

/**
 * Runs a write for whom it is meant: the caller, or, when the body names
 * `forResident`, the resident a volunteer or staff member acts for (代办).
 * The write sees only the resident, so their limits and duplicates apply.
 * The owner's account row is locked first, so two writes of one person (two
 * phones, a double tap with new keys) count their limits one after the other.
 */
export async function forOwner<T>(
  ctx: RouteContext,
  selfRoles: Role[],
  write: (owner: UserRecord, actedBy: ActedBy | null) => Promise<T>,
): Promise<T> {
  const caller = ctx.user!
  const ref = ctx.body.forResident
  let owner: UserRecord
  let actedBy: ActedBy | null = null
  if (ref === undefined || ref === null) {
    if (!selfRoles.includes(caller.role)) throw new ApiError('FORBIDDEN')
    owner = caller
  } else {
    assertHelper(caller)
    assertValid(validateResidentRef(ref), '请检查代办的居民信息')
    owner = await residentFor(ctx, ref as ResidentRef)
    actedBy = actedByOf(caller, ctx.now)
  }
  owner = (await ctx.repo.getUser(owner.id, { forUpdate: true })) ?? owner
  // Read under the lock 注销账号 also takes: a write that waited for a closing account never lands on it.
  if (owner.closedAt) throw new ApiError('NOT_FOUND', '这个账号已注销')
  return write(owner, actedBy)
}

const LIST_LIMIT = 20

export const residentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/residents',
    access: HELPERS,
    handler: async (ctx): Promise<ResidentSummary[]> => {
      const helper = ctx.user!
      const q = (ctx.query.q ?? '').trim()
      if (q.length > 20) throw new ApiError('VALIDATION', '查找内容太长', { q: '请输入姓名，或手机号后四位' })
      // Phones match on their last digits only: a search must not reveal whole numbers.
      const found = await ctx.repo.listResidents({ gridCode: helper.role === 'staff' ? null : helper.gridCode ?? '', q, limit: LIST_LIMIT })
      return found.map((u) => ({ id: u.id, name: u.name, phone: maskPhone(u.phone), gridCode: u.gridCode! }))
    },
  },
]
