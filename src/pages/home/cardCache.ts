import type { Card } from '../../api'
import { STORED, readJson, writeJson } from '../../platform/storage'

const KEY = STORED.lastCard

export interface CachedCard {
  card: Card
  savedAt: number
}

/** The last card loaded, kept on the phone for when the network is down. */
export function saveLastCard(card: Card, savedAt: number): void {
  writeJson(KEY, { card, savedAt } satisfies CachedCard)
}

export function loadLastCard(gridCode: string): CachedCard | null {
  const cached = readJson<CachedCard>(KEY)
  return cached && cached.card?.grid?.code === gridCode ? cached : null
}
