import { ApiError } from '../../src/api/errors'
import type { Page, VolunteerTasks, WishSummary } from '../../src/api/types'
import {
  WISH_CATEGORIES,
  applyWishAction,
  createWish,
  effectiveStatus,
  isActive,
  wishFor,
  type Wish,
  type WishAction,
  type WishActor,
  type WishCategory,
  type WishView,
} from '../../src/domain/wish'
import { pageOf } from '../paging'
import type { UserRecord } from '../records'
import type { Route, RouteContext } from '../router'
import type { WishScanFilter } from '../store'
import { PHOTO_REFUSED, withPhotoLinks } from './photos'
import { forOwner } from './residents'
import { newWishMessages, wishMessages } from '../../src/domain/messages'
import { toChinaIso } from '../../src/domain/chinaTime'

export function actorOf(user: UserRecord): WishActor {
  return { id: user.id, name: user.name, role: user.role, gridCode: user.gridCode }
}

function summary(view: WishView): WishSummary {
  const { photos, events: _events, ...rest } = view
  return { ...rest, photoCount: photos.length }
}

/** Newest-first wishes the caller may see, one page at a time. */
function listOf(ctx: RouteContext, filter: WishScanFilter): Promise<Page<WishSummary>> {
  const viewer = actorOf(ctx.user!)
  return pageOf(
    ctx,
    (scan) => ctx.repo.scanWishes(filter, scan),
    (wish) => {
      const view = wishFor(wish, viewer, ctx.now)
      return view && summary(view)
    },
  )
}

/** The wish if the caller may see it; a wish they may not see does not exist for them. */
async function visibleWish(ctx: RouteContext, forUpdate = false): Promise<Wish> {
  const wish = await ctx.repo.getWish(ctx.params.id, { forUpdate })
  if (!wish || !wishFor(wish, actorOf(ctx.user!), ctx.now)) throw new ApiError('NOT_FOUND', '没有找到这个心愿')
  return wish
}

function actionRoute(action: WishAction, access: Route['access']): Route {
  return {
    method: 'POST',
    path: `/wishes/:id/${action}`,
    access,
    handler: async (ctx) => {
      // The row stays locked until the answer is stored: of two claims, the
      // second reads the first one's result and is refused.
      const wish = await visibleWish(ctx, true)
      const actor = actorOf(ctx.user!)
      const next = applyWishAction(wish, action, actor, ctx.body, ctx.now)
      await ctx.repo.updateWish(next)
      const at = toChinaIso(ctx.now)
      await ctx.repo.insertMessages(wishMessages(next, action, actor.id, at))
      // Approved: the grid's volunteers hear of it in 消息 at once.
      if (action === 'approve') await ctx.repo.insertMessages(newWishMessages(next, await ctx.repo.listVolunteersOf(next.gridCode), actor.id, at))
      return withPhotoLinks(ctx, wishFor(next, actor, ctx.now))
    },
  }
}

/**
 * WeChat's content check of what volunteers and staff will read: refused text
 * is named beside its field and the wish is not stored. The writer's openid
 * is the one WeChat asks for (the helper's, in 代办).
 */
async function assertPublishable(ctx: RouteContext, wish: Pick<Wish, 'title' | 'description'>): Promise<void> {
  const openid = ctx.user?.openid ?? null
  // Both asked at once: the request's transaction waits for WeChat only once.
  const [titleOk, descriptionOk] = await Promise.all([wish.title, wish.description].map((text) => ctx.contentCheck.textIsAcceptable(text, openid)))
  const fields: Record<string, string> = {}
  if (!titleOk) fields.title = '标题含有不适宜发布的内容，请修改'
  if (!descriptionOk) fields.description = '描述含有不适宜发布的内容，请修改'
  if (Object.keys(fields).length) throw new ApiError('CONTENT_REFUSED', '内容含有不适宜发布的信息，请修改后再提交', fields)
}

const RESIDENTS: Route['access'] = ['resident', 'elder']

export const wishRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wishes',
    access: 'user',
    handler: (ctx) =>
      forOwner(ctx, ['resident', 'elder'], async (user, actedBy) => {
        const owner = actorOf(user)
        const active = (await ctx.repo.listActiveWishesOf(owner.id)).filter((w) => isActive(effectiveStatus(w, ctx.now))).length
        const created = createWish(ctx.body, owner, active, await ctx.repo.newId('w'), ctx.now)
        await assertPublishable(ctx, created)
        const wish = actedBy ? { ...created, actedBy } : created
        await ctx.repo.insertWish(wish)
        // The photos must be the caller's own uploads that no wish has taken yet (the helper's, in 代办).
        if (wish.photos.length && !(await ctx.repo.attachPhotos(wish.photos, ctx.user!.id, wish.id))) {
          const message = '照片已失效或不是你上传的，请删除后重新选择'
          throw new ApiError('VALIDATION', message, { photos: message })
        }
        // A photo WeChat has already found unfit is refused like unfit text.
        for (const id of wish.photos) {
          if ((await ctx.repo.getPhoto(id))?.verdict === 'risky') throw new ApiError('CONTENT_REFUSED', PHOTO_REFUSED, { photos: PHOTO_REFUSED })
        }
        return withPhotoLinks(ctx, wishFor(wish, owner, ctx.now))
      }),
  },
  {
    method: 'GET',
    path: '/wishes/mine',
    access: 'user',
    handler: (ctx) => listOf(ctx, { kind: 'owner', ownerId: ctx.user!.id }),
  },
  {
    method: 'GET',
    path: '/wishes/open',
    access: ['volunteer'],
    handler: async (ctx) => {
      const category = ctx.query.category as WishCategory | undefined
      if (category && !WISH_CATEGORIES.includes(category)) {
        throw new ApiError('VALIDATION', '心愿类别不正确', { category: '请选择列表中的类别' })
      }
      return listOf(ctx, { kind: 'open', gridCode: ctx.user!.gridCode ?? '', category })
    },
  },
  {
    method: 'GET',
    path: '/wishes/review',
    access: ['staff'],
    handler: (ctx) => listOf(ctx, { kind: 'review' }),
  },
  {
    method: 'GET',
    path: '/wishes/tasks',
    access: ['volunteer'],
    handler: async (ctx): Promise<VolunteerTasks> => {
      const me = actorOf(ctx.user!)
      const mine = await ctx.repo.listWishesClaimedBy(me.id)
      const done = mine.filter((w) => w.hours !== null)
      return {
        items: mine.map((w) => summary(wishFor(w, me, ctx.now)!)),
        completedCount: done.length,
        totalHours: done.reduce((sum, w) => sum + (w.hours ?? 0), 0),
      }
    },
  },
  {
    method: 'GET',
    path: '/wishes/:id',
    access: 'user',
    handler: async (ctx) => withPhotoLinks(ctx, wishFor(await visibleWish(ctx), actorOf(ctx.user!), ctx.now)),
  },
  actionRoute('approve', ['staff']),
  actionRoute('reject', ['staff']),
  actionRoute('cancel', RESIDENTS),
  actionRoute('claim', ['volunteer']),
  actionRoute('release', ['volunteer']),
  actionRoute('complete', ['volunteer']),
  actionRoute('confirm', RESIDENTS),
]
