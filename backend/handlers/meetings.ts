import { ApiError } from '../../src/api/errors'
import {
  addToAgenda,
  meetingFor,
  meetingOrder,
  publishMeeting,
  recordDecision,
  scheduleMeeting,
  type Meeting,
  type MeetingActor,
} from '../../src/domain/meetings'
import { meetingMessages } from '../../src/domain/messages'
import { toChinaIso } from '../../src/domain/chinaTime'
import type { UserRecord } from '../records'
import type { Route, RouteContext } from '../router'

const actorOf = (user: UserRecord): MeetingActor => ({ id: user.id, name: user.name, role: user.role, gridCode: user.gridCode })

/** The meeting if the caller may see it; one they may not see does not exist for them. */
async function visibleMeeting(ctx: RouteContext, forUpdate = false): Promise<{ meeting: Meeting; viewer: MeetingActor }> {
  const meeting = await ctx.repo.getMeeting(ctx.params.id, { forUpdate })
  const viewer = actorOf(ctx.user!)
  if (!meeting || !meetingFor(meeting, viewer)) throw new ApiError('NOT_FOUND', '没有找到这次议事会')
  return { meeting, viewer }
}

const STAFF: Route['access'] = ['staff']

/** 网格议事会: staff schedule and run them; the grid's residents read the published minutes. */
export const meetingRoutes: Route[] = [
  {
    method: 'POST',
    path: '/meetings',
    access: STAFF,
    handler: async (ctx) => {
      const gridCode = typeof ctx.body.gridCode === 'string' ? ctx.body.gridCode : ''
      if (gridCode && !(await ctx.repo.getGrid(gridCode))) throw new ApiError('VALIDATION', '没有这个网格', { gridCode: '请选择列表中的网格' })
      const meeting = scheduleMeeting(ctx.body, actorOf(ctx.user!), await ctx.repo.newId('mg'), ctx.now)
      await ctx.repo.insertMeeting(meeting)
      return meeting
    },
  },
  {
    method: 'GET',
    path: '/meetings',
    access: 'user',
    // Staff: every grid's; grid workers: their grid's; residents: their grid's published ones.
    handler: async (ctx): Promise<Meeting[]> => {
      const viewer = actorOf(ctx.user!)
      if (viewer.role !== 'staff' && !viewer.gridCode) return []
      const meetings = await ctx.repo.listMeetings({
        gridCode: viewer.role === 'staff' ? null : viewer.gridCode,
        publishedOnly: viewer.role === 'resident' || viewer.role === 'elder',
      })
      return meetings
        .sort(meetingOrder)
        .map((m) => meetingFor(m, viewer))
        .filter((m): m is Meeting => m !== null)
    },
  },
  {
    method: 'GET',
    path: '/meetings/:id',
    access: 'user',
    handler: async (ctx) => {
      const { meeting, viewer } = await visibleMeeting(ctx)
      return meetingFor(meeting, viewer)
    },
  },
  {
    method: 'POST',
    path: '/meetings/:id/agenda',
    access: STAFF,
    handler: async (ctx) => {
      // The meeting's row is locked: two items added at once both land, once each.
      const { meeting, viewer } = await visibleMeeting(ctx, true)
      const matterId = typeof ctx.body.matterId === 'string' ? ctx.body.matterId : ''
      const matter = matterId ? await ctx.repo.getMatter(matterId) : null
      if (!matter) throw new ApiError('VALIDATION', '没有找到这个事项', { matterId: '请选择本网格的事项' })
      const next = addToAgenda(meeting, matter, viewer)
      await ctx.repo.updateMeeting(next)
      return next
    },
  },
  {
    method: 'POST',
    path: '/meetings/:id/decisions',
    access: STAFF,
    handler: async (ctx) => {
      const { meeting, viewer } = await visibleMeeting(ctx, true)
      const next = recordDecision(meeting, typeof ctx.body.matterId === 'string' ? ctx.body.matterId : '', ctx.body, viewer)
      await ctx.repo.updateMeeting(next)
      return next
    },
  },
  {
    method: 'POST',
    path: '/meetings/:id/publish',
    access: STAFF,
    handler: async (ctx) => {
      // Locked: of two publishes at once, the second finds it published and is refused.
      const { meeting, viewer } = await visibleMeeting(ctx, true)
      const next = publishMeeting(meeting, ctx.body, viewer, ctx.now)
      await ctx.repo.updateMeeting(next)
      await ctx.repo.insertMessages(meetingMessages(next, viewer.id, toChinaIso(ctx.now)))
      return next
    },
  },
]
