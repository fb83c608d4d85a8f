import { ApiError } from '../../src/api/errors'
import type { Page } from '../../src/api/types'
import {
  applyMatterAction,
  joinRefusal,
  mergeMatters,
  mergedAccounts,
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
      // A merged duplicate is not listed: its neighbours find the kept one.
      const matters = (await ctx.repo.listPublicMatters(viewer.gridCode, PUBLIC_LIMIT)).filter((m) => m.status !== 'merged').sort(publicOrder)
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
    path: '/matters/:id/merge',
    access: HANDLERS,
    handler: async (ctx) => {
      const intoId = typeof ctx.body.into === 'string' ? ctx.body.into : ''
      const viewer = actorOf(ctx.user!)
      // Both rows locked in id order, so two merges crossing each other wait instead of deadlocking.
      const locked = new Map<string, Matter | null>()
      for (const id of [ctx.params.id, intoId].filter(Boolean).sort()) locked.set(id, await ctx.repo.getMatter(id, { forUpdate: true }))
      const duplicate = locked.get(ctx.params.id)
      if (!duplicate || !matterFor(duplicate, viewer, ctx.now)) throw new ApiError('NOT_FOUND', '没有找到这个事项')
      const kept = intoId ? locked.get(intoId) : null
      if (!kept || !matterFor(kept, viewer, ctx.now)) throw new ApiError('VALIDATION', '没有找到要保留的事项', { into: '请选择本网格的另一件事项' })
      const merged = mergeMatters(duplicate, kept, viewer, ctx.now)
      // The duplicate's 我也遇到 and its raiser count toward the kept one; the unique index counts an account once.
      let added = 0
      for (const account of mergedAccounts(duplicate, kept, await ctx.repo.listMatterAffectedAccounts(duplicate.id))) {
        if (await ctx.repo.addMatterAffected(kept.id, account)) added++
      }
      const next = { ...merged.kept, affected: kept.affected + added }
      await ctx.repo.updateMatter(merged.duplicate)
      await ctx.repo.updateMatter(next)
      await ctx.repo.insertMessages(matterMessages(merged.duplicate, 'merge', viewer.id, toChinaIso(ctx.now)))
      return viewOf(ctx, merged.duplicate, viewer)
    },
  },
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
