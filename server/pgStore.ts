import type { AuditEntry, AuditFilter } from '../src/domain/audit'
import type { Message, MessageDraft } from '../src/domain/messages'
import { ApiError } from '../src/api/errors'
import type { Booking, Clinic, SlotBooking } from '../src/domain/clinic'
import type { Application, Posting } from '../src/domain/jobs'
import type { RoleChange } from '../src/domain/roles'
import { normalisePhone } from '../src/domain/validation'
import type { Wish } from '../src/domain/wish'
import type { CommunityRecord, GridRecord, IdempotencyRecord, SessionRecord, UserRecord } from '../backend/records'
import type { Keyed, ReadOptions, Repository, ResidentFilter, Scan, Store, WishScanFilter } from '../backend/store'
import type { SqlConnection, SqlDatabase } from './sql'

/** Remembered answers are kept 2 days: the contract promises at least 24 hours. */
export const IDEMPOTENCY_KEEP_MS = 2 * 24 * 3600 * 1000

type Row = Record<string, unknown>

const json = (value: unknown) => JSON.stringify(value)
const lock = (options?: ReadOptions) => (options?.forUpdate ? ' FOR UPDATE' : '')
const docs = <T>(rows: Row[]) => rows.map((r) => r.doc as T)
const keyed = <T>(rows: Row[]): Keyed<T>[] => rows.map((r) => ({ record: r.doc as T, cursor: String(r.cursor) }))
/** Keyset paging: newest first, strictly older than the cursor. */
const after = (scan: Scan) => (scan.after === null ? null : Number(scan.after))

function userFromRow(row: Row | undefined): UserRecord | null {
  if (!row) return null
  return {
    id: row.id as string,
    name: row.name as string,
    phone: row.phone as string,
    role: row.role as UserRecord['role'],
    gridCode: (row.grid_code as string | null) ?? null,
    openid: (row.openid as string | null) ?? null,
    closedAt: (row.closed_at as string | null) ?? null,
  }
}

/** The patient as the one-booking-per-patient index sees them (the domain's samePatient). */
const patientKey = (b: Booking) => `${b.patientName.trim()}|${normalisePhone(b.phone)}`

const USER_COLUMNS = 'id, name, phone, role, grid_code, openid, closed_at'

/**
 * The repository over one PostgreSQL connection inside a transaction. Every
 * statement is parameterised; the columns the rules count and filter on are
 * kept beside each record's JSON.
 */
class PgRepository implements Repository {
  constructor(private readonly db: SqlConnection) {}

  private async rows(text: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(text, params)).rows
  }

  async newId(prefix: string) {
    const [row] = await this.rows("SELECT nextval('record_ids')::text AS n")
    return `${prefix}${row.n}`
  }

  async getUser(id: string, options?: ReadOptions) {
    return userFromRow((await this.rows(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1${lock(options)}`, [id]))[0])
  }
  async findUserByPhone(phone: string) {
    if (!phone) return null
    return userFromRow((await this.rows(`SELECT ${USER_COLUMNS} FROM users WHERE phone = $1`, [phone]))[0])
  }
  async findUserByOpenid(openid: string) {
    return userFromRow((await this.rows(`SELECT ${USER_COLUMNS} FROM users WHERE openid = $1`, [openid]))[0])
  }
  async insertUser(u: UserRecord) {
    await this.rows('INSERT INTO users (id, name, phone, role, grid_code, openid, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [u.id, u.name, u.phone, u.role, u.gridCode, u.openid ?? null, u.closedAt ?? null])
  }
  async updateUser(u: UserRecord) {
    await this.rows('UPDATE users SET name = $2, phone = $3, role = $4, grid_code = $5, openid = $6, closed_at = $7 WHERE id = $1', [u.id, u.name, u.phone, u.role, u.gridCode, u.openid ?? null, u.closedAt ?? null])
  }
  async listResidents({ gridCode, q, limit }: ResidentFilter) {
    const rows = await this.rows(
      `SELECT ${USER_COLUMNS} FROM users
       WHERE role IN ('resident', 'elder') AND grid_code IS NOT NULL AND closed_at IS NULL
         AND ($1::text IS NULL OR grid_code = $1)
         AND ($2 = '' OR strpos(name, $2) > 0 OR ($2 ~ '^[0-9]{4}$' AND right(phone, 4) = $2))
       ORDER BY seq LIMIT $3`,
      [gridCode, q, limit],
    )
    return rows.map((r) => userFromRow(r)!)
  }
  async listAccounts({ q, limit }: { q: string; limit: number }) {
    const rows = await this.rows(
      `SELECT ${USER_COLUMNS} FROM users
       WHERE closed_at IS NULL AND ($1 = '' OR strpos(name, $1) > 0 OR ($1 ~ '^[0-9]{4}$' AND right(phone, 4) = $1))
       ORDER BY seq LIMIT $2`,
      [q, limit],
    )
    return rows.map((r) => userFromRow(r)!)
  }
  async insertRoleChange(c: RoleChange) {
    await this.rows('INSERT INTO role_changes (id, user_id, doc) VALUES ($1, $2, $3)', [c.id, c.userId, json(c)])
  }
  async listRoleChanges(userId: string) {
    return docs<RoleChange>(await this.rows('SELECT doc FROM role_changes WHERE user_id = $1 ORDER BY seq DESC', [userId]))
  }
  async insertSession(s: SessionRecord) {
    await this.rows('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [s.tokenHash, s.userId, new Date(s.expiresAt)])
  }
  async getSessionUser(tokenHash: string, now: number) {
    const rows = await this.rows(
      `SELECT ${USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ')} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.closed_at IS NULL`,
      [tokenHash, new Date(now)],
    )
    return userFromRow(rows[0])
  }
  async deleteSession(tokenHash: string) {
    await this.rows('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])
  }
  async deleteSessionsOf(userId: string) {
    await this.rows('DELETE FROM sessions WHERE user_id = $1', [userId])
  }
  async deleteIdempotencyOf(userId: string) {
    await this.rows('DELETE FROM idempotency WHERE user_id = $1', [userId])
  }
  async deleteMessagesOf(accountId: string) {
    await this.rows('DELETE FROM messages WHERE account_id = $1', [accountId])
  }

  async listCommunities() {
    return (await this.rows('SELECT code, name FROM communities ORDER BY seq')) as unknown as CommunityRecord[]
  }
  async listGrids() {
    return docs<GridRecord>(await this.rows('SELECT doc FROM grids ORDER BY seq'))
  }
  async getGrid(code: string) {
    return docs<GridRecord>(await this.rows('SELECT doc FROM grids WHERE code = $1', [code]))[0] ?? null
  }
  async insertCommunity(c: CommunityRecord) {
    await this.rows('INSERT INTO communities (code, name) VALUES ($1, $2)', [c.code, c.name])
  }
  async insertGrid(g: GridRecord) {
    await this.rows('INSERT INTO grids (code, community_code, doc) VALUES ($1, $2, $3)', [g.code, g.communityCode, json(g)])
  }
  async upsertCommunity(c: CommunityRecord) {
    await this.rows('INSERT INTO communities (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name', [c.code, c.name])
  }
  async upsertGrid(g: GridRecord) {
    await this.rows('INSERT INTO grids (code, community_code, doc) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET community_code = EXCLUDED.community_code, doc = EXCLUDED.doc', [
      g.code,
      g.communityCode,
      json(g),
    ])
  }

  async getWish(id: string, options?: ReadOptions) {
    return docs<Wish>(await this.rows(`SELECT doc FROM wishes WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertWish(w: Wish) {
    await this.rows('INSERT INTO wishes (id, owner_id, grid_code, status, category, claimed_by, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      w.id,
      w.ownerId,
      w.gridCode,
      w.status,
      w.category,
      w.claimedBy,
      json(w),
    ])
  }
  async updateWish(w: Wish) {
    await this.rows('UPDATE wishes SET status = $2, claimed_by = $3, doc = $4 WHERE id = $1', [w.id, w.status, w.claimedBy, json(w)])
  }
  async listActiveWishesOf(ownerId: string) {
    return docs<Wish>(await this.rows("SELECT doc FROM wishes WHERE owner_id = $1 AND status IN ('pending_review', 'open', 'claimed')", [ownerId]))
  }
  async scanWishes(filter: WishScanFilter, scan: Scan) {
    const page = 'AND ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2'
    const base = [after(scan), scan.limit]
    switch (filter.kind) {
      case 'owner':
        return keyed<Wish>(await this.rows(`SELECT doc, seq AS cursor FROM wishes WHERE owner_id = $3 ${page}`, [...base, filter.ownerId]))
      case 'open':
        return keyed<Wish>(
          await this.rows(`SELECT doc, seq AS cursor FROM wishes WHERE grid_code = $3 AND status = 'open' AND ($4::text IS NULL OR category = $4) ${page}`, [
            ...base,
            filter.gridCode,
            filter.category ?? null,
          ]),
        )
      case 'review':
        return keyed<Wish>(await this.rows(`SELECT doc, seq AS cursor FROM wishes WHERE status = 'pending_review' ${page}`, base))
    }
  }
  async listWishesClaimedBy(volunteerId: string) {
    return docs<Wish>(await this.rows('SELECT doc FROM wishes WHERE claimed_by = $1 ORDER BY seq DESC', [volunteerId]))
  }

  async listClinicsFrom(date: string, specialty?: string) {
    return docs<Clinic>(await this.rows('SELECT doc FROM clinics WHERE date >= $1 AND ($2::text IS NULL OR specialty = $2) ORDER BY seq', [date, specialty ?? null]))
  }
  async getClinics(ids: string[]) {
    if (ids.length === 0) return []
    return docs<Clinic>(await this.rows('SELECT doc FROM clinics WHERE id = ANY($1::text[])', [ids]))
  }
  async getClinic(id: string, options?: ReadOptions) {
    return docs<Clinic>(await this.rows(`SELECT doc FROM clinics WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertClinic(c: Clinic) {
    await this.rows('INSERT INTO clinics (id, date, specialty, doc) VALUES ($1, $2, $3, $4)', [c.id, c.date, c.specialty, json(c)])
  }
  async updateClinic(c: Clinic) {
    await this.rows('UPDATE clinics SET date = $2, specialty = $3, doc = $4 WHERE id = $1', [c.id, c.date, c.specialty, json(c)])
  }
  async getBooking(id: string, options?: ReadOptions) {
    return docs<Booking>(await this.rows(`SELECT doc FROM bookings WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async listBookingsOfClinic(clinicId: string) {
    return docs<Booking>(await this.rows('SELECT doc FROM bookings WHERE clinic_id = $1 ORDER BY seq', [clinicId]))
  }
  async listSlotBookings(clinicId: string): Promise<SlotBooking[]> {
    const rows = await this.rows(
      "SELECT slot_id, status, doc->'queueNumber' AS queue, doc->>'patientName' AS name, doc->>'phone' AS phone FROM bookings WHERE clinic_id = $1 ORDER BY seq",
      [clinicId],
    )
    return rows.map((r) => ({
      slotId: r.slot_id as string,
      status: r.status as Booking['status'],
      queueNumber: (r.queue as number | null) ?? null,
      patientName: r.name as string,
      phone: r.phone as string,
    }))
  }
  async listBookingsOfAccount(accountId: string) {
    return docs<Booking>(await this.rows('SELECT doc FROM bookings WHERE account_id = $1 ORDER BY seq', [accountId]))
  }
  async insertBooking(b: Booking) {
    await this.rows('INSERT INTO bookings (id, clinic_id, slot_id, account_id, status, patient_key, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      b.id,
      b.clinicId,
      b.slotId,
      b.accountId,
      b.status,
      patientKey(b),
      json(b),
    ])
  }
  async updateBooking(b: Booking) {
    await this.rows('UPDATE bookings SET status = $2, doc = $3 WHERE id = $1', [b.id, b.status, json(b)])
  }

  async getPosting(id: string, options?: ReadOptions) {
    return docs<Posting>(await this.rows(`SELECT doc FROM postings WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertPosting(p: Posting) {
    await this.rows('INSERT INTO postings (id, status, expires_on, doc) VALUES ($1, $2, $3, $4)', [p.id, p.status, p.expiresOn, json(p)])
  }
  async updatePosting(p: Posting) {
    await this.rows('UPDATE postings SET status = $2, expires_on = $3, doc = $4 WHERE id = $1', [p.id, p.status, p.expiresOn, json(p)])
  }
  async scanPostings(filter: { listedOn: string | null }, scan: Scan) {
    return keyed<Posting>(
      await this.rows(
        `SELECT doc, seq AS cursor FROM postings
         WHERE ($3::text IS NULL OR (status = 'open' AND expires_on >= $3))
           AND ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2`,
        [after(scan), scan.limit, filter.listedOn],
      ),
    )
  }
  async getApplication(id: string, options?: ReadOptions) {
    return docs<Application>(await this.rows(`SELECT doc FROM applications WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async findApplication(postingId: string, applicantId: string) {
    return docs<Application>(await this.rows('SELECT doc FROM applications WHERE posting_id = $1 AND applicant_id = $2', [postingId, applicantId]))[0] ?? null
  }
  async listApplicationsOfPosting(postingId: string) {
    return docs<Application>(await this.rows('SELECT doc FROM applications WHERE posting_id = $1 ORDER BY seq', [postingId]))
  }
  async listApplicationsOfApplicant(applicantId: string) {
    return docs<Application>(await this.rows('SELECT doc FROM applications WHERE applicant_id = $1 ORDER BY seq DESC', [applicantId]))
  }
  async insertApplication(a: Application) {
    await this.rows('INSERT INTO applications (id, posting_id, applicant_id, doc) VALUES ($1, $2, $3, $4)', [a.id, a.postingId, a.applicantId, json(a)])
  }
  async updateApplication(a: Application) {
    await this.rows('UPDATE applications SET doc = $2 WHERE id = $1', [a.id, json(a)])
  }

  async loadStatsInput() {
    const [wishes, bookings, applications, users] = [
      docs<Wish>(await this.rows('SELECT doc FROM wishes ORDER BY seq')),
      docs<Booking>(await this.rows('SELECT doc FROM bookings ORDER BY seq')),
      docs<Application>(await this.rows('SELECT doc FROM applications ORDER BY seq')),
      await this.rows('SELECT id, grid_code FROM users'),
    ]
    const gridOfUser: Record<string, string | null> = {}
    for (const u of users) gridOfUser[u.id as string] = (u.grid_code as string | null) ?? null
    return { wishes, bookings, applications, gridOfUser }
  }

  async claimIdempotencyKey(userId: string, key: string, fingerprint: string, now: number) {
    // Insert first: a second request with the key waits here until the first
    // one's transaction ends, then finds its stored answer below.
    const inserted = await this.rows(
      'INSERT INTO idempotency (user_id, key, fingerprint, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key',
      [userId, key, fingerprint, new Date(now)],
    )
    if (inserted.length) return null
    const [row] = await this.rows('SELECT fingerprint, status, body, created_at FROM idempotency WHERE user_id = $1 AND key = $2 FOR UPDATE', [userId, key])
    const createdAt = (row.created_at as Date).getTime()
    if (row.status === null || createdAt <= now - IDEMPOTENCY_KEEP_MS) {
      // Past its time (or never answered): the key starts afresh with this write.
      await this.rows('UPDATE idempotency SET fingerprint = $3, status = NULL, body = NULL, created_at = $4 WHERE user_id = $1 AND key = $2', [userId, key, fingerprint, new Date(now)])
      return null
    }
    return { userId, key, fingerprint: row.fingerprint as string, status: Number(row.status), body: row.body, createdAt } satisfies IdempotencyRecord
  }
  async saveIdempotencyAnswer(r: IdempotencyRecord) {
    await this.rows('UPDATE idempotency SET status = $3, body = $4 WHERE user_id = $1 AND key = $2', [r.userId, r.key, r.status, json(r.body)])
  }

  async insertMessages(drafts: MessageDraft[]) {
    for (const draft of drafts) {
      const id = await this.newId('m')
      const message: Message = { ...draft, id, readAt: null }
      await this.rows(
        'INSERT INTO messages (id, account_id, event_key, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, event_key) DO NOTHING',
        [id, draft.accountId, draft.eventKey, json(message)],
      )
    }
  }
  async scanMessages(accountId: string, scan: Scan) {
    return keyed<Message>(
      await this.rows(
        `SELECT doc || jsonb_build_object('readAt', read_at) AS doc, seq AS cursor
         FROM messages WHERE account_id = $3 AND ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2`,
        [after(scan), scan.limit, accountId],
      ),
    )
  }
  async countUnreadMessages(accountId: string) {
    const [row] = await this.rows('SELECT count(*)::int AS n FROM messages WHERE account_id = $1 AND read_at IS NULL', [accountId])
    return Number(row.n)
  }
  async markMessagesRead(accountId: string, ids: string[] | null, at: string) {
    await this.rows('UPDATE messages SET read_at = $3 WHERE account_id = $1 AND read_at IS NULL AND ($2::text[] IS NULL OR id = ANY($2))', [accountId, ids, at])
  }

  async insertAudit(entry: Omit<AuditEntry, 'id'>) {
    await this.rows('INSERT INTO audit_log (at, actor_id, resident_id, doc) VALUES ($1, $2, $3, $4)', [entry.at, entry.actor.id, entry.resident?.id ?? null, json(entry)])
  }
  async scanAudit(filter: AuditFilter, scan: Scan) {
    return keyed<AuditEntry>(
      await this.rows(
        `SELECT doc || jsonb_build_object('id', 'a' || seq) AS doc, seq AS cursor FROM audit_log
         WHERE ($1::bigint IS NULL OR seq < $1)
           AND ($3::text IS NULL OR actor_id = $3 OR resident_id = $3)
           AND ($4::text IS NULL OR left(at, 10) >= $4) AND ($5::text IS NULL OR left(at, 10) <= $5)
         ORDER BY seq DESC LIMIT $2`,
        [after(scan), scan.limit, filter.accountId, filter.from, filter.to],
      ),
    )
  }

  async wipeRecords() {
    await this.rows('TRUNCATE messages, applications, postings, bookings, clinics, wishes, grids, communities')
  }
}

const RETRYABLE = new Set(['40001', '40P01'])
const UNIQUE_VIOLATION = '23505'

/**
 * The PostgreSQL store: each transaction on a connection of its own, in READ
 * COMMITTED; races are decided by row locks and unique indexes. A deadlock
 * or serialisation failure is retried; a unique violation (the last line
 * behind a rule) answers CONFLICT.
 */
export class PgStore implements Store {
  constructor(private readonly database: SqlDatabase) {}

  /**
   * `advisoryLock` makes transactions with the same number wait for each
   * other (two processes seeding one empty database at the same moment).
   */
  async transaction<T>(fn: (repo: Repository) => Promise<T>, options: { readOnly?: boolean; advisoryLock?: number } = {}): Promise<T> {
    const conn = await this.database.connect()
    try {
      // Reads run statement by statement: no BEGIN/COMMIT round trips.
      if (options.readOnly) return await fn(new PgRepository(conn))
      for (let attempt = 1; ; attempt++) {
        await conn.query('BEGIN')
        try {
          if (options.advisoryLock !== undefined) await conn.query('SELECT pg_advisory_xact_lock($1)', [options.advisoryLock])
          const result = await fn(new PgRepository(conn))
          await conn.query('COMMIT')
          return result
        } catch (error) {
          await conn.query('ROLLBACK')
          const code = (error as { code?: string }).code
          if (code && RETRYABLE.has(code) && attempt < 3) continue
          if (code === UNIQUE_VIOLATION) throw new ApiError('CONFLICT', '这项记录已经存在，请刷新后查看')
          throw error
        }
      }
    } finally {
      conn.release()
    }
  }

  /** Forgets sessions and remembered answers past their time. */
  async purgeExpired(now: number): Promise<void> {
    const conn = await this.database.connect()
    try {
      await conn.query('DELETE FROM sessions WHERE expires_at <= $1', [new Date(now)])
      await conn.query('DELETE FROM idempotency WHERE created_at <= $1', [new Date(now - IDEMPOTENCY_KEEP_MS)])
    } finally {
      conn.release()
    }
  }

  /** How many rows each table holds (operators' status, and tests that count records). */
  async tableCounts(): Promise<Record<string, number>> {
    const conn = await this.database.connect()
    try {
      const counts: Record<string, number> = {}
      for (const table of ['users', 'sessions', 'wishes', 'clinics', 'bookings', 'postings', 'applications', 'idempotency']) {
        const { rows } = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
        counts[table] = Number(rows[0].n)
      }
      return counts
    } finally {
      conn.release()
    }
  }

  /** Demo and tests: every record gone, ids counting from the start again. */
  async truncateAll(): Promise<void> {
    const conn = await this.database.connect()
    try {
      await conn.query('TRUNCATE audit_log, messages, role_changes, applications, postings, bookings, clinics, wishes, grids, communities, idempotency, sessions, users')
      await conn.query('ALTER SEQUENCE record_ids RESTART WITH 1001')
    } finally {
      conn.release()
    }
  }

  close(): Promise<void> {
    return this.database.close()
  }
}
