import { MemoryStore, emptyMemoryData } from '../../backend/memoryStore'
import type { PhotoFiles } from '../../backend/photoFiles'
import type { PhotoRecord } from '../../backend/records'
import { sweep } from '../../backend/sweep'

const NOW = Date.parse('2026-11-25T10:00:00+08:00')

const photo = (id: string, createdAt: string, wishId: string | null = null): PhotoRecord => ({
  id,
  ownerId: 'resident',
  wishId,
  type: 'image/jpeg',
  size: 1000,
  createdAt,
  verdict: 'unchecked',
  checkTrace: null,
})

describe('the sweep of stray photos', () => {
  it('deletes the rows, then the files, of photos nothing took within a day; taken and younger ones stay', async () => {
    const store = new MemoryStore({ initial: emptyMemoryData, now: () => NOW })
    const photos = [
      photo('ph1', '2026-11-24T09:59:59+08:00'), // a day and a second old, never taken
      photo('ph2', '2026-11-24T10:00:00+08:00'), // exactly a day old: kept until the next sweep
      photo('ph3', '2026-11-20T10:00:00+08:00', 'w1'), // old, but a wish took it
      photo('ph4', '2026-11-25T01:59:59Z'), // an hour old, written in UTC
    ]
    await store.transaction(async (repo) => {
      for (const p of photos) await repo.insertPhoto(p)
    })
    const removed: string[] = []
    const files: PhotoFiles = { put: async () => undefined, get: async () => null, remove: async (id) => void removed.push(id) }

    expect(await sweep(store, files, NOW)).toEqual({ reminders: 0, autoConfirmed: 0, strayPhotos: 1 })
    expect(removed).toEqual(['ph1'])
    const left = await store.transaction((repo) => Promise.all(photos.map((p) => repo.getPhoto(p.id))))
    expect(left.map((p) => p?.id ?? null)).toEqual([null, 'ph2', 'ph3', 'ph4'])
    expect((await sweep(store, files, NOW + 1000)).strayPhotos).toBe(1)
    expect(removed).toEqual(['ph1', 'ph2'])
  })
})
