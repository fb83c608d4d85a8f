import { ApiError } from '../../src/api/errors'
import type { Meta, Session } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import { newResident } from '../../src/domain/onBehalf'
import { checkPhone, normalisePhone } from '../../src/domain/validation'
import { userOf, type UserRecord } from '../records'
import type { Route, RouteContext } from '../router'

/** The demo's stand-in codes: closed doors (404) wherever demo mode is off. */
const DEMO_CODE = /^(demo|phone):/
/** What a first WeChat sign-in is called until the phone number names it. */
const NEW_ACCOUNT_NAME = '微信用户'

function readCode(ctx: RouteContext): string {
  const code = ctx.body.code
  if (typeof code !== 'string' || !code.trim() || code.length > 128) {
    throw new ApiError('VALIDATION', '登录凭证无效', { code: '登录凭证无效，请重新进入小程序' })
  }
  if (!ctx.demo && DEMO_CODE.test(code)) throw new ApiError('NOT_FOUND', '演示入口未开放')
  return code
}

async function sessionFor(ctx: RouteContext, user: UserRecord): Promise<Session> {
  return { token: await ctx.openSession(user.id), user: userOf(user) }
}

/** The grid a new account scanned, if it exists. */
async function scannedGrid(ctx: RouteContext): Promise<string | null> {
  const code = ctx.body.gridCode
  if (typeof code !== 'string' || !code) return null
  return (await ctx.repo.getGrid(code)) ? code : null
}

export const authRoutes: Route[] = [
  {
    method: 'GET',
    path: '/meta',
    access: 'public',
    handler: async (ctx): Promise<Meta> => ({ name: '东安社区服务', demo: ctx.demo, serverTime: toChinaIso(ctx.now) }),
  },
  {
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    handler: async (ctx): Promise<Session> => {
      // WeChat (code2Session) names the account; the first sign-in creates a resident.
      const openid = await ctx.identity.openidFor(readCode(ctx))
      const known = await ctx.repo.findUserByOpenid(openid)
      if (known) return sessionFor(ctx, known)
      const user: UserRecord = { id: await ctx.repo.newId('r'), name: NEW_ACCOUNT_NAME, phone: '', role: 'resident', gridCode: await scannedGrid(ctx), openid }
      await ctx.repo.insertUser(user)
      return sessionFor(ctx, user)
    },
  },
  {
    method: 'POST',
    path: '/auth/phone',
    access: 'public',
    handler: async (ctx): Promise<Session> => {
      // WeChat confirms the number behind the getPhoneNumber button's code.
      const phone = normalisePhone(await ctx.identity.phoneFor(readCode(ctx)))
      const problem = checkPhone(phone)
      if (problem) throw new ApiError('VALIDATION', problem, { phone: problem })
      const found = await ctx.repo.findUserByPhone(phone)
      // Locked, then read again: of two WeChat users confirming one number at once, the database lets one take it.
      const owner = found && (await ctx.repo.getUser(found.id, { forUpdate: true }))
      const caller = ctx.user
      if (caller && !caller.phone) {
        // A WeChat account without a number yet takes this one.
        if (!owner) {
          const updated = { ...caller, phone, name: caller.name === NEW_ACCOUNT_NAME ? `居民${phone.slice(-4)}` : caller.name }
          await ctx.repo.updateUser(updated)
          return sessionFor(ctx, updated)
        }
        // The number belongs to an account a helper made through 代办: that
        // account, with everything booked for it, becomes this WeChat user's.
        if (owner.openid) throw new ApiError('CONFLICT', '这个手机号已绑定另一个微信账号', { code: '这个手机号已绑定另一个微信账号' })
        await ctx.repo.updateUser({ ...caller, openid: null })
        const linked = { ...owner, openid: caller.openid ?? null }
        await ctx.repo.updateUser(linked)
        if (ctx.tokenHash) await ctx.repo.deleteSession(ctx.tokenHash)
        return sessionFor(ctx, linked)
      }
      if (owner) return sessionFor(ctx, owner)
      // Someone new (the H5 site has no WeChat sign-in): a resident in the grid they scanned.
      const gridCode = await scannedGrid(ctx)
      const user = newResident({ name: `居民${phone.slice(-4)}`, phone, gridCode: gridCode ?? undefined }, await ctx.repo.newId('r'))
      await ctx.repo.insertUser(user)
      return sessionFor(ctx, user)
    },
  },
  {
    method: 'POST',
    path: '/auth/logout',
    access: 'user',
    handler: async (ctx) => {
      if (ctx.tokenHash) await ctx.repo.deleteSession(ctx.tokenHash)
      return { ok: true }
    },
  },
  {
    method: 'GET',
    path: '/me',
    access: 'user',
    handler: async (ctx) => userOf(ctx.user!),
  },
  {
    // 在职党员: the person marks (or unmarks) it on 我的; activities open to in-service party members then admit them.
    method: 'POST',
    path: '/me/party-member',
    access: ['resident', 'elder', 'volunteer'],
    handler: async (ctx) => {
      const value = ctx.body.partyMember
      if (typeof value !== 'boolean') throw new ApiError('VALIDATION', '请选择是否为在职党员', { partyMember: '请选择是或否' })
      const me = (await ctx.repo.getUser(ctx.user!.id, { forUpdate: true }))!
      const { partyMember: _old, ...rest } = me
      const next: UserRecord = value ? { ...rest, partyMember: true } : rest
      await ctx.repo.updateUser(next)
      return userOf(next)
    },
  },
]
