import { ApiError } from '../../src/api/errors'
import type { ResidentSummary, Role, User } from '../../src/api/types'
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
import type { Route, RouteContext } from '../router'

const HELPERS: Role[] = [...HELPER_ROLES]

/** The resident a ref names: registered already, or new (and not stored yet). */
function residentFor(ctx: RouteContext, ref: ResidentRef): User {
  const helper = ctx.user!
  if (ref.id !== undefined) {
    const found = ctx.db.users.find((u) => u.id === ref.id)
    if (!found) throw new ApiError('NOT_FOUND', '没有找到这位居民')
    assertMayActFor(helper, found)
    return found
  }
  const registered = ctx.db.users.find((u) => u.phone === normalisePhone(ref.phone!))
  if (registered) {
    assertMayActFor(helper, registered)
    assertSameResident(ref, registered)
    return registered
  }
  if (!ctx.db.grids.some((g) => g.code === ref.gridCode)) {
    throw new ApiError('VALIDATION', '没有这个网格', { residentGrid: '请从列表中选择居民所在网格' })
  }
  const resident = newResident(ref, `r${ctx.db.seq + 1}`)
  assertMayActFor(helper, resident)
  ctx.db.seq += 1
  return resident
}

/**
 * Runs a write for whom it is meant: the caller, or, when the body names
 * `forResident`, the resident a volunteer or staff member acts for (代办).
 * The write sees only the resident, so their limits and duplicates apply.
 * A resident first met through 代办 is registered only if the write succeeds.
 */
export function forOwner<T>(ctx: RouteContext, selfRoles: Role[], write: (owner: User, actedBy: ActedBy | null) => T): T {
  const caller = ctx.user!
  const ref = ctx.body.forResident
  if (ref === undefined || ref === null) {
    if (!selfRoles.includes(caller.role)) throw new ApiError('FORBIDDEN')
    return write(caller, null)
  }
  assertHelper(caller)
  assertValid(validateResidentRef(ref), '请检查代办的居民信息')
  const resident = residentFor(ctx, ref as ResidentRef)
  const result = write(resident, actedByOf(caller, ctx.now))
  if (!ctx.db.users.some((u) => u.id === resident.id)) ctx.db.users.push(resident)
  return result
}

const LIST_LIMIT = 20

export const residentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/residents',
    access: HELPERS,
    handler: (ctx): ResidentSummary[] => {
      const helper = ctx.user!
      const q = (ctx.query.q ?? '').trim()
      if (q.length > 20) throw new ApiError('VALIDATION', '查找内容太长', { q: '请输入姓名，或手机号后四位' })
      return ctx.db.users
        .filter((u) => (u.role === 'resident' || u.role === 'elder') && u.gridCode)
        .filter((u) => helper.role === 'staff' || u.gridCode === helper.gridCode)
        // Phones match on their last digits only: a search must not reveal whole numbers.
        .filter((u) => !q || u.name.includes(q) || (/^\d{4}$/.test(q) && u.phone.endsWith(q)))
        .slice(0, LIST_LIMIT)
        .map((u) => ({ id: u.id, name: u.name, phone: maskPhone(u.phone), gridCode: u.gridCode! }))
    },
  },
]
