import { ApiError } from '../../src/api/errors'
import type { BookingView, Role, Roster, ClinicView } from '../../src/api/types'
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
  isListedClinic,
  mayCancel,
  normaliseClinicDraft,
  placesLeft,
  clinicStartsAt,
  slotStartsAt,
  upcomingCount,
  validateClinicDraft,
  type Booking,
  type Clinic,
  type ClinicDraft,
} from '../../src/domain/clinic'
import { assertValid } from '../../src/domain/rules'
import type { Route, RouteContext } from '../router'
import type { Repository } from '../store'
import { forOwner } from './residents'
import { bookingMessages, clinicChangedMessages } from '../../src/domain/messages'

async function findClinic(repo: Repository, id: string, forUpdate = false): Promise<Clinic> {
  const clinic = await repo.getClinic(id, { forUpdate })
  if (!clinic) throw new ApiError('NOT_FOUND', '没有找到这场义诊')
  return clinic
}

async function findBooking(repo: Repository, id: string, forUpdate = false): Promise<Booking> {
  const booking = await repo.getBooking(id, { forUpdate })
  if (!booking) throw new ApiError('NOT_FOUND', '没有找到这个预约')
  return booking
}

export function clinicView(clinic: Clinic, bookings: Booking[], now: number): ClinicView {
  return {
    ...clinic,
    slots: clinic.slots.map((slot) => ({
      ...slot,
      placesLeft: Math.max(0, placesLeft(slot, bookings)),
      waiting: bookings.filter((b) => b.slotId === slot.id && b.status === 'waiting').length,
    })),
    startsAt: toChinaIso(clinicStartsAt(clinic)),
    cutoffAt: toChinaIso(cutoffAt(clinic)),
    bookingOpen: isBookingOpen(clinic, now),
  }
}

/** A booking with its clinic; readable whatever staff later did to the clinic's slots. */
export function bookingView(clinic: Clinic, booking: Booking): BookingView {
  const slot = clinic.slots.find((s) => s.id === booking.slotId)
  const { id, title, specialty, hospital, place, date, doctors, notes, location } = clinic
  return {
    ...booking,
    clinic: { id, title, specialty, hospital, place, date, doctors, notes, ...(location ? { location } : {}) },
    slot: slot ? { start: slot.start, end: slot.end } : { start: '', end: '' },
    startsAt: toChinaIso(slot ? slotStartsAt(clinic, slot) : clinicStartsAt(clinic)),
    cutoffAt: toChinaIso(cutoffAt(clinic)),
  }
}

async function viewOfBooking(repo: Repository, booking: Booking): Promise<BookingView> {
  return bookingView(await findClinic(repo, booking.clinicId), booking)
}

/** The clinics of these bookings, by id, read in one query. */
async function clinicsOf(repo: Repository, bookings: Booking[]): Promise<Map<string, Clinic>> {
  return new Map((await repo.getClinics([...new Set(bookings.map((b) => b.clinicId))])).map((s) => [s.id, s]))
}

export async function viewsOfBookings(repo: Repository, bookings: Booking[]): Promise<BookingView[]> {
  const clinics = await clinicsOf(repo, bookings)
  return bookings.filter((b) => clinics.has(b.clinicId)).map((b) => bookingView(clinics.get(b.clinicId)!, b))
}

async function viewOfClinic(repo: Repository, clinic: Clinic, now: number): Promise<ClinicView> {
  return clinicView(clinic, await repo.listBookingsOfClinic(clinic.id), now)
}

/** The account's bookings that hold or wait for a place in a clinic yet to start. */
async function upcomingOf(repo: Repository, accountId: string, now: number): Promise<number> {
  const bookings = (await repo.listBookingsOfAccount(accountId)).filter((b) => b.status === 'booked' || b.status === 'waiting')
  const clinics = await clinicsOf(repo, bookings)
  return upcomingCount(bookings, (id) => clinics.get(id), now)
}

function readDraft(ctx: RouteContext, usedSlotIds: string[] = []): ClinicDraft {
  assertValid(validateClinicDraft(ctx.body, ctx.now))
  return normaliseClinicDraft(ctx.body as unknown as ClinicDraft, usedSlotIds)
}

const BOOKERS: Role[] = ['resident', 'elder', 'volunteer']

export const clinicRoutes: Route[] = [
  {
    method: 'GET',
    path: '/clinics',
    access: 'public',
    handler: async ({ repo, query, now }): Promise<ClinicView[]> => {
      const clinics = (await repo.listClinicsFrom(earliestListedDate(now), query.specialty || undefined))
        .filter((c) => isListedClinic(c, now))
        .sort((a, b) => clinicStartsAt(a) - clinicStartsAt(b))
      return Promise.all(clinics.map((c) => viewOfClinic(repo, c, now)))
    },
  },
  {
    method: 'POST',
    path: '/clinics',
    access: ['staff'],
    handler: async (ctx): Promise<ClinicView> => {
      const clinic: Clinic = { ...readDraft(ctx), id: await ctx.repo.newId('c') }
      await ctx.repo.insertClinic(clinic)
      return clinicView(clinic, [], ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/clinics/:id',
    access: 'public',
    handler: async ({ repo, params, now }) => viewOfClinic(repo, await findClinic(repo, params.id), now),
  },
  {
    method: 'PUT',
    path: '/clinics/:id',
    access: ['staff'],
    handler: async (ctx): Promise<ClinicView> => {
      const current = await findClinic(ctx.repo, ctx.params.id, true)
      const bookings = await ctx.repo.listBookingsOfClinic(current.id)
      const draft = readDraft(ctx, [...current.slots.map((s) => s.id), ...bookings.map((b) => b.slotId)])
      assertEditKeepsBookings(current, draft, bookings)
      const clinic: Clinic = { ...draft, id: current.id }
      await ctx.repo.updateClinic(clinic)
      // More places: the waiting list moves in, in order.
      const promoted = fillFromWaitingList(clinic, bookings, ctx.now)
      for (const b of promoted) await ctx.repo.updateBooking(b)
      // Told in the same transaction as the change: those moved in, and everyone whose time or place changed.
      const at = toChinaIso(ctx.now)
      await ctx.repo.insertMessages([
        ...promoted.flatMap((b) => bookingMessages(bookings.find((old) => old.id === b.id) ?? null, b, clinic, ctx.user!.id, at)),
        ...clinicChangedMessages(current, clinic, bookings, ctx.user!.id, at),
      ])
      return viewOfClinic(ctx.repo, clinic, ctx.now)
    },
  },
  {
    method: 'GET',
    path: '/clinics/:id/roster',
    access: ['staff'],
    handler: async ({ repo, params, now }): Promise<Roster> => {
      const clinic = await findClinic(repo, params.id)
      const bookings = await repo.listBookingsOfClinic(clinic.id)
      return {
        clinic: clinicView(clinic, bookings, now),
        bookings: bookings.filter((b) => b.status !== 'cancelled').map((b) => bookingView(clinic, b)),
        attendance: attendance(bookings),
      }
    },
  },
  {
    method: 'POST',
    path: '/clinics/:id/slots/:slot/bookings',
    access: 'user',
    handler: async (ctx): Promise<BookingView> => {
      // The clinic row is locked while places are counted: a slot is never overbooked.
      const clinic = await findClinic(ctx.repo, ctx.params.id, true)
      return forOwner(ctx, BOOKERS, async (owner, actedBy) => {
        const booked = book(ctx.body, {
          clinic,
          slotId: ctx.params.slot,
          accountId: owner.id,
          clinicBookings: await ctx.repo.listSlotBookings(clinic.id),
          accountUpcoming: await upcomingOf(ctx.repo, owner.id, ctx.now),
          id: await ctx.repo.newId('k'),
          now: ctx.now,
        })
        const booking = actedBy ? { ...booked, actedBy } : booked
        await ctx.repo.insertBooking(booking)
        return bookingView(clinic, booking)
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
      // Lock the clinic first (as booking does), then read the booking as it now stands.
      const clinic = await findClinic(repo, found.clinicId, true)
      const booking = await findBooking(repo, params.id, true)
      const slotBookings = (await repo.listBookingsOfClinic(clinic.id)).filter((b) => b.slotId === booking.slotId)
      const changed = cancel(booking, clinic, slotBookings, user!, body, now)
      for (const next of changed) await repo.updateBooking(next)
      // The owner when someone else cancelled; whoever the waiting list moved in.
      const at = toChinaIso(now)
      await repo.insertMessages(changed.flatMap((next) => bookingMessages(slotBookings.find((old) => old.id === next.id) ?? booking, next, clinic, user!.id, at)))
      return bookingView(clinic, changed[0])
    },
  },
  {
    method: 'POST',
    path: '/bookings/:id/check-in',
    access: ['staff'],
    handler: async ({ repo, params, now }): Promise<BookingView> => {
      const booking = await findBooking(repo, params.id, true)
      const clinic = await findClinic(repo, booking.clinicId)
      const next = checkIn(booking, clinic, now)
      await repo.updateBooking(next)
      return bookingView(clinic, next)
    },
  },
]
