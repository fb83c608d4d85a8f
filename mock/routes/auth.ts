import { ApiError } from '../../src/api/errors'
import type { Meta, Session, User } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import { newResident } from '../../src/domain/onBehalf'
import { checkPhone, normalisePhone } from '../../src/domain/validation'
import type { Route, RouteContext } from '../router'
import type { DbState } from '../state'
import { seedDb } from '../seed'

function newToken(db: DbState): string {
  db.seq += 1
  const random = Math.random().toString(36).slice(2, 12)
  return `t${db.seq.toString(36)}${random}`
}

function openSession(db: DbState, user: User): Session {
  const token = newToken(db)
  db.sessions[token] = user.id
  return { token, user: { ...user } }
}

function requireDemo(ctx: RouteContext): void {
  if (!ctx.demo) throw new ApiError('FORBIDDEN', '只有演示环境可以切换账号或重置数据')
}

export const authRoutes: Route[] = [
  {
    method: 'GET',
    path: '/meta',
    access: 'public',
    handler: (ctx): Meta => ({ name: '东安社区服务', demo: ctx.demo, serverTime: toChinaIso(ctx.now) }),
  },
  {
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    handler: (ctx): Session => {
      const code = ctx.body.code
      if (typeof code !== 'string' || !code.trim() || code.length > 128) {
        throw new ApiError('VALIDATION', '登录凭证无效', { code: '登录凭证无效，请重新进入小程序' })
      }
      // A real backend exchanges the code with WeChat (code2Session). The mock
      // accepts any code; `demo:<account>` picks a demo account.
      const accountId = code.startsWith('demo:') ? code.slice(5) : 'resident'
      const user = ctx.db.users.find((u) => u.id === accountId)
      if (!user) throw new ApiError('VALIDATION', '登录凭证无效', { code: '没有这个演示账号' })
      return openSession(ctx.db, user)
    },
  },
  {
    method: 'POST',
    path: '/auth/phone',
    access: 'public',
    handler: (ctx): Session => {
      // A real backend exchanges WeChat's getPhoneNumber code for the number.
      // The demo backend takes `phone:<number>`, as if WeChat had confirmed it.
      if (!ctx.demo) throw new ApiError('VALIDATION', '手机号验证失败，请重试', { code: '手机号验证失败，请重试' })
      const code = ctx.body.code
      const phone = typeof code === 'string' && code.startsWith('phone:') ? normalisePhone(code.slice(6)) : ''
      const problem = checkPhone(phone)
      if (problem) throw new ApiError('VALIDATION', problem, { phone: problem })
      let user = ctx.db.users.find((u) => u.phone === phone)
      if (!user) {
        // Someone new: a resident account, in the grid they scanned, if any.
        const gridCode = ctx.db.grids.some((g) => g.code === ctx.body.gridCode) ? (ctx.body.gridCode as string) : null
        ctx.db.seq += 1
        user = newResident({ name: `居民${phone.slice(-4)}`, phone, gridCode: gridCode ?? undefined }, `r${ctx.db.seq}`)
        ctx.db.users.push(user)
      }
      return openSession(ctx.db, user)
    },
  },
  {
    method: 'GET',
    path: '/auth/demo-accounts',
    access: 'public',
    handler: (ctx) => {
      requireDemo(ctx)
      return ctx.db.demoAccounts
    },
  },
  {
    method: 'POST',
    path: '/auth/demo',
    access: 'public',
    handler: (ctx): Session => {
      requireDemo(ctx)
      const id = ctx.body.accountId
      const account = ctx.db.demoAccounts.find((a) => a.id === id)
      const user = account && ctx.db.users.find((u) => u.id === account.id)
      if (!user) throw new ApiError('VALIDATION', '没有这个演示账号', { accountId: '请选择一个演示账号' })
      return openSession(ctx.db, user)
    },
  },
  {
    method: 'GET',
    path: '/me',
    access: 'user',
    handler: (ctx): User => ({ ...ctx.user! }),
  },
  {
    method: 'POST',
    path: '/demo/reset',
    access: 'public',
    handler: (ctx) => {
      requireDemo(ctx)
      // Keep everyone signed in: a reset restores data, not sessions.
      const fresh = seedDb(ctx.now)
      const sessions = ctx.db.sessions
      Object.assign(ctx.db, fresh, { sessions, seq: Math.max(fresh.seq, ctx.db.seq) })
      return { ok: true }
    },
  },
]
