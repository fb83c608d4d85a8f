import type { CardColour, DemoAccount, Grid, User } from '../src/api/types'
import type { Booking, ClinicSession } from '../src/domain/clinic'
import type { Application, Posting } from '../src/domain/jobs'
import type { Wish } from '../src/domain/wish'

export interface CommunityRecord {
  code: string
  name: string
}

export interface GridRecord extends Grid {
  hotline: string
  colours: CardColour[]
  updatedAt: string
}

export interface IdempotencyRecord {
  key: string
  fingerprint: string
  status: number
  body: unknown
}

/** The whole mock database: plain JSON, so it can be persisted as it is. */
export interface DbState {
  schema: number
  users: User[]
  demoAccounts: DemoAccount[]
  /** token → user id */
  sessions: Record<string, string>
  communities: CommunityRecord[]
  grids: GridRecord[]
  /** In creation order, so newest-first lists read it backwards. */
  wishes: Wish[]
  clinics: ClinicSession[]
  bookings: Booking[]
  /** In publishing order, so newest-first lists read it backwards. */
  postings: Posting[]
  applications: Application[]
  idempotency: IdempotencyRecord[]
  /** Source of record ids and tokens. */
  seq: number
}

/** Bump when the shape or the seed changes: older stored data is replaced by the seed. */
export const SCHEMA_VERSION = 4
