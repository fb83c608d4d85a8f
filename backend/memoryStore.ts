import { concerns, withinDays, type AuditEntry, type AuditFilter } from '../src/domain/audit'
import type { Message, MessageDraft } from '../src/domain/messages'
import type { Booking, Clinic } from '../src/domain/clinic'
import type { Application, Posting } from '../src/domain/jobs'
import type { Matter } from '../src/domain/matters'
import type { MediationBooking, MediationSlot } from '../src/domain/mediation'
import type { Meeting } from '../src/domain/meetings'
import type { StationMember } from '../src/domain/station'
import type { Activity, Certificate, SignUp } from '../src/domain/activity'
import type { Closure, Room, RoomBooking, RoomVisit } from '../src/domain/rooms'
import type { RoleChange } from '../src/domain/roles'
import { activityFactOf, matterFactOf, mediationFactOf, participationOf } from '../src/domain/stats'
import type { Wish } from '../src/domain/wish'
import type { CommunityRecord, GridRecord, IdempotencyRecord, PhotoRecord, SessionRecord, UserRecord } from './records'
import type { Keyed, MatterScanFilter, ReadOptions, Repository, ResidentFilter, Scan, Store, WishScanFilter } from './store'

/** The whole memory database: plain JSON, so it can be persisted as it is. */
export interface MemoryData {
  schema: number
  users: UserRecord[]
  /** token hash → session */
  sessions: Record<string, SessionRecord>
  communities: CommunityRecord[]
  grids: GridRecord[]
  /** Every list is in creation order, so newest-first scans read it backwards. */
  wishes: Wish[]
  /** Who uploaded each photo and its wish; the bytes are in PhotoFiles. */
  photos: PhotoRecord[]
  clinics: Clinic[]
  bookings: Booking[]
  postings: Posting[]
  applications: Application[]
  matters: Matter[]
  /** 我也遇到: one `${matterId}\n${accountId}` per account and matter. */
  matterAffected: string[]
  mediationSlots: MediationSlot[]
  mediationBookings: MediationBooking[]
  /** 网格议事会, in creation order. */
  meetings: Meeting[]
  /** The judges' station's roster. */
  station: StationMember[]
  activities: Activity[]
  signUps: SignUp[]
  certificates: Certificate[]
  rooms: Room[]
  roomBookings: RoomBooking[]
  closures: Closure[]
  /** 母婴室 walk-in visits. */
  visits: RoomVisit[]
  roleChanges: RoleChange[]
  messages: Message[]
  /** 操作记录, oldest first; only ever appended to. */
  audit: AuditEntry[]
  /** `${accountId}\n${templateId}` → sends the account still allows (no outbox here: nothing is sent from memory) */
  grants: Record<string, number>
  /** `${userId}\n${key}` → the remembered answer */
  idempotency: Record<string, IdempotencyRecord>
  /** Source of record ids. */
  seq: number
}

/** Bump when the shape changes: older stored data is replaced by a fresh start. */
export const MEMORY_SCHEMA = 16

/** Where a memory database lives between runs: Taro storage in the app; nowhere in Node. */
export interface MemoryPersistence {
  load(): MemoryData | null
  save(data: MemoryData): void
  /** A stamp that changes whenever any instance sharing the storage saves (browser tabs). */
  revision(): string | null
  /** Runs `fn` holding a lock shared by every instance over the same storage. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>
}

const DAY_MS = 24 * 3600 * 1000
/** Remembered answers are kept 2 days: the contract promises at least 24 hours. */
const IDEMPOTENCY_KEEP_MS = 2 * DAY_MS

type TableName = Exclude<keyof MemoryData, 'schema' | 'seq'>

/** Records are shared between transactions, so nobody may change one in place. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value as object)) frozen(inner)
  }
  return value
}

/** A copy the caller may keep: stored records never leave the store by reference to mutable state. */
const stored = <T>(record: T): T => frozen(JSON.parse(JSON.stringify(record)) as T)

function scanBackwards<T>(list: T[], scan: Scan, matches: (item: T) => boolean): Keyed<T>[] {
  const start = scan.after === null ? list.length : Math.min(Number(scan.after), list.length)
  const found: Keyed<T>[] = []
  for (let i = start - 1; i >= 0 && found.length < scan.limit; i--) {
    if (matches(list[i])) found.push({ record: list[i], cursor: String(i) })
  }
  return found
}

/**
 * One transaction over the memory database: it reads the committed state and
 * copies a table (a shallow copy of its list) only when it first writes to it,
 * so a transaction costs what it changes. Nothing is visible to others until
 * commit; a transaction that throws is simply dropped.
 */
class MemoryTransaction implements Repository {
  private readonly changed: Partial<Pick<MemoryData, TableName>> = {}
  private seq: number

  constructor(
    private readonly base: MemoryData,
    private readonly now: () => number,
  ) {
    this.seq = base.seq
  }

  get dirty(): boolean {
    return this.seq !== this.base.seq || Object.keys(this.changed).length > 0
  }

  commit(): MemoryData {
    return { ...this.base, ...this.changed, seq: this.seq }
  }

  private read<K extends TableName>(table: K): MemoryData[K] {
    return (this.changed[table] ?? this.base[table]) as MemoryData[K]
  }

  private write<K extends TableName>(table: K): MemoryData[K] {
    if (!this.changed[table]) {
      const current = this.base[table]
      this.changed[table] = (Array.isArray(current) ? current.slice() : { ...current }) as never
    }
    return this.changed[table] as MemoryData[K]
  }

  private insert<K extends TableName>(table: K, record: unknown): void {
    ;(this.write(table) as unknown[]).push(stored(record))
  }

  private replace<K extends TableName>(table: K, record: { id?: string; code?: string }, key: 'id' | 'code' = 'id'): void {
    const list = this.write(table) as unknown as Array<Record<string, unknown>>
    const index = list.findIndex((r) => r[key] === record[key])
    if (index < 0) throw new Error(`${table}: no record ${record[key]} to update`)
    list[index] = stored(record) as Record<string, unknown>
  }

  private byId<T extends { id: string }>(list: T[], id: string): T | null {
    return list.find((r) => r.id === id) ?? null
  }

  async newId(prefix: string): Promise<string> {
    this.seq += 1
    return `${prefix}${this.seq}`
  }

  async getUser(id: string, _options?: ReadOptions) {
    return this.byId(this.read('users'), id)
  }
  async findUserByPhone(phone: string) {
    return this.read('users').find((u) => u.phone === phone) ?? null
  }
  async findUserByOpenid(openid: string) {
    return this.read('users').find((u) => u.openid === openid) ?? null
  }
  async insertUser(user: UserRecord) {
    this.insert('users', user)
  }
  async updateUser(user: UserRecord) {
    this.replace('users', user)
  }
  async listResidents({ gridCode, q, limit }: ResidentFilter) {
    return this.read('users')
      .filter((u) => !u.closedAt && (u.role === 'resident' || u.role === 'elder') && u.gridCode && (gridCode === null || u.gridCode === gridCode))
      .filter((u) => !q || u.name.includes(q) || (/^\d{4}$/.test(q) && u.phone.endsWith(q)))
      .slice(0, limit)
  }
  async listAccounts({ q, limit }: { q: string; limit: number }) {
    return this.read('users')
      .filter((u) => !u.closedAt)
      .filter((u) => !q || u.name.includes(q) || (/^\d{4}$/.test(q) && u.phone.endsWith(q)))
      .slice(0, limit)
  }
  async listVolunteersOf(gridCode: string) {
    return this.read('users')
      .filter((u) => u.role === 'volunteer' && u.gridCode === gridCode && !u.closedAt)
      .map((u) => u.id)
  }
  async insertRoleChange(change: RoleChange) {
    this.insert('roleChanges', change)
  }
  async listRoleChanges(userId: string) {
    return this.read('roleChanges')
      .filter((c) => c.userId === userId)
      .reverse()
  }
  async insertSession(session: SessionRecord) {
    this.write('sessions')[session.tokenHash] = stored(session)
  }
  async getSessionUser(tokenHash: string, now: number) {
    const session = this.read('sessions')[tokenHash]
    const user = session && session.expiresAt > now ? this.byId(this.read('users'), session.userId) : null
    return user && !user.closedAt ? user : null
  }
  async deleteSession(tokenHash: string) {
    if (this.read('sessions')[tokenHash]) delete this.write('sessions')[tokenHash]
  }
  async deleteSessionsOf(userId: string) {
    const hashes = Object.keys(this.read('sessions')).filter((hash) => this.read('sessions')[hash].userId === userId)
    if (hashes.length) for (const hash of hashes) delete this.write('sessions')[hash]
  }
  async deleteIdempotencyOf(userId: string) {
    const keys = Object.keys(this.read('idempotency')).filter((key) => this.read('idempotency')[key].userId === userId)
    if (keys.length) for (const key of keys) delete this.write('idempotency')[key]
  }
  async deleteMessagesOf(accountId: string) {
    if (this.read('messages').some((m) => m.accountId === accountId)) {
      this.changed.messages = this.read('messages').filter((m) => m.accountId !== accountId)
    }
  }

  async listCommunities() {
    return this.read('communities')
  }
  async listGrids() {
    return this.read('grids')
  }
  async getGrid(code: string) {
    return this.read('grids').find((g) => g.code === code) ?? null
  }
  async insertCommunity(community: CommunityRecord) {
    this.insert('communities', community)
  }
  async insertGrid(grid: GridRecord) {
    this.insert('grids', grid)
  }
  async upsertCommunity(community: CommunityRecord) {
    if (this.read('communities').some((c) => c.code === community.code)) this.replace('communities', community, 'code')
    else this.insert('communities', community)
  }
  async upsertGrid(grid: GridRecord) {
    if (this.read('grids').some((g) => g.code === grid.code)) this.replace('grids', grid, 'code')
    else this.insert('grids', grid)
  }

  async getWish(id: string) {
    return this.byId(this.read('wishes'), id)
  }
  async insertWish(wish: Wish) {
    this.insert('wishes', wish)
  }
  async updateWish(wish: Wish) {
    this.replace('wishes', wish)
  }
  async listActiveWishesOf(ownerId: string) {
    return this.read('wishes').filter((w) => w.ownerId === ownerId && ['pending_review', 'open', 'claimed'].includes(w.status))
  }
  async scanWishes(filter: WishScanFilter, scan: Scan) {
    const matches = (w: Wish): boolean => {
      switch (filter.kind) {
        case 'owner':
          return w.ownerId === filter.ownerId
        case 'open':
          return w.status === 'open' && w.gridCode === filter.gridCode && (!filter.category || w.category === filter.category)
        case 'review':
          return w.status === 'pending_review'
      }
    }
    return scanBackwards(this.read('wishes'), scan, matches)
  }
  async listWishesClaimedBy(volunteerId: string) {
    return this.read('wishes')
      .filter((w) => w.claimedBy === volunteerId)
      .reverse()
  }
  async listCompletedWishes(from: number, to: number) {
    return this.read('wishes').filter((w) => {
      const at = w.status === 'completed' && w.completedAt ? Date.parse(w.completedAt) : NaN
      return at >= from && at <= to
    })
  }

  async insertPhoto(photo: PhotoRecord) {
    this.insert('photos', photo)
  }
  async getPhoto(id: string, _options?: ReadOptions) {
    return this.byId(this.read('photos'), id)
  }
  async findPhotoByCheckTrace(trace: string) {
    return this.read('photos').find((p) => p.checkTrace === trace) ?? null
  }
  async updatePhoto(photo: PhotoRecord) {
    this.replace('photos', photo)
  }
  async attachPhotos(ids: string[], ownerId: string, wishId: string) {
    const free = this.read('photos').filter((p) => ids.includes(p.id) && p.ownerId === ownerId && p.wishId === null)
    if (free.length !== new Set(ids).size) return false
    for (const photo of free) this.replace('photos', { ...photo, wishId } as PhotoRecord)
    return true
  }
  async deletePhotosOf(ownerId: string, wishIds: string[]) {
    const gone = this.read('photos').filter((p) => (p.ownerId === ownerId && p.wishId === null) || (p.wishId !== null && wishIds.includes(p.wishId)))
    if (gone.length) this.changed.photos = this.read('photos').filter((p) => !gone.includes(p))
    return gone.map((p) => p.id)
  }
  async deleteStrayPhotos(createdBefore: string) {
    const gone = this.read('photos').filter((p) => p.wishId === null && Date.parse(p.createdAt) < Date.parse(createdBefore))
    if (gone.length) this.changed.photos = this.read('photos').filter((p) => !gone.includes(p))
    return gone.map((p) => p.id)
  }

  async listClinicsFrom(date: string, specialty?: string) {
    return this.read('clinics').filter((c) => c.date >= date && (!specialty || c.specialty === specialty))
  }
  async getClinics(ids: string[]) {
    return this.read('clinics').filter((c) => ids.includes(c.id))
  }
  async getClinic(id: string) {
    return this.byId(this.read('clinics'), id)
  }
  async insertClinic(clinic: Clinic) {
    this.insert('clinics', clinic)
  }
  async updateClinic(clinic: Clinic) {
    this.replace('clinics', clinic)
  }
  async getBooking(id: string) {
    return this.byId(this.read('bookings'), id)
  }
  async listBookingsOfClinic(clinicId: string) {
    return this.read('bookings').filter((b) => b.clinicId === clinicId)
  }
  async listSlotBookings(clinicId: string) {
    return this.listBookingsOfClinic(clinicId)
  }
  async listBookingsOfAccount(accountId: string) {
    return this.read('bookings').filter((b) => b.accountId === accountId)
  }
  async listClinicsBetween(from: string, to: string) {
    return this.read('clinics').filter((c) => c.date >= from && c.date <= to)
  }
  async listBookedOf(clinicIds: string[]) {
    return this.read('bookings').filter((b) => b.status === 'booked' && clinicIds.includes(b.clinicId))
  }
  async insertBooking(booking: Booking) {
    this.insert('bookings', booking)
  }
  async updateBooking(booking: Booking) {
    this.replace('bookings', booking)
  }

  async getPosting(id: string) {
    return this.byId(this.read('postings'), id)
  }
  async insertPosting(posting: Posting) {
    this.insert('postings', posting)
  }
  async updatePosting(posting: Posting) {
    this.replace('postings', posting)
  }
  async scanPostings(filter: { listedOn: string | null }, scan: Scan) {
    const day = filter.listedOn
    return scanBackwards(this.read('postings'), scan, (p) => day === null || (p.status === 'open' && p.expiresOn >= day))
  }
  async getApplication(id: string) {
    return this.byId(this.read('applications'), id)
  }
  async findApplication(postingId: string, applicantId: string) {
    return this.read('applications').find((a) => a.postingId === postingId && a.applicantId === applicantId) ?? null
  }
  async listApplicationsOfPosting(postingId: string) {
    return this.read('applications').filter((a) => a.postingId === postingId)
  }
  async listApplicationsOfApplicant(applicantId: string) {
    return this.read('applications')
      .filter((a) => a.applicantId === applicantId)
      .reverse()
  }
  async insertApplication(application: Application) {
    this.insert('applications', application)
  }
  async updateApplication(application: Application) {
    this.replace('applications', application)
  }

  async getMatter(id: string) {
    return this.byId(this.read('matters'), id)
  }
  async insertMatter(matter: Matter) {
    this.insert('matters', matter)
  }
  async updateMatter(matter: Matter) {
    this.replace('matters', matter)
  }
  async scanMatters(filter: MatterScanFilter, scan: Scan) {
    const matches = (m: Matter) => (filter.kind === 'owner' ? m.ownerId === filter.ownerId : filter.gridCode === null || m.gridCode === filter.gridCode)
    return scanBackwards(this.read('matters'), scan, matches)
  }
  async listPublicMatters(gridCode: string, limit: number) {
    return scanBackwards(this.read('matters'), { after: null, limit }, (m) => m.public && m.gridCode === gridCode && m.kind !== '邻里纠纷').map((k) => k.record)
  }
  async addMatterAffected(matterId: string, accountId: string) {
    const key = `${matterId}\n${accountId}`
    // Transactions run one at a time: the second of two finds the first one's key.
    if (this.read('matterAffected').includes(key)) return false
    this.insert('matterAffected', key)
    return true
  }
  async listMatterAffectedAccounts(matterId: string) {
    const prefix = `${matterId}\n`
    return this.read('matterAffected')
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length))
  }
  async listMattersAffecting(accountId: string, matterIds: string[]) {
    const said = new Set(this.read('matterAffected'))
    return matterIds.filter((id) => said.has(`${id}\n${accountId}`))
  }

  async getMeeting(id: string) {
    return this.byId(this.read('meetings'), id)
  }
  async insertMeeting(meeting: Meeting) {
    this.insert('meetings', meeting)
  }
  async updateMeeting(meeting: Meeting) {
    this.replace('meetings', meeting)
  }
  async listMeetings(filter: { gridCode: string | null; publishedOnly: boolean }) {
    return this.read('meetings').filter((m) => (filter.gridCode === null || m.gridCode === filter.gridCode) && (!filter.publishedOnly || m.status === 'published'))
  }
  async listMeetingsOfMatter(matterId: string) {
    return this.read('meetings').filter((m) => m.agenda.some((i) => i.matterId === matterId))
  }

  async listStationMembers() {
    return this.read('station')
  }
  async insertStationMember(member: StationMember) {
    this.insert('station', member)
  }
  async listMediationSlotsFrom(date: string) {
    return this.read('mediationSlots')
      .filter((s) => s.date >= date)
      .sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`))
  }
  async getMediationSlot(id: string) {
    return this.byId(this.read('mediationSlots'), id)
  }
  async insertMediationSlot(slot: MediationSlot) {
    this.insert('mediationSlots', slot)
  }
  async getMediationBooking(id: string) {
    return this.byId(this.read('mediationBookings'), id)
  }
  async listMediationBookingsOfSlots(slotIds: string[]) {
    return this.read('mediationBookings').filter((b) => slotIds.includes(b.slotId))
  }
  async listMediationBookingsOfAccount(accountId: string) {
    return this.read('mediationBookings')
      .filter((b) => b.accountId === accountId)
      .reverse()
  }
  async insertMediationBooking(booking: MediationBooking) {
    this.insert('mediationBookings', booking)
  }
  async updateMediationBooking(booking: MediationBooking) {
    this.replace('mediationBookings', booking)
  }

  async listActivitiesFrom(date: string) {
    return this.read('activities').filter((a) => a.date >= date)
  }
  async getActivity(id: string) {
    return this.byId(this.read('activities'), id)
  }
  async getActivities(ids: string[]) {
    return this.read('activities').filter((a) => ids.includes(a.id))
  }
  async insertActivity(activity: Activity) {
    this.insert('activities', activity)
  }
  async getSignUp(id: string) {
    return this.byId(this.read('signUps'), id)
  }
  async listSignUpsOfActivity(activityId: string) {
    return this.read('signUps').filter((s) => s.activityId === activityId)
  }
  async listSignUpsOfAccount(accountId: string) {
    return this.read('signUps').filter((s) => s.accountId === accountId)
  }
  async insertSignUp(signUp: SignUp) {
    this.insert('signUps', signUp)
  }
  async updateSignUp(signUp: SignUp) {
    this.replace('signUps', signUp)
  }
  async insertCertificate(certificate: Certificate) {
    this.insert('certificates', certificate)
  }
  async getCertificate(code: string) {
    return this.read('certificates').find((c) => c.code === code) ?? null
  }
  async listRooms() {
    return this.read('rooms')
  }
  async getRoom(id: string) {
    return this.byId(this.read('rooms'), id)
  }
  async insertRoom(room: Room) {
    this.insert('rooms', room)
  }
  async listRoomBookingsOfRoom(roomId: string, fromDate: string) {
    return this.read('roomBookings').filter((b) => b.roomId === roomId && b.date >= fromDate)
  }
  async listRoomBookingsOfAccount(accountId: string) {
    return this.read('roomBookings').filter((b) => b.accountId === accountId)
  }
  async getRoomBooking(id: string) {
    return this.byId(this.read('roomBookings'), id)
  }
  async insertRoomBooking(booking: RoomBooking) {
    this.insert('roomBookings', booking)
  }
  async updateRoomBooking(booking: RoomBooking) {
    this.replace('roomBookings', booking)
  }
  async listClosuresOfRoom(roomId: string, endingAfter: number) {
    return this.read('closures').filter((c) => c.roomId === roomId && Date.parse(c.to) > endingAfter)
  }
  async insertClosure(closure: Closure) {
    this.insert('closures', closure)
  }
  async listOpenVisitsOfRoom(roomId: string, endingAfter: number) {
    return this.read('visits').filter((v) => v.roomId === roomId && v.endedAt === null && Date.parse(v.endsAt) > endingAfter)
  }
  async insertVisit(visit: RoomVisit) {
    this.insert('visits', visit)
  }
  async updateVisit(visit: RoomVisit) {
    this.replace('visits', visit)
  }
  async deleteCertificatesOf(accountId: string) {
    if (this.read('certificates').some((c) => c.accountId === accountId)) {
      this.changed.certificates = this.read('certificates').filter((c) => c.accountId !== accountId)
    }
  }

  async loadStatsInput() {
    const gridOfUser: Record<string, string | null> = {}
    for (const u of this.read('users')) gridOfUser[u.id] = u.gridCode
    const slots = new Map(this.read('mediationSlots').map((slot) => [slot.id, slot]))
    return {
      wishes: this.read('wishes'),
      bookings: this.read('bookings'),
      applications: this.read('applications'),
      matters: this.read('matters').map(matterFactOf),
      mediations: this.read('mediationBookings').map((b) => mediationFactOf(b, slots.get(b.slotId)!)),
      activities: this.read('activities').map(activityFactOf),
      participations: this.read('signUps').flatMap((s) => participationOf(s) ?? []),
      gridOfUser,
    }
  }

  async claimIdempotencyKey(userId: string, key: string) {
    const record = this.read('idempotency')[`${userId}\n${key}`]
    return record && record.createdAt > this.now() - IDEMPOTENCY_KEEP_MS ? record : null
  }
  async saveIdempotencyAnswer(record: IdempotencyRecord) {
    const table = this.write('idempotency')
    // Forget answers past their time, a few at a time: the table never grows without bound.
    let pruned = 0
    for (const [k, r] of Object.entries(table)) {
      if (pruned >= 10) break
      if (r.createdAt <= record.createdAt - IDEMPOTENCY_KEEP_MS) {
        delete table[k]
        pruned += 1
      }
    }
    table[`${record.userId}\n${record.key}`] = stored(record)
  }

  async insertMessages(drafts: MessageDraft[]) {
    let added = 0
    for (const draft of drafts) {
      const known = this.read('messages').some((m) => m.accountId === draft.accountId && m.eventKey === draft.eventKey)
      if (known) continue
      this.insert('messages', { ...draft, id: await this.newId('m'), readAt: null })
      added += 1
    }
    return added
  }
  async scanMessages(accountId: string, scan: Scan) {
    return scanBackwards(this.read('messages'), scan, (m) => m.accountId === accountId)
  }
  async countUnreadMessages(accountId: string) {
    return this.read('messages').filter((m) => m.accountId === accountId && !m.readAt).length
  }
  async markMessagesRead(accountId: string, ids: string[] | null, at: string) {
    const unread = (m: Message) => m.accountId === accountId && !m.readAt && (!ids || ids.includes(m.id))
    if (!this.read('messages').some(unread)) return
    const list = this.write('messages')
    list.forEach((m, i) => {
      if (unread(m)) list[i] = stored({ ...m, readAt: at })
    })
  }

  async recordSubscribeGrants(accountId: string, templateIds: string[]) {
    const grants = this.write('grants')
    for (const id of templateIds) grants[`${accountId}\n${id}`] = (grants[`${accountId}\n${id}`] ?? 0) + 1
    return Object.entries(grants)
      .filter(([key]) => key.startsWith(`${accountId}\n`))
      .map(([key, remaining]) => ({ templateId: key.slice(accountId.length + 1), remaining }))
      .sort((a, b) => a.templateId.localeCompare(b.templateId))
  }
  async deleteSubscriptionsOf(accountId: string) {
    const keys = Object.keys(this.read('grants')).filter((key) => key.startsWith(`${accountId}\n`))
    if (keys.length) for (const key of keys) delete this.write('grants')[key]
  }

  async insertAudit(entry: Omit<AuditEntry, 'id'>) {
    this.insert('audit', { ...entry, id: `a${this.read('audit').length + 1}` })
  }
  async scanAudit(filter: AuditFilter, scan: Scan) {
    return scanBackwards(this.read('audit'), scan, (e) => concerns(e, filter.accountId) && withinDays(e.at, filter))
  }

  async wipeRecords() {
    const tables = ['communities', 'grids', 'wishes', 'photos', 'clinics', 'bookings', 'postings', 'applications'] as const
    const mattersAndMediation = ['matters', 'matterAffected', 'mediationSlots', 'mediationBookings', 'meetings', 'station'] as const
    const activitiesAndRooms = ['activities', 'signUps', 'certificates', 'rooms', 'roomBookings', 'closures', 'visits'] as const
    for (const table of [...tables, ...mattersAndMediation, ...activitiesAndRooms, 'messages'] as const) {
      this.changed[table] = []
    }
  }
}

export interface MemoryStoreOptions {
  /** The data of a new database (the demo seed, or empty tables). */
  initial: () => MemoryData
  persistence?: MemoryPersistence
  now?: () => number
}

/** An empty memory database. */
export function emptyMemoryData(): MemoryData {
  return {
    schema: MEMORY_SCHEMA,
    users: [],
    sessions: {},
    communities: [],
    grids: [],
    wishes: [],
    photos: [],
    clinics: [],
    bookings: [],
    postings: [],
    applications: [],
    matters: [],
    matterAffected: [],
    mediationSlots: [],
    mediationBookings: [],
    meetings: [],
    station: [],
    activities: [],
    signUps: [],
    certificates: [],
    rooms: [],
    roomBookings: [],
    closures: [],
    visits: [],
    roleChanges: [],
    messages: [],
    audit: [],
    grants: {},
    idempotency: {},
    seq: 1000,
  }
}

/**
 * The memory store: transactions run one at a time, each from the committed
 * state, and replace it only when they succeed. With persistence (the app),
 * each transaction holds the storage's lock and starts from what is stored,
 * so two browser tabs never overwrite each other's writes.
 */
export class MemoryStore implements Store {
  private data: MemoryData
  private revision: string | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private readonly now: () => number

  constructor(private readonly options: MemoryStoreOptions) {
    this.now = options.now ?? Date.now
    this.data = this.loadOrCreate()
  }

  private loadOrCreate(): MemoryData {
    const persistence = this.options.persistence
    const loaded = persistence?.load()
    this.revision = persistence?.revision() ?? null
    return frozen(loaded && loaded.schema === MEMORY_SCHEMA ? loaded : this.options.initial())
  }

  /** The committed data, for tests that look inside. */
  snapshot(): MemoryData {
    return this.data
  }

  transaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const persistence = this.options.persistence
      if (persistence && persistence.revision() !== this.revision) this.data = this.loadOrCreate()
      const tx = new MemoryTransaction(this.data, this.now)
      const result = await fn(tx)
      if (tx.dirty) {
        this.data = tx.commit()
        if (persistence) {
          persistence.save(this.data)
          this.revision = persistence.revision()
        }
      }
      return result
    }
    const locked = () => (this.options.persistence ? this.options.persistence.exclusive(run) : run())
    const result = this.queue.then(locked, locked)
    this.queue = result.catch(() => undefined)
    return result
  }

  async close(): Promise<void> {
    await this.queue
  }
}
