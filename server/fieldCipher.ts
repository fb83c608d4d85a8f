/**
 * Encryption at rest of the personal details the PostgreSQL store holds
 * (phone numbers, home addresses, clinic symptoms, remembered answers):
 * AES-256-GCM with a fresh 96-bit IV per value, from Node's crypto. A sealed
 * value names the key that sealed it, so a rotation can open old values with
 * the previous key while sealing with the new one. Look-ups (a phone number,
 * one patient per clinic) use a keyed hash (HMAC-SHA256) with a key derived
 * from the data key, so the database never sees the number itself.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'crypto'

const PREFIX = 'enc1'

interface Key {
  id: string
  secret: Buffer
}

const keyOf = (secret: Buffer): Key => ({ id: createHash('sha256').update(secret).digest('hex').slice(0, 8), secret })

export class FieldCipher {
  private readonly current: Key
  private readonly known: Map<string, Key>
  private readonly lookupKey: Buffer

  /** `keys`: the current 32-byte key first, then any previous ones (only to open old values). */
  constructor(keys: Buffer[]) {
    if (keys.length === 0 || keys.some((k) => k.length !== 32)) throw new Error('data keys must be 32 bytes each')
    const all = keys.map(keyOf)
    this.current = all[0]
    this.known = new Map(all.map((k) => [k.id, k]))
    this.lookupKey = Buffer.from(hkdfSync('sha256', this.current.secret, Buffer.alloc(0), 'dongan lookup hash', 32))
  }

  /** The id of the key new values are sealed with. */
  get keyId(): string {
    return this.current.id
  }

  seal(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.current.secret, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return [PREFIX, this.current.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.')
  }

  /** The plain value; a value never sealed (written before encryption) comes back as it is. */
  open(value: string): string {
    if (!FieldCipher.isSealed(value)) return value
    const [, keyId, iv, tag, body] = value.split('.')
    const key = this.known.get(keyId)
    if (!key) throw new Error(`a value is sealed with key ${keyId}, which is not configured (DATA_KEY_PREVIOUS?)`)
    const decipher = createDecipheriv('aes-256-gcm', key.secret, Buffer.from(iv, 'base64'))
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
  }

  /** Whether a stored value is sealed with the current key (a rotation reseals the others). */
  isCurrent(value: string): boolean {
    return FieldCipher.isSealed(value) && value.split('.')[1] === this.current.id
  }

  /** A keyed hash for equality look-ups; empty stays empty (no number to find). */
  lookupHash(plain: string): string {
    return plain ? createHmac('sha256', this.lookupKey).update(plain).digest('base64url') : ''
  }

  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(`${PREFIX}.`) && value.split('.').length === 5
  }
}

/** A data key from its base64 form, as DATA_KEY and DATA_KEY_PREVIOUS hold it. */
export function dataKeyFrom(base64: string, name: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64')
  if (key.length !== 32) throw new Error(`${name} must be 32 random bytes in base64 (e.g. openssl rand -base64 32), got ${key.length} bytes`)
  return key
}
