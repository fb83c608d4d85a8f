import { newIdempotencyKey, type OnBehalf, type PhotoRef, type WishDraft } from '../api'
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
  /** The uploaded photos, with the links that show them here; the draft carries their ids. */
  photos: PhotoRef[]
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
  const saved = readJson<SavedDraft>(KEY)
  if (!saved) return { draft: emptyDraft(phone), idempotencyKey: newIdempotencyKey(), photos: [] }
  // The draft's photos are always those uploaded (a draft kept by an older version held pictures itself).
  const photos = saved.photos ?? []
  return { ...saved, photos, draft: { ...saved.draft, photos: photos.map((p) => p.id) } }
}

/** The draft with these uploaded photos. */
export function withPhotos(saved: SavedDraft, photos: PhotoRef[]): SavedDraft {
  return { ...saved, photos, draft: { ...saved.draft, photos: photos.map((p) => p.id) } }
}

export function saveDraft(saved: SavedDraft): void {
  writeJson(KEY, saved)
}

export function clearDraft(): void {
  writeJson(KEY, null)
}
