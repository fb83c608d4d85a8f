import { createHash, randomBytes } from 'crypto'
import type { Secrets } from './core'

/** Servers: 256-bit tokens from the OS's random source; SHA-256 digests. */
export const nodeSecrets: Secrets = {
  randomToken: () => randomBytes(32).toString('base64url'),
  digest: (text) => createHash('sha256').update(text).digest('hex'),
}
