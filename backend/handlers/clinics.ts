import { ApiError } from '../../src/api/errors'
import type { BookingView, Role, Roster, SessionView } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import {
  assertEditKeepsBookings,
  attendance,
  book,
  cancel,
  checkIn,
  cutoffAt,
  earliestListedDate,
  fillFromWaitingList,
  isBookingOpen,
  isListedSession,
  mayCancel,
  normaliseSessionDraft,
  placesLeft,
  sessionStartsAt,
  slotStartsAt,
  upcomingCount,
  validateSessionDraft,
  type Booking,
  type ClinicSession,
  type SessionDraft,
} from '../../src/domain/clinic'
import { assertValid } from '../../src/domain/rules'
import type { Route, RouteContext } from '../router'
import type { Repository } from '../store'
import { forOwner } from './residents'

async function findSession(repo: Repository, id: string, forUpdate = false): Promise<ClinicSession> {
  const session = await repo.getClinic(id, { forUpdate })
  if (!session) throw new ApiError('NOT_FOUND', '没有找到这场义诊')
  return session
}

async function findBooking(repo: Repository, id: string, forUpdate = false): Promise<Booking> {
  const booking = await repo.getBooking(id, { forUpdate })
  if (!booking) throw new ApiError('NOT_FOUND', '没有找到这个预约')
  return booking
}

export function sessionView(session: ClinicSession, bookings: Booking[], now: number): SessionView {
  return {
    ...session,
    slots: session.slots.map((slot) => ({
      ...slot,
      placesLeft: Math.max(0, placesLeft(slot, bookings)),
      waiting: bookings.filter((b) => b.slotId === slot.id && b.status === 'waiting').length,
    })),
    startsAt: toChinaIso(sessionStartsAt(session)),
    cutoffAt: toChinaIso(cutoffAt(session)),
    bookingOpen: isBookingOpen(session, now),
  }
}

/** A booking with its session; readable whatever staff later did to the session's slots. */
export function bookingView(session: ClinicSession, booking: Booking): BookingView {
  const slot = session.slots.find((s) => s.id === booking.slotId)
  const { id, title, specialty, hospital, place, date, doctors, notes } = session
  return {
    ...booking,
    session: { id, title, specialty, hospital, place, date, doctors, notes },
    slot: slot ? { start: slot.start, end: slot.end } : { start: '', end: '' },
    startsAt: toChinaIso(slot ? slotStartsAt(session, slot) : sessionStartsAt(session)),
    cutoffAt: toChinaIso(cutoffAt(session)),
  }
}

async function viewOfBooking(repo: Repository, booking: Booking): Promise<BookingView> {
  return bookingView(await findSession(repo, booking.sessionId), booking)
}

/** The sessions of these bookings, by id, read in one query. */
async function sessionsOf(repo: Repository, bookings: Booking[]): Promise<Map<string, ClinicSession>> {
  return new Map((await repo.getClinics([...new Set(bookings.map((b) => b.sessionId))])).map((s) => [s.id, s]))
}

async function viewsOfBookings(repo: Repository, bookings: Booking[]): Promise<BookingView[]> {
  const sessions = await sessionsOf(repo, bookings)
  return bookings.filter((b) => sessions.has(b.sessionId)).map((b) => bookingView(sessions.get(b.sessionId)!, b))
}

async function viewOfSession(repo: Repository, session: ClinicSession, now: number): Promise<SessionView> {
  return sessionView(session, await repo.listBookingsOfSession(session.id), now)
}

/** The account's bookings that hold or wait for a place in a session yet to start. */
async function upcomingOf(repo: Repository, accountId: string, now: number): Promise<number> {
  const bookings = (await repo.listBookingsOfAccount(accountId)).filter((b) => b.status === 'booked' || b.status === 'waiting')
  const sessions = await sessionsOf(repo, bookings)
  return upcomingCount(bookings, (id) => sessions.get(id), now)
}

function readDraft(ctx: RouteContext, usedSlotIds: string[] = []): SessionDraft {
  assertValid(validateSessionDraft(ctx.body, ctx.now))
  return normaliseSessionDraft(ctx.body as unknown as SessionDraft, usedSlotIds)
}

const BOOKERS: Role[] = ['resident', 'elder', 'volunteer']

export const clinicRoutes: Route[] = [
  {
    method: 'GET',
    path: '/clinics',
    access: 'public',
    handler: async ({ repo, query, now }): Promise<SessionView[]> => {
      const sessions = (await repo.listClinicsFrom(earliestListedDate(now), query.specialty || undefined))
        .filter((c) => isListedSession(c, now))
        .sort((a, b) => sessionStartsAt(a) - sessionStartsAt(b))
      return Promise.all(sessions.map((c) => viewOfSession(repo, c, now)))
    },
  },
  {
    method: 'POST',
    path: '/clinics',
    access: ['staff'],
    handler: async (ctx): Promise<SessionView> => {
      const session: ClinicSession = { ...readDraft(ctx), id: await ctx.repo.newId('c') }
      await ctx.repo.insertClinic(session)
      return sessionView(session, [], ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/clinics/:id',
    access: 'public',
    handler: async ({ repo, params, now }) => viewOfSession(repo, await findSession(repo, params.id), now),
  },
  {
    method: 'PUT',
    path: '/clinics/:id',
    access: ['staff'],
    handler: async (ctx): Promise<SessionView> => {
      const current = await findSession(ctx.repo, ctx.params.id, true)
      const bookings = await ctx.repo.listBookingsOfSession(current.id)
      const draft = readDraft(ctx, [...current.slots.map((s) => s.id), ...bookings.map((b) => b.slotId)])
      assertEditKeepsBookings(current, draft, bookings)
      const session: ClinicSession = { ...draft, id: current.id }
      await ctx.repo.updateClinic(session)
      // More places: the waiting list moves in, in order.
      const promoted = fillFromWaitingList(session, bookings, ctx.now)
      for (const b of promoted) await ctx.repo.updateBooking(b)
      return viewOfSession(ctx.repo, session, ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/clinics/:id/roster',
    access: ['staff'],
    handler: async ({ repo, params, now }): Promise<Roster> => {
      const session = await findSession(repo, params.id)
      const bookings = await repo.listBookingsOfSession(session.id)
      return {
        session: sessionView(session, bookings, now),
        bookings: bookings.filter((b) => b.status !== 'cancelled').map((b) => bookingView(session, b)),
        attendance: attendance(bookings),
      }
    },
  },
  {
    method: 'POST',
    path: '/clinics/:id/slots/:slot/bookings',
    access: 'user',
    handler: async (ctx): Promise<BookingView> => {
      // The session row is locked while places are counted: a slot is never overbooked.
      const session = await findSession(ctx.repo, ctx.params.id, true)
      return forOwner(ctx, BOOKERS, async (owner, actedBy) => {
        const booked = book(ctx.body, {
          session,
          slotId: ctx.params.slot,
          accountId: owner.id,
          sessionBookings: await ctx.repo.listSlotBookings(session.id),
          accountUpcoming: await upcomingOf(ctx.repo, owner.id, ctx.now),
          id: await ctx.repo.newId('k'),
          now: ctx.now,
        })
        const booking = actedBy ? { ...booked, actedBy } : booked
        await ctx.repo.insertBooking(booking)
        return bookingView(session, booking)
      })
    },
  },
  {
    method: 'GET',
    path: '/bookings/mine',
    access: 'user',
    handler: async ({ repo, user }): Promise<BookingView[]> => {
      const views = await viewsOfBookings(repo, await repo.listBookingsOfAccount(user!.id))
      return views.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    },
  },
  {
    method: 'GET',
    path: '/bookings/:id',
    access: 'user',
    handler: async ({ repo, params, user }): Promise<BookingView> => {
      const booking = await findBooking(repo, params.id)
      if (booking.accountId !== user!.id && booking.actedBy?.id !== user!.id && user!.role !== 'staff') {
        throw new ApiError('NOT_FOUND', '没有找到这个预约')
      }
      return viewOfBooking(repo, booking)
    },
  },
  {
    method: 'POST',
    path: '/bookings/:id/cancel',
    access: 'user',
    handler: async ({ repo, params, user, body, now }): Promise<BookingView> => {
      const found = await findBooking(repo, params.id)
      if (!mayCancel(found, user!)) throw new ApiError('NOT_FOUND', '没有找到这个预约')
      // Lock the session first (as booking does), then read the booking as it now stands.
      const session = await findSession(repo, found.sessionId, true)
      const booking = await findBooking(repo, params.id, true)
      const slotBookings = (await repo.listBookingsOfSession(session.id)).filter((b) => b.slotId === booking.slotId)
      const changed = cancel(booking, session, slotBookings, user!, body, now)
      for (const next of changed) await repo.updateBooking(next)
      return bookingView(session, changed[0])
    },
  },
  {
    method: 'POST',
    path: '/bookings/:id/check-in',
    access: ['staff'],
    handler: async ({ repo, params, now }): Promise<BookingView> => {
      const booking = await findBooking(repo, params.id, true)
      const session = await findSession(repo, booking.sessionId)
      const next = checkIn(booking, session, now)
      await repo.updateBooking(next)
      return bookingView(session, next)
    },
  },
]
