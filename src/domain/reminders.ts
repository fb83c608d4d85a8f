/**
 * Time-driven events (issue 15): reminders before a booked clinic and the
 * message that a completed wish now counts as confirmed. Pure rules in China
 * time: when each is due, and which are due at a moment. A sweep asks these
 * every minute or so and stores what they answer; the store's unique
 * (account, event) key makes asking twice harmless.
 */
import { inChina } from './chinaTime'
import type { Booking, Clinic } from './clinic'
import { AUTO_CONFIRM_DAYS, autoConfirmAt, type Wish } from './wish'

export type ReminderKind = 'eve' | '2h'

const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS
/** The evening reminder: 18:00 China time on the day before the clinic. */
export const EVE_REMINDER_HOUR = 18
/** The second reminder: this long before the booked slot starts. */
export const SOON_REMINDER_MS = 2 * HOUR_MS
/**
 * A confirmation message missed while no server ran is still sent this long
 * after its moment; later it would be stale news, so it is dropped (and the
 * sweep's scan stays bounded).
 */
export const AUTO_CONFIRM_GRACE_MS = 3 * DAY_MS

/** When a reminder may be sent: from `dueAt`, strictly before `until` (never late). */
export interface ReminderWindow {
  kind: ReminderKind
  dueAt: number
  until: number
}

/**
 * The two reminders of a booked slot. The evening one gives way to the
 * 2-hour one; the 2-hour one is not sent once the slot has started.
 * China has no daylight saving: the day before is exactly 24 hours earlier.
 */
export function reminderWindows(clinic: Pick<Clinic, 'date'>, slotStart: string): ReminderWindow[] {
  const startsAt = Date.parse(`${clinic.date}T${slotStart}:00+08:00`)
  const eve = Date.parse(`${clinic.date}T${String(EVE_REMINDER_HOUR).padStart(2, '0')}:00:00+08:00`) - DAY_MS
  const soon = startsAt - SOON_REMINDER_MS
  return [
    { kind: 'eve' as const, dueAt: eve, until: Math.min(soon, startsAt) },
    { kind: '2h' as const, dueAt: soon, until: startsAt },
  ].filter((w) => w.dueAt < w.until)
}

/** The China dates whose clinics may have a reminder due at `now`: today's and tomorrow's. */
export function reminderDates(now: number): { from: string; to: string } {
  const today = inChina(now).startOf('day')
  return { from: today.format('YYYY-MM-DD'), to: today.add(1, 'day').format('YYYY-MM-DD') }
}

export interface DueReminder {
  booking: Booking
  clinic: Clinic
  kind: ReminderKind
}

/**
 * The reminders due at `now`: only bookings that hold a place (not waiting,
 * cancelled or already checked in), inside the window, and only when the
 * place was held before the reminder's moment (someone who booked or moved
 * in after 18:00 was just told the time).
 */
export function dueReminders(clinics: Clinic[], bookings: Booking[], now: number): DueReminder[] {
  const byId = new Map(clinics.map((c) => [c.id, c]))
  const due: DueReminder[] = []
  for (const booking of bookings) {
    const clinic = byId.get(booking.clinicId)
    const slot = clinic?.slots.find((s) => s.id === booking.slotId)
    if (!clinic || !slot || booking.status !== 'booked') continue
    const heldSince = Date.parse(booking.promotedAt ?? booking.createdAt)
    for (const w of reminderWindows(clinic, slot.start)) {
      if (w.dueAt <= now && now < w.until && heldSince <= w.dueAt) due.push({ booking, clinic, kind: w.kind })
    }
  }
  return due
}

/** The completion times whose wishes may have a confirmation due at `now` (a store's scan; dueAutoConfirmations decides). */
export function autoConfirmScan(now: number): { from: number; to: number } {
  // autoConfirmAt is the start of the 8th China day after completion: completed
  // at most 7 days ago, at least 8 days plus the grace ago.
  return { from: now - (AUTO_CONFIRM_DAYS + 1) * DAY_MS - AUTO_CONFIRM_GRACE_MS, to: now - AUTO_CONFIRM_DAYS * DAY_MS }
}

/** Completed wishes nobody confirmed that count as confirmed at `now`, within the grace. */
export function dueAutoConfirmations(wishes: Wish[], now: number): Wish[] {
  return wishes.filter((w) => {
    if (w.status !== 'completed' || !w.completedAt) return false
    const at = Date.parse(autoConfirmAt(w.completedAt))
    return at <= now && now < at + AUTO_CONFIRM_GRACE_MS
  })
}
