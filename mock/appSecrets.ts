import type { Secrets } from '../backend/core'

/**
 * Secrets for the demo backend inside the app, where the token never leaves
 * the phone: Web Crypto's random bytes where the platform has them (H5), and
 * a plain 64-bit FNV-1a digest, enough to key the demo's own tables.
 */
export const appSecrets: Secrets = {
  randomToken() {
    const bytes = new Uint8Array(16)
    const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
    if (webCrypto?.getRandomValues) webCrypto.getRandomValues(bytes)
    else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  },
  digest(text) {
    let h1 = 0x811c9dc5
    let h2 = 0x01000193
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0
    }
    return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')
  },
}
