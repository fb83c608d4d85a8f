import type { CardColour, Grid, User } from '../src/api/types'

/** An account as stored: the user the API shows, and the WeChat identity behind it. */
export interface UserRecord extends User {
  /** WeChat's openid once the account signed in with WeChat; null for accounts made through 代办. */
  openid?: string | null
  /** Set when the person closed the account (注销账号): it can no longer sign in and its details are erased. */
  closedAt?: string | null
}

export interface CommunityRecord {
  code: string
  name: string
}

export interface GridRecord extends Grid {
  hotline: string
  colours: CardColour[]
  updatedAt: string
}

/** A signed-in session: only the hash of its token is ever stored. */
export interface SessionRecord {
  tokenHash: string
  userId: string
  /** Epoch milliseconds. */
  expiresAt: number
}

/** The remembered answer of a write, per user and key. */
export interface IdempotencyRecord {
  userId: string
  key: string
  fingerprint: string
  status: number
  body: unknown
  /** Epoch milliseconds. */
  createdAt: number
}

/** The API's view of an account: never its openid. */
export function userOf(record: UserRecord): User {
  const { id, name, phone, role, gridCode, partyMember } = record
  return { id, name, phone, role, gridCode, ...(partyMember ? { partyMember } : {}) }
}

/** A photo as the database knows it: its bytes live in PhotoFiles (backend/photoFiles.ts). */
export interface PhotoRecord {
  id: string
  /** The account that uploaded it: the helper, in 代办. */
  ownerId: string
  /** The wish it belongs to; null until a posted wish takes it. */
  wishId: string | null
  type: 'image/jpeg' | 'image/png'
  size: number
  /** China time, ISO 8601. */
  createdAt: string
  /** WeChat's media check: not asked, waiting for its answer, or its answer. */
  verdict: 'unchecked' | 'checking' | 'pass' | 'risky'
  /** The check's trace id, by which WeChat's answer finds the photo. */
  checkTrace: string | null
}
