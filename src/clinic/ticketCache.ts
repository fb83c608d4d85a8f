import type { BookingView } from '../api'
import { STORED, readJson, writeJson } from '../platform/storage'

const KEY = STORED.tickets
/** Enough for a family's upcoming clinics; the oldest copies go first. */
const KEPT = 20

export interface KeptTicket {
  booking: BookingView
  savedAt: number
}

/**
 * Tickets once opened are kept on the phone, so one opens at the clinic door
 * without a network (shown as possibly out of date).
 */
export function keepTicket(booking: BookingView, savedAt: number): void {
  const kept = readJson<Record<string, KeptTicket>>(KEY) ?? {}
  kept[booking.id] = { booking, savedAt }
  const newest = Object.values(kept)
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(0, KEPT)
  writeJson(KEY, Object.fromEntries(newest.map((t) => [t.booking.id, t])))
}

export function keptTicket(bookingId: string): KeptTicket | null {
  return readJson<Record<string, KeptTicket>>(KEY)?.[bookingId] ?? null
}
