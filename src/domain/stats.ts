/**
 * Figures for the street office (PRODUCT.md §9), computed from the records
 * themselves every time, never from counters that could drift from them.
 * "This month" is the China calendar month of `now`.
 */
import { inChina } from './chinaTime'
import type { Booking } from './clinic'
import type { Application } from './jobs'
import { effectiveStatus, type Wish } from './wish'

export interface Figures {
  wishesPosted: number
  wishesFulfilled: number
  /** Median hours from posting to completion of fulfilled wishes; null when none. */
  medianHoursToFulfil: number | null
  volunteerParticipations: number
  volunteerHours: number
  clinicBookings: number
  clinicArrivals: number
  /** Arrivals over bookings that held a place; null when none. */
  attendanceRate: number | null
  jobApplications: number
  jobPlacements: number
}

export interface StatsInput {
  wishes: Wish[]
  bookings: Booking[]
  applications: Application[]
  /** The grid of each account, for bookings and applications. */
  gridOf: (accountId: string) => string | null
}

const isFulfilled = (wish: Wish, now: number) => {
  const status = effectiveStatus(wish, now)
  return status === 'completed' || status === 'confirmed'
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The figures of a set of records (already narrowed to a place and a period). */
export function figuresOf(wishes: Wish[], bookings: Booking[], applications: Application[], now: number): Figures {
  const fulfilled = wishes.filter((w) => isFulfilled(w, now))
  const held = bookings.filter((b) => b.status === 'booked' || b.status === 'checked_in')
  const arrivals = bookings.filter((b) => b.status === 'checked_in').length
  const hours = fulfilled.reduce((sum, w) => sum + (w.hours ?? 0), 0)
  return {
    wishesPosted: wishes.length,
    wishesFulfilled: fulfilled.length,
    medianHoursToFulfil: median(
      fulfilled.filter((w) => w.completedAt).map((w) => (Date.parse(w.completedAt!) - Date.parse(w.createdAt)) / 3600000),
    ),
    volunteerParticipations: fulfilled.filter((w) => w.claimedBy).length,
    volunteerHours: Math.round(hours * 10) / 10,
    clinicBookings: held.length,
    clinicArrivals: arrivals,
    attendanceRate: held.length ? arrivals / held.length : null,
    jobApplications: applications.length,
    jobPlacements: applications.filter((a) => a.status === 'hired').length,
  }
}

/** Records dated in the China calendar month of `now`. */
export function inMonthOf(now: number): (iso: string) => boolean {
  const month = inChina(now).format('YYYY-MM')
  return (iso) => inChina(iso).format('YYYY-MM') === month
}

export interface Breakdown {
  overall: Figures
  thisMonth: Figures
}

/** Overall and this month, for records narrowed by `inScope` (a grid, a community, everything). */
export function breakdown(input: StatsInput, now: number, inScope: (grid: string | null) => boolean): Breakdown {
  const wishes = input.wishes.filter((w) => inScope(w.gridCode))
  const bookings = input.bookings.filter((b) => inScope(input.gridOf(b.accountId)))
  const applications = input.applications.filter((a) => inScope(input.gridOf(a.applicantId)))
  const month = inMonthOf(now)
  return {
    overall: figuresOf(wishes, bookings, applications, now),
    thisMonth: figuresOf(
      wishes.filter((w) => month(w.createdAt)),
      bookings.filter((b) => month(b.createdAt)),
      applications.filter((a) => month(a.createdAt)),
      now,
    ),
  }
}
