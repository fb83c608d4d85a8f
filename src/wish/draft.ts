import { newIdempotencyKey, type OnBehalf, type WishDraft } from '../api'
import { STORED, readJson, writeJson } from '../platform/storage'

const KEY = STORED.wishDraft

/**
 * The wish being written, kept on the phone with the key of this one
 * submission: a failed or interrupted post loses nothing, and retrying it
 * with the same key can never create a second wish.
 */
export interface SavedDraft {
  /** forResident is set when a volunteer or staff member posts for a resident (代办). */
  draft: WishDraft & OnBehalf
  idempotencyKey: string
}

export function emptyDraft(phone: string): WishDraft {
  return {
    category: '生活帮扶',
    title: '',
    description: '',
    preferredTime: '',
    address: { building: '', unit: '', room: '' },
    phone,
    photos: [],
  }
}

export function loadDraft(phone: string): SavedDraft {
  return readJson<SavedDraft>(KEY) ?? { draft: emptyDraft(phone), idempotencyKey: newIdempotencyKey() }
}

export function saveDraft(saved: SavedDraft): void {
  writeJson(KEY, saved)
}

export function clearDraft(): void {
  writeJson(KEY, null)
}
