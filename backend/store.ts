import type { AuditEntry, AuditFilter } from '../src/domain/audit'
import type { Message, MessageDraft } from '../src/domain/messages'
import type { Booking, Clinic, SlotBooking } from '../src/domain/clinic'
import type { Application, Posting } from '../src/domain/jobs'
import type { Matter } from '../src/domain/matters'
import type { MediationBooking, MediationSlot } from '../src/domain/mediation'
import type { Meeting } from '../src/domain/meetings'
import type { StationMember } from '../src/domain/station'
import type { Activity, Certificate, SignUp } from '../src/domain/activity'
import type { Closure, Room, RoomBooking, RoomVisit } from '../src/domain/rooms'
import type { RoleChange } from '../src/domain/roles'
import type { StatsInput } from '../src/domain/stats'
import type { Wish, WishCategory } from '../src/domain/wish'
import type { CommunityRecord, GridRecord, IdempotencyRecord, PhotoRecord, SessionRecord, UserRecord } from './records'

/**
 * The storage port: every request runs inside one `transaction`, and its
 * handler reaches the data only through the repository it is handed. Two
 * stores implement it: memory (the demo in the app and the mock HTTP server)
 * and PostgreSQL (server/). Records are plain values: a handler reads one,
 * asks a pure rule of src/domain for the next one, and writes that.
 */
export interface Store {
  /**
   * Runs `fn` as one transaction: all of its writes, or none if it throws.
   * `readOnly` lets a store skip what only writes need.
   */
  transaction<T>(fn: (repo: Repository) => Promise<T>, options?: { readOnly?: boolean }): Promise<T>
  close(): Promise<void>
}

export interface ReadOptions {
  /** Lock the record until the transaction ends: the way races are decided. */
  forUpdate?: boolean
}

/** One record of a newest-first scan, with the opaque cursor that resumes after it. */
export interface Keyed<T> {
  record: T
  cursor: string
}

/** Newest first, strictly older than `after` (a cursor from an earlier scan). */
export interface Scan {
  after: string | null
  limit: number
}

export type WishScanFilter =
  | { kind: 'owner'; ownerId: string }
  | { kind: 'open'; gridCode: string; category?: WishCategory }
  | { kind: 'review' }

export type MatterScanFilter =
  | { kind: 'owner'; ownerId: string }
  /** What grid workers handle: one grid, or every grid (null) for staff. */
  | { kind: 'grid'; gridCode: string | null }

export interface ResidentFilter {
  /** Only this grid; null: every grid. */
  gridCode: string | null
  /** A name fragment, or a phone's last 4 digits. */
  q: string
  limit: number
}

/** Sends a template still allows for an account. */
export interface SubscribeGrant {
  templateId: string
  remaining: number
}

export interface Repository {
  /** A new record id, e.g. `w1042`; never reused, even after a rollback. */
  newId(prefix: string): Promise<string>

  // Accounts and sessions
  getUser(id: string, options?: ReadOptions): Promise<UserRecord | null>
  findUserByPhone(phone: string): Promise<UserRecord | null>
  findUserByOpenid(openid: string): Promise<UserRecord | null>
  insertUser(user: UserRecord): Promise<void>
  updateUser(user: UserRecord): Promise<void>
  listResidents(filter: ResidentFilter): Promise<UserRecord[]>
  /** Every account whose name has `q`, or whose phone ends with it (4 digits); oldest first. */
  listAccounts(filter: { q: string; limit: number }): Promise<UserRecord[]>
  /** The ids of the open accounts that volunteer in a grid. */
  listVolunteersOf(gridCode: string): Promise<string[]>
  insertRoleChange(change: RoleChange): Promise<void>
  /** Newest first. */
  listRoleChanges(userId: string): Promise<RoleChange[]>
  insertSession(session: SessionRecord): Promise<void>
  /** The account signed in with a token hash, if its session has not expired at `now`. */
  getSessionUser(tokenHash: string, now: number): Promise<UserRecord | null>
  deleteSession(tokenHash: string): Promise<void>
  /** 注销账号: every session, remembered answer and message of the account. */
  deleteSessionsOf(userId: string): Promise<void>
  deleteIdempotencyOf(userId: string): Promise<void>
  deleteMessagesOf(accountId: string): Promise<void>

  // Places
  listCommunities(): Promise<CommunityRecord[]>
  listGrids(): Promise<GridRecord[]>
  getGrid(code: string): Promise<GridRecord | null>

  // 微心愿
  getWish(id: string, options?: ReadOptions): Promise<Wish | null>
  insertWish(wish: Wish): Promise<void>
  updateWish(wish: Wish): Promise<void>
  /** Wishes of an owner that may still count against the limit (pending, open, claimed). */
  listActiveWishesOf(ownerId: string): Promise<Wish[]>
  scanWishes(filter: WishScanFilter, scan: Scan): Promise<Keyed<Wish>[]>
  /** Newest first. */
  listWishesClaimedBy(volunteerId: string): Promise<Wish[]>
  /** Wishes stored as completed (nobody confirmed them) whose completion lies between two instants (epoch ms, both included). */
  listCompletedWishes(from: number, to: number): Promise<Wish[]>

  // Photos (their bytes are in PhotoFiles, outside the database)
  insertPhoto(photo: PhotoRecord): Promise<void>
  getPhoto(id: string, options?: ReadOptions): Promise<PhotoRecord | null>
  findPhotoByCheckTrace(trace: string): Promise<PhotoRecord | null>
  updatePhoto(photo: PhotoRecord): Promise<void>
  /**
   * Gives a wish the uploader's photos that no wish has yet; false unless
   * every one of them was still free (the caller then refuses the write,
   * which undoes any part done).
   */
  attachPhotos(ids: string[], ownerId: string, wishId: string): Promise<boolean>
  /** 注销账号: forgets the photos of these wishes and those the account uploaded that no wish took; returns their ids. */
  deletePhotosOf(ownerId: string, wishIds: string[]): Promise<string[]>
  /** Forgets the photos uploaded before `createdBefore` (China ISO) that nothing took; returns their ids. */
  deleteStrayPhotos(createdBefore: string): Promise<string[]>

  // 专家义诊
  /** Clinics on or after a China date (YYYY-MM-DD), any order. */
  listClinicsFrom(date: string, specialty?: string): Promise<Clinic[]>
  /** The clinics with these ids that exist, in any order. */
  getClinics(ids: string[]): Promise<Clinic[]>
  getClinic(id: string, options?: ReadOptions): Promise<Clinic | null>
  insertClinic(clinic: Clinic): Promise<void>
  updateClinic(clinic: Clinic): Promise<void>
  getBooking(id: string, options?: ReadOptions): Promise<Booking | null>
  /** Every booking of a clinic, cancelled ones too, in the order they were made. */
  listBookingsOfClinic(clinicId: string): Promise<Booking[]>
  /** The same, only what the booking rules read: cheaper while the clinic row is locked. */
  listSlotBookings(clinicId: string): Promise<SlotBooking[]>
  listBookingsOfAccount(accountId: string): Promise<Booking[]>
  insertBooking(booking: Booking): Promise<void>
  updateBooking(booking: Booking): Promise<void>
  /** Clinics dated from one China date to another (YYYY-MM-DD, both included), any order. */
  listClinicsBetween(from: string, to: string): Promise<Clinic[]>
  /** The bookings of these clinics that hold a place and have not checked in (status booked). */
  listBookedOf(clinicIds: string[]): Promise<Booking[]>

  // 就业创业
  getPosting(id: string, options?: ReadOptions): Promise<Posting | null>
  insertPosting(posting: Posting): Promise<void>
  updatePosting(posting: Posting): Promise<void>
  /** Open postings whose expiry is on or after `listedOn` (a China date); null: every posting. */
  scanPostings(filter: { listedOn: string | null }, scan: Scan): Promise<Keyed<Posting>[]>
  getApplication(id: string, options?: ReadOptions): Promise<Application | null>
  findApplication(postingId: string, applicantId: string): Promise<Application | null>
  listApplicationsOfPosting(postingId: string): Promise<Application[]>
  /** Newest first. */
  listApplicationsOfApplicant(applicantId: string): Promise<Application[]>
  insertApplication(application: Application): Promise<void>
  updateApplication(application: Application): Promise<void>

  // 有事先商量
  getMatter(id: string, options?: ReadOptions): Promise<Matter | null>
  insertMatter(matter: Matter): Promise<void>
  updateMatter(matter: Matter): Promise<void>
  scanMatters(filter: MatterScanFilter, scan: Scan): Promise<Keyed<Matter>[]>
  /** The newest public matters of a grid (disputes never are), at most `limit`. */
  listPublicMatters(gridCode: string, limit: number): Promise<Matter[]>
  /**
   * Records an account's 我也遇到 on a matter; false when it already had one
   * (a unique index decides, whatever runs at the same time).
   */
  addMatterAffected(matterId: string, accountId: string): Promise<boolean>
  /** Of these matters, the ids the account said 我也遇到 to. */
  listMattersAffecting(accountId: string, matterIds: string[]): Promise<string[]>
  /** The accounts that said 我也遇到 to a matter (or were merged into it). */
  listMatterAffectedAccounts(matterId: string): Promise<string[]>

  // 网格议事会
  getMeeting(id: string, options?: ReadOptions): Promise<Meeting | null>
  insertMeeting(meeting: Meeting): Promise<void>
  updateMeeting(meeting: Meeting): Promise<void>
  /** Meetings of a grid (null: every grid), only published ones if asked; any order. */
  listMeetings(filter: { gridCode: string | null; publishedOnly: boolean }): Promise<Meeting[]>
  /** Meetings that have this matter on their agenda; any order. */
  listMeetingsOfMatter(matterId: string): Promise<Meeting[]>

  // 调解预约 at the judges' station
  /** The station's judges and mediators with their shifts, in roster order. */
  listStationMembers(): Promise<StationMember[]>
  insertStationMember(member: StationMember): Promise<void>
  /** Slots dated on or after a China date (YYYY-MM-DD), soonest first. */
  listMediationSlotsFrom(date: string): Promise<MediationSlot[]>
  getMediationSlot(id: string, options?: ReadOptions): Promise<MediationSlot | null>
  insertMediationSlot(slot: MediationSlot): Promise<void>
  getMediationBooking(id: string, options?: ReadOptions): Promise<MediationBooking | null>
  /** Every booking of these slots, cancelled ones too, in the order they were made. */
  listMediationBookingsOfSlots(slotIds: string[]): Promise<MediationBooking[]>
  /** Newest first. */
  listMediationBookingsOfAccount(accountId: string): Promise<MediationBooking[]>
  insertMediationBooking(booking: MediationBooking): Promise<void>
  updateMediationBooking(booking: MediationBooking): Promise<void>
  // 志愿活动
  /** Activities dated on or after a China date (YYYY-MM-DD), any order. */
  listActivitiesFrom(date: string): Promise<Activity[]>
  getActivity(id: string, options?: ReadOptions): Promise<Activity | null>
  /** The activities with these ids that exist, in any order. */
  getActivities(ids: string[]): Promise<Activity[]>
  insertActivity(activity: Activity): Promise<void>
  getSignUp(id: string, options?: ReadOptions): Promise<SignUp | null>
  /** Every sign-up of an activity, cancelled ones too, in the order they were made. */
  listSignUpsOfActivity(activityId: string): Promise<SignUp[]>
  /** In the order they were made. */
  listSignUpsOfAccount(accountId: string): Promise<SignUp[]>
  insertSignUp(signUp: SignUp): Promise<void>
  updateSignUp(signUp: SignUp): Promise<void>
  insertCertificate(certificate: Certificate): Promise<void>
  getCertificate(code: string): Promise<Certificate | null>
  /** 注销账号: the account's certificates stop verifying. */
  deleteCertificatesOf(accountId: string): Promise<void>

  // 功能室预约
  listRooms(): Promise<Room[]>
  getRoom(id: string, options?: ReadOptions): Promise<Room | null>
  insertRoom(room: Room): Promise<void>
  /** Bookings of a room on China days from `fromDate` (YYYY-MM-DD) on, in the order made. */
  listRoomBookingsOfRoom(roomId: string, fromDate: string): Promise<RoomBooking[]>
  /** In the order made. */
  listRoomBookingsOfAccount(accountId: string): Promise<RoomBooking[]>
  getRoomBooking(id: string, options?: ReadOptions): Promise<RoomBooking | null>
  insertRoomBooking(booking: RoomBooking): Promise<void>
  updateRoomBooking(booking: RoomBooking): Promise<void>
  /** Closures of a room that end after `endingAfter` (epoch ms). */
  listClosuresOfRoom(roomId: string, endingAfter: number): Promise<Closure[]>
  insertClosure(closure: Closure): Promise<void>
  /** Visits of a walk-in room that end after `endingAfter` (epoch ms) and were not ended by hand, in the order made. */
  listOpenVisitsOfRoom(roomId: string, endingAfter: number): Promise<RoomVisit[]>
  insertVisit(visit: RoomVisit): Promise<void>
  updateVisit(visit: RoomVisit): Promise<void>

  // Figures
  loadStatsInput(): Promise<Omit<StatsInput, 'gridOf'> & { gridOfUser: Record<string, string | null> }>

  // Idempotency: one record per (user, key), kept at least 24 hours
  /**
   * Takes the key for this transaction: the stored record when an earlier
   * write with the key succeeded (after waiting for one still running), or
   * null when this write is the first and must store its answer.
   */
  claimIdempotencyKey(userId: string, key: string, fingerprint: string, now: number): Promise<IdempotencyRecord | null>
  saveIdempotencyAnswer(record: IdempotencyRecord): Promise<void>

  // 消息: what an account is told (src/domain/messages.ts)
  /**
   * Adds messages; one an account already has for the same event is skipped
   * (and uses up no id). Where WeChat subscribe messages are sent, each new
   * message for a template the account accepted also goes to the outbox, in
   * this transaction. Answers how many messages were new.
   */
  insertMessages(messages: MessageDraft[]): Promise<number>
  /** The account's messages, newest first. */
  scanMessages(accountId: string, scan: Scan): Promise<Keyed<Message>[]>
  countUnreadMessages(accountId: string): Promise<number>
  /** Marks the account's unread messages read (these ids, or all of them). */
  markMessagesRead(accountId: string, ids: string[] | null, at: string): Promise<void>

  // WeChat subscribe messages: each accept of a template allows one send
  /** Adds one send for each template the account accepted; answers what the account now holds. */
  recordSubscribeGrants(accountId: string, templateIds: string[]): Promise<SubscribeGrant[]>
  /** 注销账号: every grant, and every subscribe message queued or sent, of the account. */
  deleteSubscriptionsOf(accountId: string): Promise<void>

  // 操作记录 (src/domain/audit.ts): append-only, no update or delete exists
  /** Appends an entry; the store numbers it. */
  insertAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>
  /** Entries by or about an account, within China days, newest first. */
  scanAudit(filter: AuditFilter, scan: Scan): Promise<Keyed<AuditEntry>[]>

  // Operators: the sub-district's communities and grids (with their cards), added or replaced
  upsertCommunity(community: CommunityRecord): Promise<void>
  upsertGrid(grid: GridRecord): Promise<void>

  // Demo hosts only: restore the seed (keeps accounts and sessions)
  wipeRecords(): Promise<void>
  insertCommunity(community: CommunityRecord): Promise<void>
  insertGrid(grid: GridRecord): Promise<void>
}
