import { ApiError } from '../../src/api/errors'
import type { Page, User, VolunteerTasks, WishSummary } from '../../src/api/types'
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
import { pageBackwards } from '../paging'
import type { Route, RouteContext } from '../router'
import type { DbState } from '../state'
import { forOwner } from './residents'

function actorOf(user: User): WishActor {
  return { id: user.id, name: user.name, role: user.role, gridCode: user.gridCode }
}

function summary(view: WishView): WishSummary {
  const { photos, events: _events, ...rest } = view
  return { ...rest, photoCount: photos.length }
}

/** Newest-first wishes the caller may see, one page at a time. */
function pageOf(ctx: RouteContext, matches: (wish: Wish) => boolean): Page<WishSummary> {
  const viewer = actorOf(ctx.user!)
  return pageBackwards(ctx, ctx.db.wishes, matches, (wish) => {
    const view = wishFor(wish, viewer, ctx.now)
    return view && summary(view)
  })
}

function findWish(db: DbState, id: string): { wish: Wish; index: number } {
  const index = db.wishes.findIndex((w) => w.id === id)
  if (index < 0) throw new ApiError('NOT_FOUND', '没有找到这个心愿')
  return { wish: db.wishes[index], index }
}

/** The wish as the caller may see it; a wish they may not see does not exist for them. */
function visibleWish(ctx: RouteContext): WishView {
  const { wish } = findWish(ctx.db, ctx.params.id)
  const view = wishFor(wish, actorOf(ctx.user!), ctx.now)
  if (!view) throw new ApiError('NOT_FOUND', '没有找到这个心愿')
  return view
}

function actionRoute(action: WishAction, access: Route['access']): Route {
  return {
    method: 'POST',
    path: `/wishes/:id/${action}`,
    access,
    handler: (ctx) => {
      const { wish, index } = findWish(ctx.db, ctx.params.id)
      const actor = actorOf(ctx.user!)
      if (!wishFor(wish, actor, ctx.now)) throw new ApiError('NOT_FOUND', '没有找到这个心愿')
      // Read, check and write in one synchronous step: two claims can never both win.
      const next = applyWishAction(wish, action, actor, ctx.body, ctx.now)
      ctx.db.wishes[index] = next
      return wishFor(next, actor, ctx.now)
    },
  }
}

const RESIDENTS: Route['access'] = ['resident', 'elder']

export const wishRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wishes',
    access: 'user',
    handler: (ctx) =>
      forOwner(ctx, ['resident', 'elder'], (user, actedBy) => {
        const owner = actorOf(user)
        const active = ctx.db.wishes.filter((w) => w.ownerId === owner.id && isActive(effectiveStatus(w, ctx.now))).length
        ctx.db.seq += 1
        const created = createWish(ctx.body, owner, active, `w${ctx.db.seq}`, ctx.now)
        const wish = actedBy ? { ...created, actedBy } : created
        ctx.db.wishes.push(wish)
        return wishFor(wish, owner, ctx.now)
      }),
  },
  {
    method: 'GET',
    path: '/wishes/mine',
    access: 'user',
    handler: (ctx) => pageOf(ctx, (w) => w.ownerId === ctx.user!.id),
  },
  {
    method: 'GET',
    path: '/wishes/open',
    access: ['volunteer'],
    handler: (ctx) => {
      const category = ctx.query.category as WishCategory | undefined
      if (category && !WISH_CATEGORIES.includes(category)) {
        throw new ApiError('VALIDATION', '心愿类别不正确', { category: '请选择列表中的类别' })
      }
      const grid = ctx.user!.gridCode
      return pageOf(ctx, (w) => w.status === 'open' && w.gridCode === grid && (!category || w.category === category))
    },
  },
  {
    method: 'GET',
    path: '/wishes/review',
    access: ['staff'],
    handler: (ctx) => pageOf(ctx, (w) => w.status === 'pending_review'),
  },
  {
    method: 'GET',
    path: '/wishes/tasks',
    access: ['volunteer'],
    handler: (ctx): VolunteerTasks => {
      const me = actorOf(ctx.user!)
      const mine = ctx.db.wishes.filter((w) => w.claimedBy === me.id)
      const done = mine.filter((w) => w.hours !== null)
      return {
        items: mine
          .slice()
          .reverse()
          .map((w) => summary(wishFor(w, me, ctx.now)!)),
        completedCount: done.length,
        totalHours: done.reduce((sum, w) => sum + (w.hours ?? 0), 0),
      }
    },
  },
  {
    method: 'GET',
    path: '/wishes/:id',
    access: 'user',
    handler: visibleWish,
  },
  actionRoute('approve', ['staff']),
  actionRoute('reject', ['staff']),
  actionRoute('cancel', RESIDENTS),
  actionRoute('claim', ['volunteer']),
  actionRoute('release', ['volunteer']),
  actionRoute('complete', ['volunteer']),
  actionRoute('confirm', RESIDENTS),
]
