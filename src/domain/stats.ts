/**
 * Figures for the street office (PRODUCT.md §9), computed from the records
 * themselves every time, never from counters that could drift from them.
 * "This month" is the China calendar month of `now`.
 */
import { creditedHours, startsAt, type Activity, type SignUp } from './activity'
import { inChina, toChinaIso } from './chinaTime'
import type { Booking } from './clinic'
import type { Application } from './jobs'
import type { Matter } from './matters'
import { slotStartsAt, type MediationBooking, type MediationSlot } from './mediation'
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
  /** 有事先商量: matters raised, and those the resident confirmed solved. */
  mattersRaised: number
  mattersSolved: number
  /** Safety hazards (安全隐患) confirmed solved. */
  hazardsRemoved: number
  /** Mediations held (an outcome recorded), and those that settled (调解成功). */
  disputesMediated: number
  disputesSettled: number
  /** 志愿活动: sign-ups that checked in, and their credited hours. */
  activityParticipations: number
  activityHours: number
}

/** What the figures need of a matter: no text, no name. */
export interface MatterFact {
  gridCode: string
  kind: string
  status: string
  raisedAt: string
  /** When the resident confirmed it solved, else null. */
  solvedAt: string | null
}

/** What the figures need of a mediation booking: never the dispute or the phone. */
export interface MediationFact {
  accountId: string
  outcome: string | null
  /** When the slot starts, China time ISO. */
  at: string
}

/** One checked-in sign-up of an activity. */
export interface Participation {
  activityId: string
  accountId: string
  hours: number
}

/** What the figures need of an activity. */
export interface ActivityFact {
  id: string
  theme: string
  unit: string
  /** When it starts, China time ISO. */
  at: string
}

export interface StatsRecords {
  wishes: Wish[]
  bookings: Booking[]
  applications: Application[]
  matters: MatterFact[]
  mediations: MediationFact[]
  activities: ActivityFact[]
  participations: Participation[]
}

export interface StatsInput extends StatsRecords {
  /** The grid of each account, for bookings, applications, mediations and participations. */
  gridOf: (accountId: string) => string | null
}

/** The solved moment of a matter: its last confirmation, while it stays confirmed. */
export function matterFactOf(m: Pick<Matter, 'gridCode' | 'kind' | 'status' | 'raisedAt' | 'events'>): MatterFact {
  const confirmed = m.status === 'confirmed' ? m.events.filter((e) => e.action === 'confirm').pop() : undefined
  return { gridCode: m.gridCode, kind: m.kind, status: m.status, raisedAt: m.raisedAt, solvedAt: confirmed?.at ?? null }
}

export function mediationFactOf(b: Pick<MediationBooking, 'accountId' | 'status' | 'outcome'>, slot: Pick<MediationSlot, 'date' | 'start'>): MediationFact {
  return { accountId: b.accountId, outcome: b.status === 'booked' ? b.outcome : null, at: toChinaIso(slotStartsAt(slot)) }
}

export function activityFactOf(a: Pick<Activity, 'id' | 'theme' | 'unit' | 'date' | 'start'>): ActivityFact {
  return { id: a.id, theme: a.theme, unit: a.unit, at: toChinaIso(startsAt(a)) }
}

/** A sign-up that took part (still joined, checked in), with its credited hours; else null. */
export function participationOf(s: Pick<SignUp, 'activityId' | 'accountId' | 'status' | 'checkedInAt' | 'hours' | 'correction'>): Participation | null {
  if (s.status !== 'joined' || !s.checkedInAt) return null
  return { activityId: s.activityId, accountId: s.accountId, hours: creditedHours(s) }
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

const oneDecimal = (n: number) => Math.round(n * 10) / 10
const all = () => true

/**
 * The figures of a set of records (already narrowed to a place), for the
 * period `inPeriod` accepts: each record by its own moment (a wish, booking or
 * application when made; a matter raised when raised and solved when solved;
 * a mediation or an activity when it takes place).
 */
export function figuresOf(records: StatsRecords, now: number, inPeriod: (iso: string) => boolean = all): Figures {
  const wishes = records.wishes.filter((w) => inPeriod(w.createdAt))
  const bookings = records.bookings.filter((b) => inPeriod(b.createdAt))
  const applications = records.applications.filter((a) => inPeriod(a.createdAt))
  const fulfilled = wishes.filter((w) => isFulfilled(w, now))
  const held = bookings.filter((b) => b.status === 'booked' || b.status === 'checked_in')
  const arrivals = bookings.filter((b) => b.status === 'checked_in').length
  const hours = fulfilled.reduce((sum, w) => sum + (w.hours ?? 0), 0)
  const solved = records.matters.filter((m) => m.solvedAt !== null && inPeriod(m.solvedAt))
  const mediated = records.mediations.filter((m) => m.outcome !== null && inPeriod(m.at))
  const activityAt = new Map(records.activities.map((a) => [a.id, a.at]))
  const participations = records.participations.filter((p) => inPeriod(activityAt.get(p.activityId) ?? ''))
  return {
    wishesPosted: wishes.length,
    wishesFulfilled: fulfilled.length,
    medianHoursToFulfil: median(
      fulfilled.filter((w) => w.completedAt).map((w) => (Date.parse(w.completedAt!) - Date.parse(w.createdAt)) / 3600000),
    ),
    volunteerParticipations: fulfilled.filter((w) => w.claimedBy).length,
    volunteerHours: oneDecimal(hours),
    clinicBookings: held.length,
    clinicArrivals: arrivals,
    attendanceRate: held.length ? arrivals / held.length : null,
    jobApplications: applications.length,
    jobPlacements: applications.filter((a) => a.status === 'hired').length,
    // A duplicate merged into another is counted there.
    mattersRaised: records.matters.filter((m) => m.status !== 'merged' && inPeriod(m.raisedAt)).length,
    mattersSolved: solved.length,
    hazardsRemoved: solved.filter((m) => m.kind === '安全隐患').length,
    disputesMediated: mediated.length,
    disputesSettled: mediated.filter((m) => m.outcome === '调解成功').length,
    activityParticipations: participations.length,
    activityHours: oneDecimal(participations.reduce((sum, p) => sum + p.hours, 0)),
  }
}

/** Records dated in the China calendar month of `now`. */
export function inMonthOf(now: number): (iso: string) => boolean {
  const month = inChina(now).format('YYYY-MM')
  return (iso) => iso !== '' && inChina(iso).format('YYYY-MM') === month
}

export interface Breakdown {
  overall: Figures
  thisMonth: Figures
}

/** The records of the places `inScope` accepts (a grid, a community, everything). */
function scoped(input: StatsInput, inScope: (grid: string | null) => boolean): StatsRecords {
  const byAccount = <T extends { accountId: string }>(list: T[]) => list.filter((r) => inScope(input.gridOf(r.accountId)))
  return {
    wishes: input.wishes.filter((w) => inScope(w.gridCode)),
    bookings: byAccount(input.bookings),
    applications: input.applications.filter((a) => inScope(input.gridOf(a.applicantId))),
    matters: input.matters.filter((m) => inScope(m.gridCode)),
    mediations: byAccount(input.mediations),
    activities: input.activities,
    participations: byAccount(input.participations),
  }
}

/** Overall and this month, for records narrowed by `inScope` (a grid, a community, everything). */
export function breakdown(input: StatsInput, now: number, inScope: (grid: string | null) => boolean): Breakdown {
  const records = scoped(input, inScope)
  return { overall: figuresOf(records, now), thisMonth: figuresOf(records, now, inMonthOf(now)) }
}

export interface ActivityFigures {
  activities: number
  participations: number
  hours: number
}

/** Participations and hours of each activity, newest first. */
export function perActivity(input: Pick<StatsRecords, 'activities' | 'participations'>): (ActivityFact & { participations: number; hours: number })[] {
  return [...input.activities]
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
    .map((a) => {
      const mine = input.participations.filter((p) => p.activityId === a.id)
      return { ...a, participations: mine.length, hours: oneDecimal(mine.reduce((sum, p) => sum + p.hours, 0)) }
    })
}

/** Activities held (started by `now`), participations and hours of each organising unit, overall and this month, the busiest first. */
export function perUnit(input: Pick<StatsRecords, 'activities' | 'participations'>, now: number): { unit: string; overall: ActivityFigures; thisMonth: ActivityFigures }[] {
  const rows = perActivity(input).filter((a) => Date.parse(a.at) <= now)
  const month = inMonthOf(now)
  const sum = (list: typeof rows): ActivityFigures => ({
    activities: list.length,
    participations: list.reduce((n, r) => n + r.participations, 0),
    hours: oneDecimal(list.reduce((n, r) => n + r.hours, 0)),
  })
  const units = [...new Set(rows.map((r) => r.unit))]
  return units
    .map((unit) => {
      const mine = rows.filter((r) => r.unit === unit)
      return { unit, overall: sum(mine), thisMonth: sum(mine.filter((r) => month(r.at))) }
    })
    .sort((a, b) => b.overall.hours - a.overall.hours || b.overall.participations - a.overall.participations || a.unit.localeCompare(b.unit))
}
