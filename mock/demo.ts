import { ApiError } from '../src/api/errors'
import type { DemoAccount, Session } from '../src/api/types'
import type { IdentityProvider, Route } from '../backend/router'
import { userOf } from '../backend/records'
import { DEMO_ACCOUNTS, demoOpenid, seedInto } from './seed'

/**
 * The demo's stand-in for WeChat: `demo:<account>` signs in as a demo
 * account and any other code as the demo resident; `phone:<number>` is a
 * number WeChat would have confirmed.
 */
export const demoIdentity: IdentityProvider = {
  async openidFor(code) {
    if (!code.startsWith('demo:')) return demoOpenid('resident')
    const id = code.slice(5)
    if (!DEMO_ACCOUNTS.some((a) => a.id === id)) throw new ApiError('VALIDATION', '登录凭证无效', { code: '没有这个演示账号' })
    return demoOpenid(id)
  },
  async phoneFor(code) {
    if (!code.startsWith('phone:')) throw new ApiError('VALIDATION', '手机号验证失败，请重试', { code: '手机号验证失败，请重试' })
    return code.slice(6)
  },
}

/** The demo doors, opened only by a demo host: pick an account, restore the seed. */
export const demoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/auth/demo-accounts',
    access: 'public',
    handler: async (): Promise<DemoAccount[]> => DEMO_ACCOUNTS.map((a) => ({ ...a })),
  },
  {
    method: 'POST',
    path: '/auth/demo',
    access: 'public',
    handler: async (ctx): Promise<Session> => {
      const id = ctx.body.accountId
      const account = DEMO_ACCOUNTS.find((a) => a.id === id)
      const user = account && (await ctx.repo.getUser(account.id))
      if (!user) throw new ApiError('VALIDATION', '没有这个演示账号', { accountId: '请选择一个演示账号' })
      if (user.closedAt) throw new ApiError('CONFLICT', '这个演示账号已注销，重置演示数据后可再使用', { accountId: '这个演示账号已注销' })
      return { token: await ctx.openSession(user.id), user: userOf(user) }
    },
  },
  {
    method: 'POST',
    path: '/demo/reset',
    access: 'public',
    handler: async (ctx) => {
      // Keeps everyone signed in: a reset restores data, not sessions.
      await seedInto(ctx.repo, ctx.now)
      return { ok: true }
    },
  },
]
