import { base64ToBytes, bytesToBase64 } from '../src/domain/base64'
import { photoTypeOf } from './photoBytes'

/**
 * Where photo bytes live: outside the database, behind this interface. The
 * server keeps them in a folder (server/photoFolder.ts); an object store can
 * implement the same three calls later. The database holds only who uploaded
 * each photo and which wish it belongs to.
 */
export interface PhotoFiles {
  put(id: string, bytes: Uint8Array): Promise<void>
  get(id: string): Promise<Uint8Array | null>
  remove(id: string): Promise<void>
}

/**
 * How the person who may see a wish gets its photos: the server hands out
 * short-lived signed links (an image request carries no bearer token); the
 * app's embedded demo hands out the bytes themselves as data: URLs.
 */
export interface PhotoLinks {
  urlFor(id: string, now: number): Promise<string>
  /** True when a request for /photos/:id carries a valid, unexpired signature. */
  allows(id: string, query: Record<string, string>, now: number): boolean
}

/** Text storage the memory photo files may keep themselves in (the phone's storage in the embedded demo). */
export interface TextShelf {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

/** Photo files in memory, optionally kept on a text shelf so they survive a restart of the demo. */
export function memoryPhotoFiles(shelf?: TextShelf): PhotoFiles {
  const files = new Map<string, Uint8Array>()
  const shelfKey = (id: string) => `dongan-mock-photo-${id}`
  return {
    async put(id, bytes) {
      files.set(id, bytes)
      shelf?.set(shelfKey(id), bytesToBase64(bytes))
    },
    async get(id) {
      const kept = files.get(id) ?? shelf?.get(shelfKey(id))
      if (typeof kept === 'string') return base64ToBytes(kept)
      return kept ?? null
    },
    async remove(id) {
      files.delete(id)
      shelf?.remove(shelfKey(id))
    },
  }
}

/** The embedded demo's links: the photo itself, so it shows without any server. */
export function inlinePhotoLinks(files: PhotoFiles): PhotoLinks {
  return {
    async urlFor(id) {
      const bytes = await files.get(id)
      return bytes ? `data:${photoTypeOf(bytes)};base64,${bytesToBase64(bytes)}` : ''
    },
    allows: () => false,
  }
}
