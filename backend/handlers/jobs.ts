import { ApiError } from '../../src/api/errors'
import type { ApplicationView, PostingView, Role } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import {
  applyTo,
  chinaDay,
  closePosting,
  isListed,
  isListedOn,
  matchesQuery,
  moveApplication,
  normalisePostingDraft,
  validatePostingDraft,
  validateQuery,
  type Application,
  type JobKind,
  type JobQuery,
  type Posting,
  type PostingDraft,
  type SuitedTag,
} from '../../src/domain/jobs'
import { assertValid } from '../../src/domain/rules'
import { pageOf } from '../paging'
import type { Route, RouteContext } from '../router'
import type { Repository } from '../store'
import { forOwner } from './residents'
import { applicationMessages } from '../../src/domain/messages'

async function findPosting(repo: Repository, id: string, forUpdate = false): Promise<Posting> {
  const posting = await repo.getPosting(id, { forUpdate })
  if (!posting) throw new ApiError('NOT_FOUND', '没有找到这个岗位')
  return posting
}

const viewOf = (posting: Posting, now: number): PostingView => ({ ...posting, listed: isListed(posting, now) })

function applicationView(posting: Posting, app: Application): ApplicationView {
  const { id, title, employer, contactName, contactPhone } = posting
  return { ...app, posting: { id, title, employer, contactName, contactPhone } }
}

export async function viewOfApplication(repo: Repository, app: Application): Promise<ApplicationView> {
  return applicationView(await findPosting(repo, app.postingId), app)
}

function queryOf(ctx: RouteContext): JobQuery {
  assertValid(validateQuery(ctx.query), '搜索条件不正确')
  const { keyword, kind, tag, minPay } = ctx.query
  return {
    keyword: keyword?.trim() || undefined,
    kind: (kind?.trim() || undefined) as JobKind | undefined,
    tag: (tag?.trim() || undefined) as SuitedTag | undefined,
    minPay: minPay ? Number(minPay) : undefined,
  }
}

function readDraft(ctx: RouteContext): PostingDraft {
  assertValid(validatePostingDraft(ctx.body, ctx.now))
  return normalisePostingDraft(ctx.body as unknown as PostingDraft)
}

const APPLICANTS: Role[] = ['resident', 'elder', 'volunteer']
/** A search reads this many postings per scan: most of them may not match. */
const SEARCH_BATCH = 200

export const jobRoutes: Route[] = [
  {
    method: 'GET',
    path: '/jobs',
    access: 'public',
    handler: async (ctx) => {
      const query = queryOf(ctx)
      const day = chinaDay(ctx.now)
      const searching = !!(query.keyword || query.kind || query.tag || query.minPay)
      return pageOf(
        ctx,
        (scan) => ctx.repo.scanPostings({ listedOn: day }, scan),
        (p) => (isListedOn(p, day) && matchesQuery(p, query) ? { ...p, listed: true } : null),
        searching ? SEARCH_BATCH : 0,
      )
    },
  },
  {
    method: 'GET',
    path: '/jobs/all',
    access: ['staff'],
    handler: (ctx) => {
      const { keyword } = queryOf(ctx)
      return pageOf(
        ctx,
        (scan) => ctx.repo.scanPostings({ listedOn: null }, scan),
        (p) => (matchesQuery(p, { keyword }) ? viewOf(p, ctx.now) : null),
        keyword ? SEARCH_BATCH : 0,
      )
    },
  },
  {
    method: 'POST',
    path: '/jobs',
    access: ['staff'],
    handler: async (ctx): Promise<PostingView> => {
      const draft = readDraft(ctx)
      const posting: Posting = { ...draft, id: await ctx.repo.newId('j'), publishedAt: toChinaIso(ctx.now), status: 'open' }
      await ctx.repo.insertPosting(posting)
      return viewOf(posting, ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/jobs/:id',
    access: 'public',
    handler: async ({ repo, params, now }) => viewOf(await findPosting(repo, params.id), now),
  },
  {
    method: 'PUT',
    path: '/jobs/:id',
    access: ['staff'],
    handler: async (ctx): Promise<PostingView> => {
      const current = await findPosting(ctx.repo, ctx.params.id, true)
      const posting = { ...current, ...readDraft(ctx) }
      await ctx.repo.updatePosting(posting)
      return viewOf(posting, ctx.now)
    },
  },
  {
    method: 'POST',
    path: '/jobs/:id/close',
    access: ['staff'],
    handler: async ({ repo, params, now }): Promise<PostingView> => {
      const posting = closePosting(await findPosting(repo, params.id, true))
      await repo.updatePosting(posting)
      return viewOf(posting, now)
    },
  },
  {
    method: 'GET',
    path: '/jobs/:id/applications',
    access: ['staff'],
    handler: async ({ repo, params }): Promise<ApplicationView[]> => {
      const posting = await findPosting(repo, params.id)
      return (await repo.listApplicationsOfPosting(posting.id)).map((a) => applicationView(posting, a))
    },
  },
  {
    method: 'POST',
    path: '/jobs/:id/applications',
    access: 'user',
    handler: async (ctx): Promise<ApplicationView> => {
      const posting = await findPosting(ctx.repo, ctx.params.id)
      return forOwner(ctx, APPLICANTS, async (owner, actedBy) => {
        // The owner's row is locked (forOwner): their earlier application is already visible here.
        const earlier = await ctx.repo.findApplication(posting.id, owner.id)
        const applied = applyTo(posting, ctx.body, owner.id, earlier ? [earlier] : [], await ctx.repo.newId('ap'), ctx.now)
        const app = actedBy ? { ...applied, actedBy } : applied
        await ctx.repo.insertApplication(app)
        return applicationView(posting, app)
      })
    },
  },
  {
    method: 'GET',
    path: '/applications/mine',
    access: 'user',
    handler: async ({ repo, user }): Promise<ApplicationView[]> =>
      Promise.all((await repo.listApplicationsOfApplicant(user!.id)).map((a) => viewOfApplication(repo, a))),
  },
  {
    method: 'POST',
    path: '/applications/:id/status',
    access: ['staff'],
    handler: async ({ repo, params, body, now, user }): Promise<ApplicationView> => {
      const app = await repo.getApplication(params.id, { forUpdate: true })
      if (!app) throw new ApiError('NOT_FOUND', '没有找到这个报名')
      const next = moveApplication(app, body.status, now)
      await repo.updateApplication(next)
      if (next.status !== app.status) await repo.insertMessages(applicationMessages(next, await findPosting(repo, next.postingId), user!.id, toChinaIso(now)))
      return viewOfApplication(repo, next)
    },
  },
]
