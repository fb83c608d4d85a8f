import { ApiError } from '../../src/api/errors'
import type { Page } from '../../src/api/types'
import {
  applyMatterAction,
  joinRefusal,
  matterFor,
  publicOrder,
  raiseMatter,
  type Matter,
  type MatterAction,
  type MatterActor,
  type MatterView,
} from '../../src/domain/matters'
import { matterMessages } from '../../src/domain/messages'
import { toChinaIso } from '../../src/domain/chinaTime'
import { matterMeetingOf, mayViewMeeting, meetingOrder } from '../../src/domain/meetings'
import { pageOf } from '../paging'
import type { UserRecord } from '../records'
import type { Route, RouteContext } from '../router'
import type { MatterScanFilter } from '../store'
import { attachMatterPhotos, withMatterPhotoLinks } from './photos'
import { forOwner } from './residents'

const actorOf = (user: UserRecord): MatterActor => ({ id: user.id, name: user.name, role: user.role, gridCode: user.gridCode })

/** The matter if the caller may see it; one they may not see does not exist for them. */
async function visibleMatter(ctx: RouteContext, forUpdate = false): Promise<{ matter: Matter; viewer: MatterActor }> {
  const matter = await ctx.repo.getMatter(ctx.params.id, { forUpdate })
  const viewer = actorOf(ctx.user!)
  if (!matter || !matterFor(matter, viewer, ctx.now)) throw new ApiError('NOT_FOUND', '没有找到这个事项')
  return { matter, viewer }
}

async function viewOf(ctx: RouteContext, matter: Matter, viewer: MatterActor): Promise<MatterView> {
  const mine = await ctx.repo.listMattersAffecting(viewer.id, [matter.id])
  // The 网格议事会 it is on, as the viewer may see them: residents only published minutes.
  const meetings = (await ctx.repo.listMeetingsOfMatter(matter.id))
    .filter((m) => mayViewMeeting(m, viewer))
    .sort(meetingOrder)
    .map((m) => matterMeetingOf(m, matter.id)!)
  return withMatterPhotoLinks(ctx, { ...matterFor(matter, viewer, ctx.now, mine.length > 0)!, meetings })
}

async function listOf(ctx: RouteContext, filter: MatterScanFilter): Promise<Page<MatterView>> {
  const viewer = actorOf(ctx.user!)
  const page = await pageOf(
    ctx,
    (scan) => ctx.repo.scanMatters(filter, scan),
    (matter) => matterFor(matter, viewer, ctx.now),
  )
  return { ...page, items: await Promise.all(page.items.map((m) => withMatterPhotoLinks(ctx, m))) }
}

function actionRoute(action: MatterAction, access: Route['access']): Route {
  return {
    method: 'POST',
    path: `/matters/:id/${action}`,
    access,
    handler: async (ctx) => {
      // Locked until the answer is stored: of two grid workers accepting at once, the second is refused.
      const { matter, viewer } = await visibleMatter(ctx, true)
      const next = applyMatterAction(matter, action, viewer, ctx.body, ctx.now)
      await ctx.repo.updateMatter(next)
      // The answer's photo: the grid worker's own upload that nothing has taken yet.
      if (action === 'answer' && next.replyPhoto && next.replyPhoto !== matter.replyPhoto) await attachMatterPhotos(ctx, [next.replyPhoto], next.id, 'photo')
      // Accepted (naming the grid worker) and answered: the resident hears of it in 消息, in this transaction.
      if (action === 'accept' || action === 'answer') await ctx.repo.insertMessages(matterMessages(next, action, viewer.id, toChinaIso(ctx.now)))
      return viewOf(ctx, next, viewer)
    },
  }
}

/** How many public matters the neighbours' list shows: a grid's recent ones. */
const PUBLIC_LIMIT = 100
const HANDLERS: Route['access'] = ['volunteer', 'staff']
const RESIDENTS: Route['access'] = ['resident', 'elder']

export const matterRoutes: Route[] = [
  {
    method: 'POST',
    path: '/matters',
    access: 'user',
    handler: (ctx) =>
      forOwner(ctx, ['resident', 'elder'], async (user, actedBy) => {
        const owner = actorOf(user)
        const raised = raiseMatter(ctx.body, owner, await ctx.repo.newId('mt'), ctx.now)
        const matter = actedBy ? { ...raised, actedBy } : raised
        await ctx.repo.insertMatter(matter)
        // The photos must be the caller's own uploads that nothing has taken yet (the helper's, in 代办).
        await attachMatterPhotos(ctx, matter.photos ?? [], matter.id, 'photos')
        return withMatterPhotoLinks(ctx, matterFor(matter, actorOf(ctx.user!), ctx.now))
      }),
  },
  {
    method: 'GET',
    path: '/matters/mine',
    access: 'user',
    handler: (ctx) => listOf(ctx, { kind: 'owner', ownerId: ctx.user!.id }),
  },
  {
    method: 'GET',
    path: '/matters/public',
    access: 'user',
    handler: async (ctx): Promise<MatterView[]> => {
      const viewer = actorOf(ctx.user!)
      if (!viewer.gridCode) return []
      const matters = (await ctx.repo.listPublicMatters(viewer.gridCode, PUBLIC_LIMIT)).sort(publicOrder)
      const mine = new Set(await ctx.repo.listMattersAffecting(viewer.id, matters.map((m) => m.id)))
      const views = matters.map((m) => matterFor(m, viewer, ctx.now, mine.has(m.id))).filter((m): m is MatterView => m !== null)
      return Promise.all(views.map((m) => withMatterPhotoLinks(ctx, m)))
    },
  },
  {
    method: 'GET',
    path: '/matters/handling',
    access: HANDLERS,
    // Grid workers see their grid's matters, staff every grid's.
    handler: (ctx) => listOf(ctx, { kind: 'grid', gridCode: ctx.user!.role === 'staff' ? null : ctx.user!.gridCode ?? '' }),
  },
  {
    method: 'GET',
    path: '/matters/:id',
    access: 'user',
    handler: async (ctx) => {
      const { matter, viewer } = await visibleMatter(ctx)
      return viewOf(ctx, matter, viewer)
    },
  },
  actionRoute('accept', HANDLERS),
  actionRoute('note', HANDLERS),
  actionRoute('answer', HANDLERS),
  actionRoute('confirm', RESIDENTS),
  actionRoute('reopen', RESIDENTS),
  {
    method: 'POST',
    path: '/matters/:id/affected',
    access: 'user',
    handler: async (ctx): Promise<MatterView> => {
      // The matter's row is locked, so its count moves one 我也遇到 at a time;
      // the unique (matter, account) index is what lets an account count once.
      const { matter, viewer } = await visibleMatter(ctx, true)
      const refused = joinRefusal(matter, viewer)
      if (refused) throw refused
      const added = await ctx.repo.addMatterAffected(matter.id, viewer.id)
      const next = added ? { ...matter, affected: matter.affected + 1 } : matter
      if (added) await ctx.repo.updateMatter(next)
      return withMatterPhotoLinks(ctx, matterFor(next, viewer, ctx.now, true)!)
    },
  },
]
