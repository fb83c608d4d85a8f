import { ApiError } from '../../src/api/errors'
import type { SubscribeGrants } from '../../src/api/types'
import type { Message } from '../../src/domain/messages'
import { pageOf } from '../paging'
import type { Route } from '../router'
import { toChinaIso } from '../../src/domain/chinaTime'

/** The ids a read receipt names: none means every message. */
function idsOf(body: Record<string, unknown>): string[] | null {
  const ids = body.ids
  if (ids === undefined || ids === null) return null
  if (!Array.isArray(ids) || ids.length > 100 || ids.some((id) => typeof id !== 'string' || id.length > 40)) {
    throw new ApiError('VALIDATION', '消息编号不正确', { ids: '最多100条消息的编号' })
  }
  return ids as string[]
}

/** WeChat template ids the person accepted (wx.requestSubscribeMessage answered "accept"). */
function templateIdsOf(body: Record<string, unknown>): string[] {
  const accepted = body.accepted
  if (!Array.isArray(accepted) || accepted.length > 5 || accepted.some((id) => typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))) {
    throw new ApiError('VALIDATION', '订阅消息模板不正确', { accepted: '最多5个模板编号' })
  }
  return [...new Set(accepted as string[])]
}

/** 消息: what the caller was told, newest first, and which of it is still unread. */
export const messageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/messages',
    access: 'user',
    handler: (ctx) => pageOf<Message, Message>(ctx, (scan) => ctx.repo.scanMessages(ctx.user!.id, scan), (m) => m),
  },
  {
    method: 'GET',
    path: '/messages/unread',
    access: 'user',
    handler: async ({ repo, user }) => ({ unread: await repo.countUnreadMessages(user!.id) }),
  },
  {
    method: 'POST',
    path: '/messages/read',
    access: 'user',
    handler: async ({ repo, user, body, now }) => {
      await repo.markMessagesRead(user!.id, idsOf(body), toChinaIso(now))
      return { unread: await repo.countUnreadMessages(user!.id) }
    },
  },
  {
    // After wx.requestSubscribeMessage: each accepted template allows the server one subscribe message.
    method: 'POST',
    path: '/me/subscriptions',
    access: 'user',
    handler: async ({ repo, user, body }): Promise<SubscribeGrants> => ({ grants: await repo.recordSubscribeGrants(user!.id, templateIdsOf(body)) }),
  },
]
