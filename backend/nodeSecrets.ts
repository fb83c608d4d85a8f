import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto'
import type { Secrets } from './core'
import type { PhotoLinks } from './photoFiles'

/** Servers: 256-bit tokens from the OS's random source; SHA-256 digests. */
export const nodeSecrets: Secrets = {
  randomToken: () => randomBytes(32).toString('base64url'),
  digest: (text) => createHash('sha256').update(text).digest('hex'),
}

const HOUR_MS = 3600 * 1000

/**
 * Photo links signed with HMAC-SHA256 under a server key, valid 1 to 2 hours:
 * the expiry is rounded to the hour, so a page opened twice gets the same
 * link and the phone's image cache is used.
 */
export function signedPhotoLinks(key: Buffer): PhotoLinks {
  const signature = (id: string, exp: string) => createHmac('sha256', key).update(`photo ${id} ${exp}`).digest('base64url').slice(0, 32)
  return {
    async urlFor(id, now) {
      const exp = String((Math.floor(now / HOUR_MS) + 2) * 3600)
      return `/photos/${id}?exp=${exp}&sig=${signature(id, exp)}`
    },
    allows(id, query, now) {
      const { exp = '', sig = '' } = query
      if (!/^\d{1,12}$/.test(exp) || Number(exp) * 1000 <= now) return false
      const expected = Buffer.from(signature(id, exp))
      const given = Buffer.from(sig)
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}
