import { toChinaIso } from '../src/domain/chinaTime'
import { autoConfirmedMessages, reminderMessages } from '../src/domain/messages'
import { autoConfirmScan, dueAutoConfirmations, dueReminders, reminderDates } from '../src/domain/reminders'
import type { Store } from './store'

export interface SweepResult {
  /** Reminder messages stored by this sweep (one per recipient). */
  reminders: number
  /** Counted-as-confirmed messages stored by this sweep. */
  autoConfirmed: number
}

/**
 * The time-driven events at `now`: reminders before booked clinics and the
 * counted-as-confirmed message of completed wishes, written as messages in
 * one transaction. Each is keyed by its event, so a sweep run twice, after a
 * restart, or by two servers at once stores each message once (the store's
 * unique account + event key decides).
 */
export function sweep(store: Store, now: number): Promise<SweepResult> {
  return store.transaction(async (repo) => {
    const at = toChinaIso(now)
    const { from, to } = reminderDates(now)
    const clinics = await repo.listClinicsBetween(from, to)
    const booked = clinics.length ? await repo.listBookedOf(clinics.map((c) => c.id)) : []
    const reminders = dueReminders(clinics, booked, now).flatMap((r) => reminderMessages(r.booking, r.clinic, r.kind, at))
    const scan = autoConfirmScan(now)
    const confirmations = dueAutoConfirmations(await repo.listCompletedWishes(scan.from, scan.to), now).flatMap((w) => autoConfirmedMessages(w, at))
    return { reminders: await repo.insertMessages(reminders), autoConfirmed: await repo.insertMessages(confirmations) }
  })
}
