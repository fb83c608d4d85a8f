import { ApiError } from '../../src/api/errors'
import type { BookingView, Role, Roster, SessionView } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import {
  attendance,
  book,
  cancel,
  checkIn,
  cutoffAt,
  isBookingOpen,
  placesLeft,
  sessionStartsAt,
  slotStartsAt,
  validateSessionDraft,
  type Booking,
  type ClinicSession,
  type SessionDraft,
} from '../../src/domain/clinic'
import { assertValid } from '../../src/domain/rules'
import type { Route, RouteContext } from '../router'
import type { DbState } from '../state'
import { forOwner } from './residents'

function findSession(db: DbState, id: string): ClinicSession {
  const session = db.clinics.find((c) => c.id === id)
  if (!session) throw new ApiError('NOT_FOUND', '没有找到这场义诊')
  return session
}

function findBooking(db: DbState, id: string): Booking {
  const booking = db.bookings.find((b) => b.id === id)
  if (!booking) throw new ApiError('NOT_FOUND', '没有找到这个预约')
  return booking
}

export function sessionView(db: DbState, session: ClinicSession, now: number): SessionView {
  const mine = db.bookings.filter((b) => b.sessionId === session.id)
  return {
    ...session,
    slots: session.slots.map((slot) => ({
      ...slot,
      placesLeft: Math.max(0, placesLeft(slot, mine)),
      waiting: mine.filter((b) => b.slotId === slot.id && b.status === 'waiting').length,
    })),
    startsAt: toChinaIso(sessionStartsAt(session)),
    cutoffAt: toChinaIso(cutoffAt(session)),
    bookingOpen: isBookingOpen(session, now),
  }
}

export function bookingView(db: DbState, booking: Booking): BookingView {
  const session = findSession(db, booking.sessionId)
  const slot = session.slots.find((s) => s.id === booking.slotId)!
  const { id, title, specialty, hospital, place, date, doctors, notes } = session
  return {
    ...booking,
    session: { id, title, specialty, hospital, place, date, doctors, notes },
    slot: { start: slot.start, end: slot.end },
    startsAt: toChinaIso(slotStartsAt(session, slot)),
    cutoffAt: toChinaIso(cutoffAt(session)),
  }
}

/** Bookings that still hold or wait for a place in a session that has not started. */
function upcomingOf(db: DbState, accountId: string, now: number): number {
  return db.bookings.filter((b) => {
    if (b.accountId !== accountId || (b.status !== 'booked' && b.status !== 'waiting')) return false
    return sessionStartsAt(findSession(db, b.sessionId)) > now
  }).length
}

/** Editing keeps every slot that has bookings, with room for all of them. */
function assertEditKeepsBookings(db: DbState, session: ClinicSession, draft: SessionDraft): void {
  const held = db.bookings.filter((b) => b.sessionId === session.id && b.status !== 'cancelled')
  for (const slot of session.slots) {
    const count = held.filter((b) => b.slotId === slot.id && b.status !== 'waiting').length
    if (count === 0) continue
    const next = draft.slots.find((s) => s.id === slot.id)
    if (!next || next.capacity < count || (held.length > 0 && draft.date !== session.date)) {
      throw new ApiError('CONFLICT', `${slot.start}时段已有${count}人预约，不能删除、改期或把人数减到${count}以下`, {
        slots: '已有预约的时段不能删除或减少名额',
      })
    }
  }
}

function readDraft(ctx: RouteContext): SessionDraft {
  assertValid(validateSessionDraft(ctx.body, ctx.now))
  const b = ctx.body as unknown as SessionDraft
  return {
    title: b.title.trim(),
    specialty: b.specialty.trim(),
    doctors: b.doctors.trim(),
    hospital: b.hospital.trim(),
    place: b.place.trim(),
    date: b.date,
    slots: b.slots.map((s, i) => ({ id: s.id || `t${i + 1}`, start: s.start, end: s.end, capacity: s.capacity })),
    opensAt: toChinaIso(b.opensAt),
    cutoffMinutes: b.cutoffMinutes,
    notes: (b.notes ?? '').trim(),
  }
}

const BOOKERS: Role[] = ['resident', 'elder', 'volunteer']

export const clinicRoutes: Route[] = [
  {
    method: 'GET',
    path: '/clinics',
    access: 'public',
    handler: ({ db, query, now }): SessionView[] =>
      db.clinics
        .filter((c) => sessionStartsAt(c) > now - 12 * 3600 * 1000)
        .filter((c) => !query.specialty || c.specialty === query.specialty)
        .sort((a, b) => sessionStartsAt(a) - sessionStartsAt(b))
        .map((c) => sessionView(db, c, now)),
  },
  {
    method: 'POST',
    path: '/clinics',
    access: ['staff'],
    handler: (ctx): SessionView => {
      const draft = readDraft(ctx)
      ctx.db.seq += 1
      const session: ClinicSession = { ...draft, id: `c${ctx.db.seq}` }
      ctx.db.clinics.push(session)
      return sessionView(ctx.db, session, ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/clinics/:id',
    access: 'public',
    handler: ({ db, params, now }) => sessionView(db, findSession(db, params.id), now),
  },
  {
    method: 'PUT',
    path: '/clinics/:id',
    access: ['staff'],
    handler: (ctx): SessionView => {
      const session = findSession(ctx.db, ctx.params.id)
      const draft = readDraft(ctx)
      assertEditKeepsBookings(ctx.db, session, draft)
      Object.assign(session, draft)
      return sessionView(ctx.db, session, ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/clinics/:id/roster',
    access: ['staff'],
    handler: ({ db, params, now }): Roster => {
      const session = findSession(db, params.id)
      const bookings = db.bookings.filter((b) => b.sessionId === session.id)
      return {
        session: sessionView(db, session, now),
        bookings: bookings.filter((b) => b.status !== 'cancelled').map((b) => bookingView(db, b)),
        attendance: attendance(bookings),
      }
    },
  },
  {
    method: 'POST',
    path: '/clinics/:id/slots/:slot/bookings',
    access: 'user',
    handler: (ctx): BookingView => {
      const session = findSession(ctx.db, ctx.params.id)
      return forOwner(ctx, BOOKERS, (owner, actedBy) => {
        ctx.db.seq += 1
        // Count, check and store in one synchronous step: a slot is never overbooked.
        const booked = book(ctx.body, {
          session,
          slotId: ctx.params.slot,
          accountId: owner.id,
          sessionBookings: ctx.db.bookings.filter((b) => b.sessionId === session.id),
          accountUpcoming: upcomingOf(ctx.db, owner.id, ctx.now),
          id: `k${ctx.db.seq}`,
          now: ctx.now,
        })
        const booking = actedBy ? { ...booked, actedBy } : booked
        ctx.db.bookings.push(booking)
        return bookingView(ctx.db, booking)
      })
    },
  },
  {
    method: 'GET',
    path: '/bookings/mine',
    access: 'user',
    handler: ({ db, user }): BookingView[] =>
      db.bookings
        .filter((b) => b.accountId === user!.id)
        .map((b) => bookingView(db, b))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  },
  {
    method: 'GET',
    path: '/bookings/:id',
    access: 'user',
    handler: ({ db, params, user }): BookingView => {
      const booking = findBooking(db, params.id)
      if (booking.accountId !== user!.id && booking.actedBy?.id !== user!.id && user!.role !== 'staff') {
        throw new ApiError('NOT_FOUND', '没有找到这个预约')
      }
      return bookingView(db, booking)
    },
  },
  {
    method: 'POST',
    path: '/bookings/:id/cancel',
    access: 'user',
    handler: ({ db, params, user, now }): BookingView => {
      const booking = findBooking(db, params.id)
      if (booking.accountId !== user!.id && user!.role !== 'staff') throw new ApiError('NOT_FOUND', '没有找到这个预约')
      const session = findSession(db, booking.sessionId)
      const slotBookings = db.bookings.filter((b) => b.sessionId === session.id && b.slotId === booking.slotId)
      const changed = cancel(booking, session, slotBookings, user!.id, now)
      for (const next of changed) db.bookings[db.bookings.findIndex((b) => b.id === next.id)] = next
      return bookingView(db, changed[0])
    },
  },
  {
    method: 'POST',
    path: '/bookings/:id/check-in',
    access: ['staff'],
    handler: ({ db, params, now }): BookingView => {
      const booking = findBooking(db, params.id)
      const next = checkIn(booking, findSession(db, booking.sessionId), now)
      db.bookings[db.bookings.findIndex((b) => b.id === next.id)] = next
      return bookingView(db, next)
    },
  },
]
