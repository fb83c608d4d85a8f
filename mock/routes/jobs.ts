import { ApiError } from '../../src/api/errors'
import type { ApplicationView, PostingView, Role } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import {
  applyTo,
  chinaDay,
  isListed,
  isListedOn,
  matchesQuery,
  moveApplication,
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
import { pageBackwards } from '../paging'
import type { Route, RouteContext } from '../router'
import type { DbState } from '../state'
import { forOwner } from './residents'

function findPosting(db: DbState, id: string): Posting {
  const posting = db.postings.find((p) => p.id === id)
  if (!posting) throw new ApiError('NOT_FOUND', '没有找到这个岗位')
  return posting
}

const viewOf = (posting: Posting, now: number): PostingView => ({ ...posting, listed: isListed(posting, now) })

function applicationView(db: DbState, app: Application): ApplicationView {
  const { id, title, employer, contactName, contactPhone } = findPosting(db, app.postingId)
  return { ...app, posting: { id, title, employer, contactName, contactPhone } }
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
  const d = ctx.body as unknown as PostingDraft
  const text = (v: string) => v.trim()
  return {
    title: text(d.title),
    employer: text(d.employer),
    kind: d.kind,
    payMin: d.payMin,
    payMax: d.payMax,
    place: text(d.place),
    hours: text(d.hours),
    requirements: text(d.requirements),
    tags: Array.from(new Set(d.tags)),
    contactName: text(d.contactName),
    contactPhone: d.contactPhone.replace(/\s/g, ''),
    expiresOn: d.expiresOn,
  }
}

const APPLICANTS: Role[] = ['resident', 'elder', 'volunteer']

export const jobRoutes: Route[] = [
  {
    method: 'GET',
    path: '/jobs',
    access: 'public',
    handler: (ctx) => {
      const query = queryOf(ctx)
      const day = chinaDay(ctx.now)
      return pageBackwards(ctx, ctx.db.postings, (p) => isListedOn(p, day) && matchesQuery(p, query), (p) => ({ ...p, listed: true }))
    },
  },
  {
    method: 'GET',
    path: '/jobs/all',
    access: ['staff'],
    handler: (ctx) => pageBackwards(ctx, ctx.db.postings, () => true, (p) => viewOf(p, ctx.now)),
  },
  {
    method: 'POST',
    path: '/jobs',
    access: ['staff'],
    handler: (ctx): PostingView => {
      const draft = readDraft(ctx)
      ctx.db.seq += 1
      const posting: Posting = { ...draft, id: `j${ctx.db.seq}`, publishedAt: toChinaIso(ctx.now), status: 'open' }
      ctx.db.postings.push(posting)
      return viewOf(posting, ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/jobs/:id',
    access: 'public',
    handler: ({ db, params, now }) => viewOf(findPosting(db, params.id), now),
  },
  {
    method: 'PUT',
    path: '/jobs/:id',
    access: ['staff'],
    handler: (ctx): PostingView => {
      const posting = findPosting(ctx.db, ctx.params.id)
      Object.assign(posting, readDraft(ctx))
      return viewOf(posting, ctx.now)
    },
  },
  {
    method: 'POST',
    path: '/jobs/:id/close',
    access: ['staff'],
    handler: ({ db, params, now }): PostingView => {
      const posting = findPosting(db, params.id)
      if (posting.status === 'closed') throw new ApiError('CONFLICT', '这个岗位已经停止招聘了')
      posting.status = 'closed'
      return viewOf(posting, now)
    },
  },
  {
    method: 'GET',
    path: '/jobs/:id/applications',
    access: ['staff'],
    handler: ({ db, params }): ApplicationView[] => {
      findPosting(db, params.id)
      return db.applications.filter((a) => a.postingId === params.id).map((a) => applicationView(db, a))
    },
  },
  {
    method: 'POST',
    path: '/jobs/:id/applications',
    access: 'user',
    handler: (ctx): ApplicationView => {
      const posting = findPosting(ctx.db, ctx.params.id)
      return forOwner(ctx, APPLICANTS, (owner, actedBy) => {
        ctx.db.seq += 1
        const applied = applyTo(posting, ctx.body, owner.id, ctx.db.applications, `ap${ctx.db.seq}`, ctx.now)
        const app = actedBy ? { ...applied, actedBy } : applied
        ctx.db.applications.push(app)
        return applicationView(ctx.db, app)
      })
    },
  },
  {
    method: 'GET',
    path: '/applications/mine',
    access: 'user',
    handler: ({ db, user }): ApplicationView[] =>
      db.applications
        .filter((a) => a.applicantId === user!.id)
        .reverse()
        .map((a) => applicationView(db, a)),
  },
  {
    method: 'POST',
    path: '/applications/:id/status',
    access: ['staff'],
    handler: ({ db, params, body, now }): ApplicationView => {
      const index = db.applications.findIndex((a) => a.id === params.id)
      if (index < 0) throw new ApiError('NOT_FOUND', '没有找到这个报名')
      db.applications[index] = moveApplication(db.applications[index], body.status, now)
      return applicationView(db, db.applications[index])
    },
  },
]
