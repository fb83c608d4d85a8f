import { toChinaIso } from '../src/domain/chinaTime'
import { autoConfirmedMessages, reminderMessages } from '../src/domain/messages'
import { autoConfirmScan, dueAutoConfirmations, dueReminders, reminderDates } from '../src/domain/reminders'
import type { PhotoFiles } from './photoFiles'
import type { Store } from './store'

/** A photo uploaded but never posted with a wish or a matter is forgotten after a day. */
export const STRAY_PHOTO_MS = 24 * 3600_000

export interface SweepResult {
  /** Reminder messages stored by this sweep (one per recipient). */
  reminders: number
  /** Counted-as-confirmed messages stored by this sweep. */
  autoConfirmed: number
  /** Photos uploaded more than a day ago that nothing took, deleted with their files. */
  strayPhotos: number
}

/**
 * The time-driven events at `now`: reminders before booked clinics and the
 * counted-as-confirmed message of completed wishes, written as messages in
 * one transaction. Each is keyed by its event, so a sweep run twice, after a
 * restart, or by two servers at once stores each message once (the store's
 * unique account + event key decides). Photos left behind by a form never
 * sent are deleted, their files once the rows are gone.
 */
export async function sweep(store: Store, files: PhotoFiles, now: number): Promise<SweepResult> {
  const result = await store.transaction(async (repo) => {
    const at = toChinaIso(now)
    const { from, to } = reminderDates(now)
    const clinics = await repo.listClinicsBetween(from, to)
    const booked = clinics.length ? await repo.listBookedOf(clinics.map((c) => c.id)) : []
    const reminders = dueReminders(clinics, booked, now).flatMap((r) => reminderMessages(r.booking, r.clinic, r.kind, at))
    const scan = autoConfirmScan(now)
    const confirmations = dueAutoConfirmations(await repo.listCompletedWishes(scan.from, scan.to), now).flatMap((w) => autoConfirmedMessages(w, at))
    const strays = await repo.deleteStrayPhotos(toChinaIso(now - STRAY_PHOTO_MS))
    return { reminders: await repo.insertMessages(reminders), autoConfirmed: await repo.insertMessages(confirmations), strays }
  })
  for (const id of result.strays) await files.remove(id).catch(() => undefined) // best effort: the rows are gone
  return { reminders: result.reminders, autoConfirmed: result.autoConfirmed, strayPhotos: result.strays.length }
}
