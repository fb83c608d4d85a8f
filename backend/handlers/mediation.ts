import type { StationMember } from '../../src/domain/station'
import { ApiError } from '../../src/api/errors'
import type { MediationBookingView, MediationSlotView, Role } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import { chinaDay } from '../../src/domain/jobs'
import {
  bookMediation,
  cancelDeadline,
  cancelMediation,
  placesLeft,
  recordOutcome,
  slotStartsAt,
  validateSlotDraft,
  type MediationBooking,
  type MediationSlot,
  type MediationSlotDraft,
} from '../../src/domain/mediation'
import { assertValid } from '../../src/domain/rules'
import type { Route, RouteContext } from '../router'
import type { Repository } from '../store'
import { forOwner } from './residents'

async function findSlot(repo: Repository, id: string, forUpdate = false): Promise<MediationSlot> {
  const slot = await repo.getMediationSlot(id, { forUpdate })
  if (!slot) throw new ApiError('NOT_FOUND', '没有找到这个调解时段')
  return slot
}

const booked = (bookings: MediationBooking[], slotId: string) => bookings.filter((b) => b.slotId === slotId && b.status === 'booked').length

function slotView(slot: MediationSlot, bookings: MediationBooking[], now: number): MediationSlotView {
  return {
    ...slot,
    placesLeft: placesLeft(slot, booked(bookings, slot.id)),
    startsAt: toChinaIso(slotStartsAt(slot)),
    bookingOpen: slotStartsAt(slot) > now,
  }
}

function bookingView(slot: MediationSlot, booking: MediationBooking): MediationBookingView {
  return { ...booking, slot, startsAt: toChinaIso(slotStartsAt(slot)), cancelBy: toChinaIso(cancelDeadline(slot)) }
}

export async function mediationViewsOf(repo: Repository, bookings: MediationBooking[]): Promise<MediationBookingView[]> {
  const slots = new Map<string, MediationSlot>()
  for (const id of new Set(bookings.map((b) => b.slotId))) slots.set(id, await findSlot(repo, id))
  return bookings.map((b) => bookingView(slots.get(b.slotId)!, b))
}

/** A booking only its resident, the helper who booked it and staff (the station) may read. */
async function ownBooking(ctx: RouteContext, forUpdate = false): Promise<MediationBooking> {
  const booking = await ctx.repo.getMediationBooking(ctx.params.id, { forUpdate })
  if (!booking || (booking.accountId !== ctx.user!.id && ctx.user!.role !== 'staff')) throw new ApiError('NOT_FOUND', '没有找到这个预约')
  return booking
}

/** A booking may start from the resident's own 邻里纠纷 matter. */
async function assertDisputeOf(ctx: RouteContext, matterId: unknown, ownerId: string): Promise<void> {
  if (matterId === undefined || matterId === null) return
  const matter = typeof matterId === 'string' ? await ctx.repo.getMatter(matterId) : null
  if (!matter || matter.ownerId !== ownerId || matter.kind !== '邻里纠纷') {
    throw new ApiError('VALIDATION', '只能把自己提出的邻里纠纷转为调解预约', { matterId: '只能把自己提出的邻里纠纷转为调解预约' })
  }
}

const BOOKERS: Role[] = ['resident', 'elder', 'volunteer']
const RECENT_DAYS = 14

export const mediationRoutes: Route[] = [
  {
    // The station's roster is public, like the card's duty people: who is on duty is worked out where it is shown.
    method: 'GET',
    path: '/mediation/station',
    access: 'public',
    handler: async ({ repo }): Promise<StationMember[]> => repo.listStationMembers(),
  },
  {
    method: 'GET',
    path: '/mediation/slots',
    access: 'public',
    handler: async ({ repo, now }): Promise<MediationSlotView[]> => {
      const slots = (await repo.listMediationSlotsFrom(chinaDay(now))).filter((s) => slotStartsAt(s) > now)
      const bookings = await repo.listMediationBookingsOfSlots(slots.map((s) => s.id))
      return slots.map((s) => slotView(s, bookings, now))
    },
  },
  {
    method: 'GET',
    path: '/mediation/slots/recent',
    access: ['staff'],
    // The station records outcomes after the consultation: staff also see the past fortnight's slots.
    handler: async ({ repo, now }): Promise<MediationSlotView[]> => {
      const slots = await repo.listMediationSlotsFrom(chinaDay(now - RECENT_DAYS * 24 * 3600_000))
      const bookings = await repo.listMediationBookingsOfSlots(slots.map((s) => s.id))
      return slots.map((s) => slotView(s, bookings, now))
    },
  },
  {
    method: 'POST',
    path: '/mediation/slots',
    access: ['staff'],
    handler: async (ctx): Promise<MediationSlotView> => {
      assertValid(validateSlotDraft(ctx.body, ctx.now))
      const d = ctx.body as unknown as MediationSlotDraft
      const slot: MediationSlot = { id: await ctx.repo.newId('ms'), date: d.date, start: d.start, end: d.end, place: d.place.trim(), capacity: Number(d.capacity) }
      await ctx.repo.insertMediationSlot(slot)
      return slotView(slot, [], ctx.now)
    },
  },
  {
    method: 'POST',
    path: '/mediation/slots/:id/bookings',
    access: 'user',
    handler: (ctx) =>
      forOwner(ctx, BOOKERS, async (owner, actedBy) => {
        // The slot's row stays locked until the booking is stored: of many at once, each
        // counts the places after the one before it, so the slot is never overbooked.
        const slot = await findSlot(ctx.repo, ctx.params.id, true)
        const bookings = await ctx.repo.listMediationBookingsOfSlots([slot.id])
        const mine = bookings.some((b) => b.accountId === owner.id && b.status === 'booked')
        const made = bookMediation(slot, ctx.body, owner.id, booked(bookings, slot.id), mine, await ctx.repo.newId('mb'), ctx.now)
        await assertDisputeOf(ctx, made.matterId ?? undefined, owner.id)
        const booking = actedBy ? { ...made, actedBy } : made
        await ctx.repo.insertMediationBooking(booking)
        return bookingView(slot, booking)
      }),
  },
  {
    method: 'GET',
    path: '/mediation/slots/:id/bookings',
    access: ['staff'],
    handler: async ({ repo, params }): Promise<MediationBookingView[]> => {
      const slot = await findSlot(repo, params.id)
      return (await repo.listMediationBookingsOfSlots([slot.id])).map((b) => bookingView(slot, b))
    },
  },
  {
    method: 'GET',
    path: '/mediation/bookings/mine',
    access: 'user',
    handler: async ({ repo, user }) => mediationViewsOf(repo, await repo.listMediationBookingsOfAccount(user!.id)),
  },
  {
    method: 'POST',
    path: '/mediation/bookings/:id/cancel',
    access: 'user',
    handler: async (ctx): Promise<MediationBookingView> => {
      const booking = await ownBooking(ctx, true)
      const slot = await findSlot(ctx.repo, booking.slotId)
      const next = cancelMediation(booking, slot, ctx.user!.id, ctx.now)
      await ctx.repo.updateMediationBooking(next)
      return bookingView(slot, next)
    },
  },
  {
    method: 'POST',
    path: '/mediation/bookings/:id/outcome',
    access: ['staff'],
    handler: async (ctx): Promise<MediationBookingView> => {
      const booking = await ownBooking(ctx, true)
      const next = recordOutcome(booking, ctx.body)
      await ctx.repo.updateMediationBooking(next)
      return bookingView(await findSlot(ctx.repo, next.slotId), next)
    },
  },
]
