import type { AuditEntry, AuditFilter } from '../src/domain/audit'
import type { Message, MessageDraft } from '../src/domain/messages'
import { ApiError } from '../src/api/errors'
import type { Booking, Clinic, SlotBooking } from '../src/domain/clinic'
import type { Application, Posting } from '../src/domain/jobs'
import type { Matter } from '../src/domain/matters'
import type { MediationBooking, MediationSlot } from '../src/domain/mediation'
import type { Meeting } from '../src/domain/meetings'
import type { StationMember } from '../src/domain/station'
import type { Activity, Certificate, SignUp } from '../src/domain/activity'
import type { Closure, Room, RoomBooking, RoomVisit } from '../src/domain/rooms'
import type { RoleChange } from '../src/domain/roles'
import { normalisePhone } from '../src/domain/validation'
import type { Wish } from '../src/domain/wish'
import { activityFactOf, matterFactOf, mediationFactOf, participationOf } from '../src/domain/stats'
import type { CommunityRecord, GridRecord, IdempotencyRecord, PhotoRecord, SessionRecord, UserRecord } from '../backend/records'
import type { Keyed, MatterScanFilter, ReadOptions, Repository, ResidentFilter, Scan, Store, SubscribeGrant, WishScanFilter } from '../backend/store'
import { pageOf, subscribeData, subscribeKindOf } from '../src/domain/subscribe'
import type { SubscribeConfig } from './config'
import { FieldCipher } from './fieldCipher'
import type { SqlConnection, SqlDatabase } from './sql'

/** A subscribe message claimed by a worker. */
export interface OutboxItem {
  id: string
  eventKey: string
  openid: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  /** Which claim this is (1 for the first): the fence of markOutboxSent and markOutboxUnsent. */
  attempt: number
}

/** Remembered answers are kept 2 days: the contract promises at least 24 hours. */
export const IDEMPOTENCY_KEEP_MS = 2 * 24 * 3600 * 1000
/** Sent and failed subscribe messages are kept 30 days (what was sent, for questions), then forgotten. */
const OUTBOX_KEEP_MS = 30 * 24 * 3600 * 1000

type Row = Record<string, unknown>

const json = (value: unknown) => JSON.stringify(value)
const lock = (options?: ReadOptions) => (options?.forUpdate ? ' FOR UPDATE' : '')
const docs = <T>(rows: Row[]) => rows.map((r) => r.doc as T)
const keyed = <T>(rows: Row[]): Keyed<T>[] => rows.map((r) => ({ record: r.doc as T, cursor: String(r.cursor) }))
/** Keyset paging: newest first, strictly older than the cursor. */
const after = (scan: Scan) => (scan.after === null ? null : Number(scan.after))

/** An account from its row; the phone is opened by the caller's cipher. */
function userFromRow(row: Row | undefined, cipher: FieldCipher): UserRecord | null {
  if (!row) return null
  return {
    id: row.id as string,
    name: row.name as string,
    phone: cipher.open(row.phone as string),
    role: row.role as UserRecord['role'],
    gridCode: (row.grid_code as string | null) ?? null,
    openid: (row.openid as string | null) ?? null,
    closedAt: (row.closed_at as string | null) ?? null,
    ...(row.party_member ? { partyMember: true } : {}),
  }
}

/**
 * The patient as the one-booking-per-patient index sees them (the domain's
 * samePatient), as a keyed hash; a booking erased by 注销账号 has no patient
 * left, so its key is its own.
 */
const patientKey = (b: Booking, cipher: FieldCipher) =>
  cipher.lookupHash(b.phone ? `${b.patientName.trim()}|${normalisePhone(b.phone)}` : `erased|${b.id}`)

/** What the store writes of a record: its personal details sealed (src/domain types describe the opened form). */
const sealedText = (cipher: FieldCipher, value: string) => (value ? cipher.seal(value) : '')
const openedText = (cipher: FieldCipher, value: unknown) => (typeof value === 'string' ? cipher.open(value) : '')

function sealWish(w: Wish, cipher: FieldCipher) {
  return { ...w, phone: sealedText(cipher, w.phone), address: cipher.seal(JSON.stringify(w.address)) }
}
function openWish(doc: Row, cipher: FieldCipher): Wish {
  const address = typeof doc.address === 'string' ? JSON.parse(cipher.open(doc.address)) : doc.address
  return { ...(doc as unknown as Wish), phone: openedText(cipher, doc.phone), address }
}
function sealBooking(b: Booking, cipher: FieldCipher) {
  return { ...b, phone: sealedText(cipher, b.phone), symptoms: sealedText(cipher, b.symptoms) }
}
function openBooking(doc: Row, cipher: FieldCipher): Booking {
  return { ...(doc as unknown as Booking), phone: openedText(cipher, doc.phone), symptoms: openedText(cipher, doc.symptoms) }
}
/** A dispute told privately, and the phone: sealed like a patient's symptoms. */
function sealMediation(b: MediationBooking, cipher: FieldCipher) {
  return { ...b, phone: sealedText(cipher, b.phone), description: sealedText(cipher, b.description) }
}
function openMediation(doc: Row, cipher: FieldCipher): MediationBooking {
  return { ...(doc as unknown as MediationBooking), phone: openedText(cipher, doc.phone), description: openedText(cipher, doc.description) }
}
function sealApplication(a: Application, cipher: FieldCipher) {
  return { ...a, phone: sealedText(cipher, a.phone) }
}
function openApplication(doc: Row, cipher: FieldCipher): Application {
  return { ...(doc as unknown as Application), phone: openedText(cipher, doc.phone) }
}

const PHOTO_COLUMNS = 'id, owner_id, wish_id, type, size, created_at, verdict, check_trace'
function photoFromRow(row: Row | undefined): PhotoRecord | null {
  if (!row) return null
  const { id, owner_id, wish_id, type, size, created_at, verdict, check_trace } = row as Record<string, string | null>
  return { id: id!, ownerId: owner_id!, wishId: wish_id, type: type as PhotoRecord['type'], size: Number(size), createdAt: created_at!, verdict: verdict as PhotoRecord['verdict'], checkTrace: check_trace }
}

const USER_COLUMNS = 'id, name, phone, role, grid_code, openid, closed_at, party_member'
/** The last four digits, kept beside the sealed number so staff can find "…1234". */
const last4 = (phone: string) => phone.slice(-4)

/**
 * The repository over one PostgreSQL connection inside a transaction. Every
 * statement is parameterised; the columns the rules count and filter on are
 * kept beside each record's JSON.
 */
class PgRepository implements Repository {
  constructor(
    private readonly db: SqlConnection,
    private readonly cipher: FieldCipher,
    private readonly subscribe: SubscribeConfig | null,
  ) {}

  private user(row: Row | undefined) {
    return userFromRow(row, this.cipher)
  }
  private wishes(rows: Row[]) {
    return rows.map((r) => openWish(r.doc as Row, this.cipher))
  }
  private bookings(rows: Row[]) {
    return rows.map((r) => openBooking(r.doc as Row, this.cipher))
  }
  private applications(rows: Row[]) {
    return rows.map((r) => openApplication(r.doc as Row, this.cipher))
  }

  private async rows(text: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(text, params)).rows
  }

  async newId(prefix: string) {
    const [row] = await this.rows("SELECT nextval('record_ids')::text AS n")
    return `${prefix}${row.n}`
  }

  async getUser(id: string, options?: ReadOptions) {
    return this.user((await this.rows(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1${lock(options)}`, [id]))[0])
  }
  async findUserByPhone(phone: string) {
    if (!phone) return null
    return this.user((await this.rows(`SELECT ${USER_COLUMNS} FROM users WHERE phone_hash = $1`, [this.cipher.lookupHash(phone)]))[0])
  }
  async findUserByOpenid(openid: string) {
    return this.user((await this.rows(`SELECT ${USER_COLUMNS} FROM users WHERE openid = $1`, [openid]))[0])
  }
  /** The row of an account, in the column order insertUser and updateUser write: the phone sealed, its hash and last four beside it. */
  private userRow(u: UserRecord): unknown[] {
    const phone = u.phone
    return [u.id, u.name, sealedText(this.cipher, phone), u.role, u.gridCode, u.openid ?? null, u.closedAt ?? null, this.cipher.lookupHash(phone), last4(phone), u.partyMember === true]
  }
  async insertUser(u: UserRecord) {
    await this.rows('INSERT INTO users (id, name, phone, role, grid_code, openid, closed_at, phone_hash, phone_last4, party_member) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', this.userRow(u))
  }
  async updateUser(u: UserRecord) {
    await this.rows('UPDATE users SET name = $2, phone = $3, role = $4, grid_code = $5, openid = $6, closed_at = $7, phone_hash = $8, phone_last4 = $9, party_member = $10 WHERE id = $1', this.userRow(u))
  }
  async listResidents({ gridCode, q, limit }: ResidentFilter) {
    const rows = await this.rows(
      `SELECT ${USER_COLUMNS} FROM users
       WHERE role IN ('resident', 'elder') AND grid_code IS NOT NULL AND closed_at IS NULL
         AND ($1::text IS NULL OR grid_code = $1)
         AND ($2 = '' OR strpos(name, $2) > 0 OR ($2 ~ '^[0-9]{4}$' AND phone_last4 = $2))
       ORDER BY seq LIMIT $3`,
      [gridCode, q, limit],
    )
    return rows.map((r) => this.user(r)!)
  }
  async listAccounts({ q, limit }: { q: string; limit: number }) {
    const rows = await this.rows(
      `SELECT ${USER_COLUMNS} FROM users
       WHERE closed_at IS NULL AND ($1 = '' OR strpos(name, $1) > 0 OR ($1 ~ '^[0-9]{4}$' AND phone_last4 = $1))
       ORDER BY seq LIMIT $2`,
      [q, limit],
    )
    return rows.map((r) => this.user(r)!)
  }
  async listVolunteersOf(gridCode: string) {
    return (await this.rows("SELECT id FROM users WHERE role = 'volunteer' AND grid_code = $1 AND closed_at IS NULL ORDER BY seq", [gridCode])).map((r) => r.id as string)
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
    return this.user(rows[0])
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
    return this.wishes(await this.rows(`SELECT doc FROM wishes WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertWish(w: Wish) {
    await this.rows('INSERT INTO wishes (id, owner_id, grid_code, status, category, claimed_by, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      w.id,
      w.ownerId,
      w.gridCode,
      w.status,
      w.category,
      w.claimedBy,
      json(sealWish(w, this.cipher)),
    ])
  }
  async updateWish(w: Wish) {
    await this.rows('UPDATE wishes SET status = $2, claimed_by = $3, doc = $4 WHERE id = $1', [w.id, w.status, w.claimedBy, json(sealWish(w, this.cipher))])
  }
  async listActiveWishesOf(ownerId: string) {
    return this.wishes(await this.rows("SELECT doc FROM wishes WHERE owner_id = $1 AND status IN ('pending_review', 'open', 'claimed')", [ownerId]))
  }
  async scanWishes(filter: WishScanFilter, scan: Scan): Promise<Keyed<Wish>[]> {
    const page = 'AND ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2'
    const base = [after(scan), scan.limit]
    const [condition, params]: [string, unknown[]] =
      filter.kind === 'owner'
        ? ['owner_id = $3', [filter.ownerId]]
        : filter.kind === 'open'
          ? ["grid_code = $3 AND status = 'open' AND ($4::text IS NULL OR category = $4)", [filter.gridCode, filter.category ?? null]]
          : ["status = 'pending_review'", []]
    const rows = await this.rows(`SELECT doc, seq AS cursor FROM wishes WHERE ${condition} ${page}`, [...base, ...params])
    return rows.map((r) => ({ record: openWish(r.doc as Row, this.cipher), cursor: String(r.cursor) }))
  }
  async listWishesClaimedBy(volunteerId: string) {
    return this.wishes(await this.rows('SELECT doc FROM wishes WHERE claimed_by = $1 ORDER BY seq DESC', [volunteerId]))
  }
  async listCompletedWishes(from: number, to: number) {
    return this.wishes(
      await this.rows("SELECT doc FROM wishes WHERE status = 'completed' AND (doc->>'completedAt')::timestamptz BETWEEN $1 AND $2 ORDER BY seq", [new Date(from), new Date(to)]),
    )
  }

  async insertPhoto(p: PhotoRecord) {
    await this.db.query('INSERT INTO photos (id, owner_id, wish_id, type, size, created_at, verdict, check_trace) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      p.id,
      p.ownerId,
      p.wishId,
      p.type,
      p.size,
      p.createdAt,
      p.verdict,
      p.checkTrace,
    ])
  }
  async getPhoto(id: string, options?: ReadOptions) {
    return photoFromRow((await this.rows(`SELECT ${PHOTO_COLUMNS} FROM photos WHERE id = $1${lock(options)}`, [id]))[0])
  }
  async findPhotoByCheckTrace(trace: string) {
    return photoFromRow((await this.rows(`SELECT ${PHOTO_COLUMNS} FROM photos WHERE check_trace = $1 FOR UPDATE`, [trace]))[0])
  }
  async updatePhoto(p: PhotoRecord) {
    await this.db.query('UPDATE photos SET wish_id = $2, verdict = $3, check_trace = $4 WHERE id = $1', [p.id, p.wishId, p.verdict, p.checkTrace])
  }
  async attachPhotos(ids: string[], ownerId: string, wishId: string) {
    // One statement decides: of two wishes taking the same photo, the second finds it taken.
    const taken = await this.rows('UPDATE photos SET wish_id = $1 WHERE id = ANY($2) AND owner_id = $3 AND wish_id IS NULL RETURNING id', [wishId, ids, ownerId])
    return taken.length === new Set(ids).size
  }
  async deletePhotosOf(ownerId: string, wishIds: string[]) {
    const gone = await this.rows('DELETE FROM photos WHERE (owner_id = $1 AND wish_id IS NULL) OR wish_id = ANY($2) RETURNING id', [ownerId, wishIds])
    return gone.map((r) => r.id as string)
  }
  async deleteStrayPhotos(createdBefore: string) {
    // A wish taking one of them at the same moment decides with the row: taken first, it stays.
    const gone = await this.rows('DELETE FROM photos WHERE wish_id IS NULL AND created_at::timestamptz < $1::timestamptz RETURNING id', [createdBefore])
    return gone.map((r) => r.id as string)
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
    return this.bookings(await this.rows(`SELECT doc FROM bookings WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async listBookingsOfClinic(clinicId: string) {
    return this.bookings(await this.rows('SELECT doc FROM bookings WHERE clinic_id = $1 ORDER BY seq', [clinicId]))
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
      phone: openedText(this.cipher, r.phone),
    }))
  }
  async listBookingsOfAccount(accountId: string) {
    return this.bookings(await this.rows('SELECT doc FROM bookings WHERE account_id = $1 ORDER BY seq', [accountId]))
  }
  async listClinicsBetween(from: string, to: string) {
    return docs<Clinic>(await this.rows('SELECT doc FROM clinics WHERE date BETWEEN $1 AND $2 ORDER BY seq', [from, to]))
  }
  async listBookedOf(clinicIds: string[]) {
    if (clinicIds.length === 0) return []
    return this.bookings(await this.rows("SELECT doc FROM bookings WHERE clinic_id = ANY($1::text[]) AND status = 'booked' ORDER BY seq", [clinicIds]))
  }
  async insertBooking(b: Booking) {
    await this.rows('INSERT INTO bookings (id, clinic_id, slot_id, account_id, status, patient_key, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      b.id,
      b.clinicId,
      b.slotId,
      b.accountId,
      b.status,
      patientKey(b, this.cipher),
      json(sealBooking(b, this.cipher)),
    ])
  }
  async updateBooking(b: Booking) {
    await this.rows('UPDATE bookings SET status = $2, doc = $3 WHERE id = $1', [b.id, b.status, json(sealBooking(b, this.cipher))])
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
    return this.applications(await this.rows(`SELECT doc FROM applications WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async findApplication(postingId: string, applicantId: string) {
    return this.applications(await this.rows('SELECT doc FROM applications WHERE posting_id = $1 AND applicant_id = $2', [postingId, applicantId]))[0] ?? null
  }
  async listApplicationsOfPosting(postingId: string) {
    return this.applications(await this.rows('SELECT doc FROM applications WHERE posting_id = $1 ORDER BY seq', [postingId]))
  }
  async listApplicationsOfApplicant(applicantId: string) {
    return this.applications(await this.rows('SELECT doc FROM applications WHERE applicant_id = $1 ORDER BY seq DESC', [applicantId]))
  }
  async insertApplication(a: Application) {
    await this.rows('INSERT INTO applications (id, posting_id, applicant_id, doc) VALUES ($1, $2, $3, $4)', [a.id, a.postingId, a.applicantId, json(sealApplication(a, this.cipher))])
  }
  async updateApplication(a: Application) {
    await this.rows('UPDATE applications SET doc = $2 WHERE id = $1', [a.id, json(sealApplication(a, this.cipher))])
  }

  async listActivitiesFrom(date: string) {
    return docs<Activity>(await this.rows('SELECT doc FROM activities WHERE date >= $1 ORDER BY seq', [date]))
  }
  async getActivity(id: string, options?: ReadOptions) {
    return docs<Activity>(await this.rows(`SELECT doc FROM activities WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async getActivities(ids: string[]) {
    if (ids.length === 0) return []
    return docs<Activity>(await this.rows('SELECT doc FROM activities WHERE id = ANY($1::text[])', [ids]))
  }
  async insertActivity(a: Activity) {
    await this.rows('INSERT INTO activities (id, date, doc) VALUES ($1, $2, $3)', [a.id, a.date, json(a)])
  }
  async getSignUp(id: string, options?: ReadOptions) {
    return docs<SignUp>(await this.rows(`SELECT doc FROM activity_signups WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async listSignUpsOfActivity(activityId: string) {
    return docs<SignUp>(await this.rows('SELECT doc FROM activity_signups WHERE activity_id = $1 ORDER BY seq', [activityId]))
  }
  async listSignUpsOfAccount(accountId: string) {
    return docs<SignUp>(await this.rows('SELECT doc FROM activity_signups WHERE account_id = $1 ORDER BY seq', [accountId]))
  }
  async insertSignUp(s: SignUp) {
    await this.rows('INSERT INTO activity_signups (id, activity_id, account_id, status, doc) VALUES ($1, $2, $3, $4, $5)', [s.id, s.activityId, s.accountId, s.status, json(s)])
  }
  async updateSignUp(s: SignUp) {
    await this.rows('UPDATE activity_signups SET status = $2, doc = $3 WHERE id = $1', [s.id, s.status, json(s)])
  }
  async insertCertificate(c: Certificate) {
    await this.rows('INSERT INTO certificates (code, account_id, doc) VALUES ($1, $2, $3)', [c.code, c.accountId, json(c)])
  }
  async getCertificate(code: string) {
    return docs<Certificate>(await this.rows('SELECT doc FROM certificates WHERE code = $1', [code]))[0] ?? null
  }
  async listRooms() {
    return docs<Room>(await this.rows('SELECT doc FROM rooms ORDER BY seq'))
  }
  async getRoom(id: string, options?: ReadOptions) {
    return docs<Room>(await this.rows(`SELECT doc FROM rooms WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertRoom(r: Room) {
    await this.rows('INSERT INTO rooms (id, doc) VALUES ($1, $2)', [r.id, json(r)])
  }
  async listRoomBookingsOfRoom(roomId: string, fromDate: string) {
    return docs<RoomBooking>(await this.rows('SELECT doc FROM room_bookings WHERE room_id = $1 AND date >= $2 ORDER BY seq', [roomId, fromDate]))
  }
  async listRoomBookingsOfAccount(accountId: string) {
    return docs<RoomBooking>(await this.rows('SELECT doc FROM room_bookings WHERE account_id = $1 ORDER BY seq', [accountId]))
  }
  async getRoomBooking(id: string, options?: ReadOptions) {
    return docs<RoomBooking>(await this.rows(`SELECT doc FROM room_bookings WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertRoomBooking(b: RoomBooking) {
    await this.rows('INSERT INTO room_bookings (id, room_id, account_id, date, start, status, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)', [b.id, b.roomId, b.accountId, b.date, b.start, b.status, json(b)])
  }
  async updateRoomBooking(b: RoomBooking) {
    await this.rows('UPDATE room_bookings SET status = $2, doc = $3 WHERE id = $1', [b.id, b.status, json(b)])
  }
  async listClosuresOfRoom(roomId: string, endingAfter: number) {
    return docs<Closure>(await this.rows('SELECT doc FROM room_closures WHERE room_id = $1 AND ends_at > $2 ORDER BY seq', [roomId, new Date(endingAfter).toISOString()]))
  }
  async listOpenVisitsOfRoom(roomId: string, endingAfter: number) {
    return docs<RoomVisit>(await this.rows('SELECT doc FROM room_visits WHERE room_id = $1 AND ended_at IS NULL AND ends_at > $2 ORDER BY seq', [roomId, new Date(endingAfter).toISOString()]))
  }
  async insertVisit(v: RoomVisit) {
    await this.rows('INSERT INTO room_visits (id, room_id, account_id, ends_at, ended_at, doc) VALUES ($1, $2, $3, $4, $5, $6)', [v.id, v.roomId, v.accountId, v.endsAt, v.endedAt, json(v)])
  }
  async updateVisit(v: RoomVisit) {
    await this.rows('UPDATE room_visits SET ended_at = $2, doc = $3 WHERE id = $1', [v.id, v.endedAt, json(v)])
  }
  async insertClosure(c: Closure) {
    await this.rows('INSERT INTO room_closures (id, room_id, ends_at, doc) VALUES ($1, $2, $3, $4)', [c.id, c.roomId, c.to, json(c)])
  }
  async deleteCertificatesOf(accountId: string) {
    await this.rows('DELETE FROM certificates WHERE account_id = $1', [accountId])
  }

  /** PgStore.reseal's work, inside its transaction: every row not sealed with the current key, rewritten. */
  async resealStale(): Promise<number> {
    const current = `enc1.${this.cipher.keyId}.%`
    const stale = (expr: string) => `(${expr} <> '' AND ${expr} NOT LIKE $1)`
    let rewritten = 0
    for (const row of await this.rows(`SELECT ${USER_COLUMNS} FROM users WHERE ${stale('phone')} OR phone_hash IS NULL FOR UPDATE`, [current])) {
      await this.updateUser(this.user(row)!)
      rewritten++
    }
    const wishRows = await this.rows(`SELECT doc FROM wishes WHERE ${stale("doc->>'phone'")} OR jsonb_typeof(doc->'address') <> 'string' OR doc->>'address' NOT LIKE $1 FOR UPDATE`, [current])
    for (const wish of this.wishes(wishRows)) {
      await this.updateWish(wish)
      rewritten++
    }
    for (const booking of this.bookings(await this.rows(`SELECT doc FROM bookings WHERE ${stale("doc->>'phone'")} OR ${stale("doc->>'symptoms'")} FOR UPDATE`, [current]))) {
      // The patient's look-up key is a keyed hash too: recomputed with the current key.
      await this.rows('UPDATE bookings SET doc = $2, patient_key = $3 WHERE id = $1', [booking.id, json(sealBooking(booking, this.cipher)), patientKey(booking, this.cipher)])
      rewritten++
    }
    for (const application of this.applications(await this.rows(`SELECT doc FROM applications WHERE ${stale("doc->>'phone'")} FOR UPDATE`, [current]))) {
      await this.updateApplication(application)
      rewritten++
    }
    for (const booking of this.mediations(await this.rows(`SELECT doc FROM mediation_bookings WHERE ${stale("doc->>'phone'")} OR ${stale("doc->>'description'")} FOR UPDATE`, [current]))) {
      await this.updateMediationBooking(booking)
      rewritten++
    }
    const answers = await this.rows(
      "SELECT user_id, key, body FROM idempotency WHERE body IS NOT NULL AND (jsonb_typeof(body) <> 'string' OR body #>> '{}' NOT LIKE $1) FOR UPDATE",
      [current],
    )
    for (const row of answers) {
      const body = FieldCipher.isSealed(row.body) ? JSON.parse(this.cipher.open(row.body)) : row.body
      await this.rows('UPDATE idempotency SET body = $3 WHERE user_id = $1 AND key = $2', [row.user_id, row.key, json(this.cipher.seal(json(body)))])
      rewritten++
    }
    return rewritten
  }

  async getMatter(id: string, options?: ReadOptions) {
    return docs<Matter>(await this.rows(`SELECT doc FROM matters WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertMatter(m: Matter) {
    await this.rows('INSERT INTO matters (id, owner_id, grid_code, status, kind, public, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)', [m.id, m.ownerId, m.gridCode, m.status, m.kind, m.public, json(m)])
  }
  async updateMatter(m: Matter) {
    await this.rows('UPDATE matters SET status = $2, doc = $3 WHERE id = $1', [m.id, m.status, json(m)])
  }
  async scanMatters(filter: MatterScanFilter, scan: Scan) {
    const [condition, value] = filter.kind === 'owner' ? ['owner_id = $3', filter.ownerId] : ['($3::text IS NULL OR grid_code = $3)', filter.gridCode]
    return keyed<Matter>(await this.rows(`SELECT doc, seq AS cursor FROM matters WHERE ${condition} AND ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2`, [after(scan), scan.limit, value]))
  }
  async listPublicMatters(gridCode: string, limit: number) {
    return docs<Matter>(await this.rows("SELECT doc FROM matters WHERE grid_code = $1 AND public AND kind <> '邻里纠纷' ORDER BY seq DESC LIMIT $2", [gridCode, limit]))
  }
  async addMatterAffected(matterId: string, accountId: string) {
    const added = await this.rows('INSERT INTO matter_affected (matter_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING matter_id', [matterId, accountId])
    return added.length > 0
  }
  async listMatterAffectedAccounts(matterId: string) {
    return (await this.rows('SELECT account_id FROM matter_affected WHERE matter_id = $1 ORDER BY account_id', [matterId])).map((r) => r.account_id as string)
  }
  async listMattersAffecting(accountId: string, matterIds: string[]) {
    if (matterIds.length === 0) return []
    return (await this.rows('SELECT matter_id FROM matter_affected WHERE account_id = $1 AND matter_id = ANY($2::text[])', [accountId, matterIds])).map((r) => r.matter_id as string)
  }

  async getMeeting(id: string, options?: ReadOptions) {
    return docs<Meeting>(await this.rows(`SELECT doc FROM meetings WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertMeeting(m: Meeting) {
    await this.rows('INSERT INTO meetings (id, grid_code, status, doc) VALUES ($1, $2, $3, $4)', [m.id, m.gridCode, m.status, json(m)])
  }
  async updateMeeting(m: Meeting) {
    await this.rows('UPDATE meetings SET status = $2, doc = $3 WHERE id = $1', [m.id, m.status, json(m)])
  }
  async listMeetings(filter: { gridCode: string | null; publishedOnly: boolean }) {
    return docs<Meeting>(
      await this.rows("SELECT doc FROM meetings WHERE ($1::text IS NULL OR grid_code = $1) AND (NOT $2 OR status = 'published') ORDER BY seq", [filter.gridCode, filter.publishedOnly]),
    )
  }
  async listMeetingsOfMatter(matterId: string) {
    return docs<Meeting>(await this.rows("SELECT doc FROM meetings WHERE doc->'agenda' @> jsonb_build_array(jsonb_build_object('matterId', $1::text)) ORDER BY seq", [matterId]))
  }

  async listStationMembers() {
    return docs<StationMember>(await this.rows('SELECT doc FROM station_members ORDER BY seq'))
  }
  async insertStationMember(m: StationMember) {
    await this.rows('INSERT INTO station_members (id, doc) VALUES ($1, $2)', [m.id, json(m)])
  }

  private mediations(rows: Row[]) {
    return rows.map((r) => openMediation(r.doc as Row, this.cipher))
  }
  async listMediationSlotsFrom(date: string) {
    return docs<MediationSlot>(await this.rows("SELECT doc FROM mediation_slots WHERE date >= $1 ORDER BY date, doc->>'start', seq", [date]))
  }
  async getMediationSlot(id: string, options?: ReadOptions) {
    return docs<MediationSlot>(await this.rows(`SELECT doc FROM mediation_slots WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async insertMediationSlot(s: MediationSlot) {
    await this.rows('INSERT INTO mediation_slots (id, date, doc) VALUES ($1, $2, $3)', [s.id, s.date, json(s)])
  }
  async getMediationBooking(id: string, options?: ReadOptions) {
    return this.mediations(await this.rows(`SELECT doc FROM mediation_bookings WHERE id = $1${lock(options)}`, [id]))[0] ?? null
  }
  async listMediationBookingsOfSlots(slotIds: string[]) {
    if (slotIds.length === 0) return []
    return this.mediations(await this.rows('SELECT doc FROM mediation_bookings WHERE slot_id = ANY($1::text[]) ORDER BY seq', [slotIds]))
  }
  async listMediationBookingsOfAccount(accountId: string) {
    return this.mediations(await this.rows('SELECT doc FROM mediation_bookings WHERE account_id = $1 ORDER BY seq DESC', [accountId]))
  }
  async insertMediationBooking(b: MediationBooking) {
    await this.rows('INSERT INTO mediation_bookings (id, slot_id, account_id, status, doc) VALUES ($1, $2, $3, $4, $5)', [b.id, b.slotId, b.accountId, b.status, json(sealMediation(b, this.cipher))])
  }
  async updateMediationBooking(b: MediationBooking) {
    await this.rows('UPDATE mediation_bookings SET status = $2, doc = $3 WHERE id = $1', [b.id, b.status, json(sealMediation(b, this.cipher))])
  }

  async loadStatsInput() {
    const [wishes, bookings, applications, users] = [
      // The figures never read a phone, address or symptom: the records go unopened.
      docs<Wish>(await this.rows('SELECT doc FROM wishes ORDER BY seq')),
      docs<Booking>(await this.rows('SELECT doc FROM bookings ORDER BY seq')),
      docs<Application>(await this.rows('SELECT doc FROM applications ORDER BY seq')),
      await this.rows('SELECT id, grid_code FROM users'),
    ]
    const gridOfUser: Record<string, string | null> = {}
    for (const u of users) gridOfUser[u.id as string] = (u.grid_code as string | null) ?? null
    // Matters without their text and names; mediations without the sealed dispute and phone.
    const matters = (
      await this.rows("SELECT grid_code, kind, status, doc->>'raisedAt' AS raised_at, doc->'events' AS events FROM matters ORDER BY seq")
    ).map((r) => matterFactOf({ gridCode: r.grid_code as string, kind: r.kind as Matter['kind'], status: r.status as Matter['status'], raisedAt: r.raised_at as string, events: r.events as Matter['events'] }))
    const mediations = (
      await this.rows(
        "SELECT b.account_id, b.status, b.doc->>'outcome' AS outcome, s.date, s.doc->>'start' AS start FROM mediation_bookings b JOIN mediation_slots s ON s.id = b.slot_id ORDER BY b.seq",
      )
    ).map((r) =>
      mediationFactOf(
        { accountId: r.account_id as string, status: r.status as MediationBooking['status'], outcome: (r.outcome as MediationBooking['outcome']) ?? null },
        { date: r.date as string, start: r.start as string },
      ),
    )
    const activities = docs<Activity>(await this.rows('SELECT doc FROM activities ORDER BY seq')).map(activityFactOf)
    const participations = docs<SignUp>(await this.rows("SELECT doc FROM activity_signups WHERE status = 'joined' ORDER BY seq")).flatMap((s) => participationOf(s) ?? [])
    return { wishes, bookings, applications, matters, mediations, activities, participations, gridOfUser }
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
    // A remembered answer holds what the write answered (a wish's address, a patient's phone): sealed whole.
    const body = FieldCipher.isSealed(row.body) ? JSON.parse(this.cipher.open(row.body)) : row.body
    return { userId, key, fingerprint: row.fingerprint as string, status: Number(row.status), body, createdAt } satisfies IdempotencyRecord
  }
  async saveIdempotencyAnswer(r: IdempotencyRecord) {
    await this.rows('UPDATE idempotency SET status = $3, body = $4 WHERE user_id = $1 AND key = $2', [r.userId, r.key, r.status, json(this.cipher.seal(json(r.body)))])
  }

  async insertMessages(drafts: MessageDraft[]) {
    let added = 0
    for (const draft of drafts) {
      // The id is drawn only when the account does not have the event yet: a sweep that
      // finds the same reminders every minute uses up no ids. ON CONFLICT stays the last
      // line for two transactions inserting the same event at once.
      const inserted = await this.rows(
        `INSERT INTO messages (id, account_id, event_key, doc)
         SELECT 'm' || n, $1, $2, $3::jsonb || jsonb_build_object('id', 'm' || n)
         FROM (SELECT nextval('record_ids') AS n WHERE NOT EXISTS (SELECT 1 FROM messages WHERE account_id = $1 AND event_key = $2)) AS fresh
         ON CONFLICT (account_id, event_key) DO NOTHING RETURNING id`,
        [draft.accountId, draft.eventKey, json({ ...draft, readAt: null } satisfies Omit<Message, 'id'>)],
      )
      if (!inserted.length) continue
      added += 1
      await this.enqueueSubscribeMessage(draft)
    }
    return added
  }
  /**
   * The outbox row of a new message, when its kind has a template and the
   * account accepted it: the accept is used up here, in the message's
   * transaction, so a change and its WeChat message are kept or dropped together.
   */
  private async enqueueSubscribeMessage(draft: MessageDraft): Promise<void> {
    const kind = this.subscribe && subscribeKindOf(draft.eventKey)
    const templateId = kind && this.subscribe!.templates[kind]
    if (!kind || !templateId) return
    const [granted] = await this.rows(
      `UPDATE subscribe_grants g SET remaining = g.remaining - 1 FROM users u
       WHERE g.account_id = $1 AND g.template_id = $2 AND g.remaining > 0 AND u.id = g.account_id AND u.openid IS NOT NULL AND u.closed_at IS NULL
       RETURNING u.openid`,
      [draft.accountId, templateId],
    )
    if (!granted) return
    await this.rows(
      `INSERT INTO outbox (account_id, event_key, openid, template_id, page, data, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (account_id, event_key) DO NOTHING`,
      [draft.accountId, draft.eventKey, granted.openid, templateId, pageOf(draft.link, this.subscribe!.pages), json(subscribeData(draft, this.subscribe!.fields[kind])), draft.createdAt],
    )
  }
  async recordSubscribeGrants(accountId: string, templateIds: string[]): Promise<SubscribeGrant[]> {
    await this.rows(
      `INSERT INTO subscribe_grants (account_id, template_id, remaining) SELECT $1, t, 1 FROM unnest($2::text[]) AS t
       ON CONFLICT (account_id, template_id) DO UPDATE SET remaining = subscribe_grants.remaining + 1`,
      [accountId, templateIds],
    )
    const rows = await this.rows('SELECT template_id, remaining FROM subscribe_grants WHERE account_id = $1 ORDER BY template_id', [accountId])
    return rows.map((r) => ({ templateId: r.template_id as string, remaining: Number(r.remaining) }))
  }
  async deleteSubscriptionsOf(accountId: string) {
    await this.rows('DELETE FROM subscribe_grants WHERE account_id = $1', [accountId])
    await this.rows('DELETE FROM outbox WHERE account_id = $1', [accountId])
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
    await this.rows('TRUNCATE outbox, messages, room_visits, room_closures, room_bookings, rooms, certificates, activity_signups, activities, station_members, meetings, mediation_bookings, mediation_slots, matter_affected, matters, applications, postings, bookings, clinics, photos, wishes, grids, communities')
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
/** Any fixed number: the advisory lock that lets one process reseal at a time. */
const RESEAL_LOCK = 4_223_503

export class PgStore implements Store {
  constructor(
    private readonly database: SqlDatabase,
    private readonly cipher: FieldCipher,
    /** WeChat subscribe messages: null writes no outbox rows (nothing is sent). */
    private readonly subscribe: SubscribeConfig | null = null,
  ) {}

  /**
   * Seals with the current key every personal detail that is not yet: values
   * written before encryption, or sealed with a previous key (after DATA_KEY
   * changed, with the old one in DATA_KEY_PREVIOUS); look-up hashes are
   * recomputed with them. One transaction: every row or none. Run at start
   * and by `npm run server -- rotate-key`; answers how many rows it rewrote.
   */
  reseal(): Promise<number> {
    return this.transaction((repo) => (repo as PgRepository).resealStale(), { advisoryLock: RESEAL_LOCK })
  }

  /**
   * `advisoryLock` makes transactions with the same number wait for each
   * other (two processes seeding one empty database at the same moment).
   */
  async transaction<T>(fn: (repo: Repository) => Promise<T>, options: { readOnly?: boolean; advisoryLock?: number } = {}): Promise<T> {
    const conn = await this.database.connect()
    try {
      // Reads run statement by statement: no BEGIN/COMMIT round trips.
      if (options.readOnly) return await fn(new PgRepository(conn, this.cipher, this.subscribe))
      for (let attempt = 1; ; attempt++) {
        await conn.query('BEGIN')
        try {
          if (options.advisoryLock !== undefined) await conn.query('SELECT pg_advisory_xact_lock($1)', [options.advisoryLock])
          const result = await fn(new PgRepository(conn, this.cipher, this.subscribe))
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
      await conn.query("DELETE FROM outbox WHERE state IN ('sent', 'failed') AND created_at <= $1", [new Date(now - OUTBOX_KEEP_MS)])
    } finally {
      conn.release()
    }
  }

  /**
   * Claims up to `limit` subscribe messages due at `now` for one worker: rows
   * locked by another claim are skipped (SKIP LOCKED), and each claimed row
   * is leased until `now + leaseMs` (state sending, next_attempt_at = the
   * lease's end). A worker that dies leaves the row to be claimed again once
   * the lease ends. `attempts` is the claim's fence: only its own claim may
   * mark the row.
   */
  async claimOutbox(now: number, leaseMs: number, limit: number): Promise<OutboxItem[]> {
    const rows = await this.statement(
      `UPDATE outbox o SET state = 'sending', attempts = o.attempts + 1, next_attempt_at = $2
       FROM (SELECT id FROM outbox WHERE state IN ('pending', 'sending') AND next_attempt_at <= $1
             ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
       WHERE o.id = due.id
       RETURNING o.id, o.event_key, o.openid, o.template_id, o.page, o.data, o.attempts`,
      [new Date(now), new Date(now + leaseMs), limit],
    )
    return rows.map((r) => ({
      id: String(r.id),
      eventKey: r.event_key as string,
      openid: r.openid as string,
      templateId: r.template_id as string,
      page: r.page as string,
      data: r.data as OutboxItem['data'],
      attempt: Number(r.attempts),
    }))
  }

  /** WeChat accepted it: final. False when the claim was no longer this worker's (its lease had ended). */
  async markOutboxSent(item: OutboxItem, now: number): Promise<boolean> {
    const rows = await this.statement(
      "UPDATE outbox SET state = 'sent', sent_at = $3, last_error = NULL WHERE id = $1 AND attempts = $2 AND state = 'sending' RETURNING id",
      [item.id, item.attempt, new Date(now)],
    )
    return rows.length > 0
  }

  /** Not sent: tried again at `retryAt`, or never again (null: failed). */
  async markOutboxUnsent(item: OutboxItem, error: string, retryAt: number | null): Promise<void> {
    await this.statement(
      `UPDATE outbox SET state = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = COALESCE($4::timestamptz, next_attempt_at), last_error = $3
       WHERE id = $1 AND attempts = $2 AND state = 'sending'`,
      [item.id, item.attempt, error.slice(0, 200), retryAt === null ? null : new Date(retryAt)],
    )
  }

  /** One statement on a connection of its own: committed when it returns. */
  private async statement(text: string, params: unknown[]): Promise<Row[]> {
    const conn = await this.database.connect()
    try {
      return (await conn.query<Row>(text, params)).rows
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
      await conn.query('TRUNCATE audit_log, outbox, subscribe_grants, messages, role_changes, room_visits, room_closures, room_bookings, rooms, certificates, activity_signups, activities, station_members, meetings, mediation_bookings, mediation_slots, matter_affected, matters, applications, postings, bookings, clinics, photos, wishes, grids, communities, idempotency, sessions, users')
      await conn.query('ALTER SEQUENCE record_ids RESTART WITH 1001')
    } finally {
      conn.release()
    }
  }

  close(): Promise<void> {
    return this.database.close()
  }
}
