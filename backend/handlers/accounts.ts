import { ApiError } from '../../src/api/errors'
import type { AccountSummary, RoleChange } from '../../src/api/types'
import { maskPhone } from '../../src/domain/mask'
import { changeRole } from '../../src/domain/roles'
import type { UserRecord } from '../records'
import type { Route } from '../router'

const LIST_LIMIT = 30

/** Staff see accounts with masked phones: the full number is for its owner only. */
const summaryOf = (u: UserRecord): AccountSummary => ({ id: u.id, name: u.name, phone: maskPhone(u.phone), role: u.role, gridCode: u.gridCode })

/** 志愿者管理: staff find accounts, grant or revoke roles, and read what changed. */
export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/staff/accounts',
    access: ['staff'],
    handler: async (ctx): Promise<AccountSummary[]> => {
      const q = (ctx.query.q ?? '').trim()
      if (q.length > 20) throw new ApiError('VALIDATION', '查找内容太长', { q: '请输入姓名，或手机号后四位' })
      return (await ctx.repo.listAccounts({ q, limit: LIST_LIMIT })).map(summaryOf)
    },
  },
  {
    method: 'POST',
    path: '/staff/accounts/:id/role',
    access: ['staff'],
    handler: async (ctx): Promise<AccountSummary> => {
      const target = await ctx.repo.getUser(ctx.params.id, { forUpdate: true })
      if (!target) throw new ApiError('NOT_FOUND', '没有找到这个账号')
      const grids = new Set((await ctx.repo.listGrids()).map((g) => g.code))
      const { user, change } = changeRole(target, ctx.body, ctx.user!, (code) => grids.has(code), await ctx.repo.newId('rc'), ctx.now)
      await ctx.repo.updateUser({ ...target, role: user.role, gridCode: user.gridCode })
      // In the same transaction as the change: there is no change without its record.
      await ctx.repo.insertRoleChange(change)
      return summaryOf({ ...target, role: user.role, gridCode: user.gridCode })
    },
  },
  {
    method: 'GET',
    path: '/staff/accounts/:id/role-changes',
    access: ['staff'],
    handler: async (ctx): Promise<RoleChange[]> => {
      if (!(await ctx.repo.getUser(ctx.params.id))) throw new ApiError('NOT_FOUND', '没有找到这个账号')
      return ctx.repo.listRoleChanges(ctx.params.id)
    },
  },
]
