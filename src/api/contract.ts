import type {
  AccountSummary,
  ActivityDraft,
  ActivityRoster,
  RosterEntry,
  RoomVisit,
  ActivityView,
  ClosureResult,
  MyRoomBookings,
  RoomBookingView,
  RoomSlot,
  RoomView,
  Certificate,
  CertificateCheck,
  LiveCode,
  ServiceRecord,
  SignUpView,
  RoleChange,
  RoleDraft,
  Dashboard,
  PublicSummary,
  ApplicationDraft,
  ApplicationStatus,
  ApplicationView,
  JobQuery,
  PostingDraft,
  PostingView,
  MatterDraft,
  MatterView,
  MediationDraft,
  Meeting,
  MeetingDraft,
  StationMember,
  MediationBookingView,
  MediationOutcome,
  MediationSlotDraft,
  MediationSlotView,
  BookingDraft,
  BookingView,
  Roster,
  ClinicDraft,
  ClinicView,
  Card,
  Community,
  DemoAccount,
  Grid,
  Meta,
  OnBehalf,
  ResidentSummary,
  OpenWishQuery,
  Page,
  PageQuery,
  Session,
  User,
  VolunteerTasks,
  WishDraft,
  WishSummary,
  WishView,
  PhotoRef,
  Message,
  MyData,
  AccountClosure,
  AuditEntry,
  AuditQuery,
  UnreadCount,
  SubscribeGrants,
} from './types'

/** Every write can carry a caller-chosen key, so a retried submission is stored once. */
export interface WriteOptions {
  idempotencyKey?: string
}

/** What the first screen and every page may need: sign-in, the card, 我的, photos, the unread count. The capabilities below load with their subpackages. */
export interface CoreApi {
  getMeta(): Promise<Meta>
  /** Exchanges a WeChat login code (wx.login) for a session. */
  login(code: string, options?: WriteOptions): Promise<Session>
  listDemoAccounts(): Promise<DemoAccount[]>
  /** Demo backends only: signs in as one of the demo accounts. */
  switchDemoAccount(accountId: string, options?: WriteOptions): Promise<Session>
  /**
   * Signs in with a phone number: WeChat's getPhoneNumber code, or on demo
   * backends `phone:<number>`. Opens the account a helper created through 代办.
   */
  loginWithPhone(code: string, gridCode?: string | null, options?: WriteOptions): Promise<Session>
  /** Ends this session on the server: its token stops working. */
  logout(options?: WriteOptions): Promise<void>
  getMe(): Promise<User>
  listCommunities(): Promise<Community[]>
  getGrid(code: string): Promise<Grid>
  getCard(gridCode: string): Promise<Card>
  /** Demo backends only: restores the seed data. */
  resetDemo(options?: WriteOptions): Promise<void>

  // Photos, for a wish or a matter about to be posted
  /** Uploads a photo (a local file); its id goes into the draft's photos. */
  uploadPhoto(filePath: string, options?: WriteOptions): Promise<PhotoRef>

  // 我的: what the caller has going on
  listMyWishes(query?: PageQuery): Promise<Page<WishSummary>>
  listMyTasks(): Promise<VolunteerTasks>
  listMyBookings(): Promise<BookingView[]>
  listMyApplications(): Promise<ApplicationView[]>
  countUnreadMessages(): Promise<UnreadCount>
  /** The WeChat subscribe templates the caller just accepted: each allows the server one message. */
  recordSubscriptions(accepted: string[], options?: WriteOptions): Promise<SubscribeGrants>

  // 代办 (issue 6), from the forms of several subpackages
  /** Volunteers: residents of their grid; staff: everyone. Phones masked; q is a name or a phone's last 4 digits. */
  listResidents(q?: string): Promise<ResidentSummary[]>

  /** 在职党员 on 我的: marks or unmarks the caller; returns the account as it now is. */
  setPartyMember(partyMember: boolean, options?: WriteOptions): Promise<User>
  /** Public: the summary on the home page. */
  getPublicSummary(): Promise<PublicSummary>
}

/** 微心愿 (PRODUCT.md §4): the wish/ subpackage. */
export interface WishApi {
  postWish(draft: WishDraft & OnBehalf, options?: WriteOptions): Promise<WishView>
  /** Volunteers: open wishes of their grid, newest first. */
  listOpenWishes(query?: OpenWishQuery): Promise<Page<WishSummary>>
  /** Staff: wishes waiting for review. */
  listWishesToReview(query?: PageQuery): Promise<Page<WishSummary>>
  getWish(id: string): Promise<WishView>
  approveWish(id: string, options?: WriteOptions): Promise<WishView>
  rejectWish(id: string, reason: string, options?: WriteOptions): Promise<WishView>
  cancelWish(id: string, options?: WriteOptions): Promise<WishView>
  claimWish(id: string, options?: WriteOptions): Promise<WishView>
  releaseWish(id: string, reason: string, options?: WriteOptions): Promise<WishView>
  completeWish(id: string, input: { note: string; hours: number }, options?: WriteOptions): Promise<WishView>
  confirmWish(id: string, input: { rating: number; thanks: string }, options?: WriteOptions): Promise<WishView>
}

/** 专家义诊 (PRODUCT.md §5): the clinic/ subpackage. */
export interface ClinicApi {
  // 专家义诊 (PRODUCT.md §5)
  /** Clinics that have not ended, soonest first; optionally one specialty. */
  listClinics(specialty?: string): Promise<ClinicView[]>
  getClinic(id: string): Promise<ClinicView>
  /** A place in the slot, or its waiting list when it is full. */
  bookClinic(clinicId: string, slotId: string, draft: BookingDraft & OnBehalf, options?: WriteOptions): Promise<BookingView>
  getBooking(id: string): Promise<BookingView>
  /** The owner, the helper who booked it (代办), or staff with a reason the owner sees. */
  cancelBooking(id: string, reason?: string | null, options?: WriteOptions): Promise<BookingView>
  /** Staff. */
  createClinic(draft: ClinicDraft, options?: WriteOptions): Promise<ClinicView>
  updateClinic(id: string, draft: ClinicDraft, options?: WriteOptions): Promise<ClinicView>
  getRoster(clinicId: string): Promise<Roster>
  checkIn(bookingId: string, options?: WriteOptions): Promise<BookingView>
}

/** 就业创业 (PRODUCT.md §6): the jobs/ subpackage. */
export interface JobsApi {
  // 就业创业 (PRODUCT.md §6)
  /** Open, unexpired postings, newest first, searched and filtered. */
  listJobs(query?: JobQuery & PageQuery): Promise<Page<PostingView>>
  getJob(id: string): Promise<PostingView>
  applyForJob(postingId: string, draft: ApplicationDraft & OnBehalf, options?: WriteOptions): Promise<ApplicationView>
  /** Staff: every posting, expired and closed included. */
  listAllJobs(query?: Pick<JobQuery, 'keyword'> & PageQuery): Promise<Page<PostingView>>
  createJob(draft: PostingDraft, options?: WriteOptions): Promise<PostingView>
  updateJob(id: string, draft: PostingDraft, options?: WriteOptions): Promise<PostingView>
  closeJob(id: string, options?: WriteOptions): Promise<PostingView>
  listApplicants(postingId: string): Promise<ApplicationView[]>
  setApplicationStatus(id: string, status: ApplicationStatus, options?: WriteOptions): Promise<ApplicationView>
}

/** 有事先商量 and 调解预约 (issue 16): the matters/ subpackage. */
export interface MattersApi {
  // 有事先商量 (issue 16)
  /** Residents and elders (or a helper for them through forResident): a matter for their grid. */
  raiseMatter(draft: MatterDraft & OnBehalf, options?: WriteOptions): Promise<MatterView>
  listMyMatters(query?: PageQuery): Promise<Page<MatterView>>
  /** Public matters of the caller's grid, without names; open ones first, safety hazards leading. */
  listPublicMatters(): Promise<MatterView[]>
  /** Grid workers: their grid's matters; staff: every grid's. Newest first, overdue marked. */
  listMattersToHandle(query?: PageQuery): Promise<Page<MatterView>>
  getMatter(id: string): Promise<MatterView>
  acceptMatter(id: string, options?: WriteOptions): Promise<MatterView>
  /** A note the resident can read. */
  noteMatter(id: string, text: string, options?: WriteOptions): Promise<MatterView>
  /** The reply, with one optional photo (an upload's id). */
  answerMatter(id: string, reply: string | { text: string; photo?: string }, options?: WriteOptions): Promise<MatterView>
  confirmMatter(id: string, options?: WriteOptions): Promise<MatterView>
  /** Once, with a reason. */
  reopenMatter(id: string, reason: string, options?: WriteOptions): Promise<MatterView>
  /** Staff, or a grid worker of the grid: this duplicate merged into another matter of the grid (`into`), which is kept. */
  mergeMatter(id: string, into: string, options?: WriteOptions): Promise<MatterView>
  /** 我也遇到: counted once per account. */
  addMeToMatter(id: string, options?: WriteOptions): Promise<MatterView>

  // 网格议事会 (issue 16)
  /** Staff: a meeting for a grid, its agenda empty. */
  scheduleMeeting(draft: MeetingDraft, options?: WriteOptions): Promise<Meeting>
  /** Staff: every grid's; grid workers: their grid's; residents: their grid's published ones. Newest first. */
  listMeetings(): Promise<Meeting[]>
  getMeeting(id: string): Promise<Meeting>
  /** Staff: a matter of the meeting's grid onto its agenda. */
  addMeetingItem(id: string, matterId: string, options?: WriteOptions): Promise<Meeting>
  /** Staff: the decision on one agenda item, until published. */
  decideMeetingItem(id: string, matterId: string, decision: string, options?: WriteOptions): Promise<Meeting>
  /** Staff: the minutes (决议) published to the grid; read-only after. */
  publishMeeting(id: string, minutes: string, options?: WriteOptions): Promise<Meeting>

  // 调解预约 at the judges' station (issue 16)
  /** The station's rotating judges and 金牌调解员 with their shifts (public): who is on duty follows the card's duty rule. */
  getStationRoster(): Promise<StationMember[]>
  /** Slots that have not started, soonest first, with places left. */
  listMediationSlots(): Promise<MediationSlotView[]>
  /** Staff: the slots of the past 14 days and to come, soonest first (outcomes are recorded afterwards). */
  listRecentMediationSlots(): Promise<MediationSlotView[]>
  /** Staff. */
  createMediationSlot(draft: MediationSlotDraft, options?: WriteOptions): Promise<MediationSlotView>
  /** A place in the slot; never more than its capacity. */
  bookMediation(slotId: string, draft: MediationDraft & OnBehalf, options?: WriteOptions): Promise<MediationBookingView>
  listMyMediations(): Promise<MediationBookingView[]>
  /** Until 2 hours before the slot. */
  cancelMediation(id: string, options?: WriteOptions): Promise<MediationBookingView>
  /** Staff: the slot's bookings with their private descriptions. */
  listMediationBookings(slotId: string): Promise<MediationBookingView[]>
  recordMediationOutcome(id: string, outcome: MediationOutcome, note: string, options?: WriteOptions): Promise<MediationBookingView>
}

/** 志愿活动 and 志愿服务记录 (issue 17): the activity/ subpackage. */
export interface ActivityApi {
  // 志愿活动 (issue 17)
  /** Upcoming activities, soonest first. */
  listActivities(): Promise<ActivityView[]>
  getActivity(id: string): Promise<ActivityView>
  /** Staff. */
  publishActivity(draft: ActivityDraft, options?: WriteOptions): Promise<ActivityView>
  /** Staff: one activity a month for `months` months, on the same weekday of the month (每月第二个周六). */
  publishActivitySeries(draft: ActivityDraft, months: number, options?: WriteOptions): Promise<ActivityView[]>
  /** A place, or the waiting list; never beyond the capacity. */
  signUpForActivity(activityId: string, options?: WriteOptions): Promise<SignUpView>
  listMySignUps(): Promise<SignUpView[]>
  cancelSignUp(signUpId: string, options?: WriteOptions): Promise<SignUpView>
  /** Staff: the code on the organiser's phone, changed every 30 seconds. */
  getLiveCode(activityId: string): Promise<LiveCode>
  /** A joined volunteer's own code of the moment (8 digits), for the organiser to scan. */
  getMyActivityCode(activityId: string): Promise<LiveCode>
  /** Staff: check a volunteer in or out by their own code. */
  scanVolunteerCode(activityId: string, code: string, step: 'check-in' | 'check-out', options?: WriteOptions): Promise<RosterEntry>
  /** The six digits as typed, or a scanned payload. */
  checkInToActivity(activityId: string, code: string, options?: WriteOptions): Promise<SignUpView>
  checkOutOfActivity(activityId: string, code: string, options?: WriteOptions): Promise<SignUpView>
  /** Staff. */
  getActivityRoster(activityId: string): Promise<ActivityRoster>
  /** Staff: the computed hours stay beside the correction. */
  correctHours(signUpId: string, hours: number, reason: string, options?: WriteOptions): Promise<SignUpView>
  /** 志愿服务记录: activities and completed micro-wishes with hours. */
  getServiceRecord(): Promise<ServiceRecord>
  /** 出具证明: a snapshot of the record with a verification code. */
  issueCertificate(options?: WriteOptions): Promise<Certificate>
  /** Public: the totals of a certificate, the holder's name masked, nothing else of theirs. */
  checkCertificate(code: string): Promise<CertificateCheck>
}

/** 功能室预约 (issue 17): the rooms/ subpackage. */
export interface RoomsApi {
  // 功能室预约 (issue 17)
  listRooms(): Promise<RoomView[]>
  getRoom(id: string): Promise<RoomView>
  /** The hours of a day (today and the next 7), with places left and closures. */
  listRoomSlots(roomId: string, date: string): Promise<RoomSlot[]>
  bookRoom(roomId: string, slot: { date: string; start: string }, options?: WriteOptions): Promise<RoomBookingView>
  listMyRoomBookings(): Promise<MyRoomBookings>
  cancelRoomBooking(id: string, options?: WriteOptions): Promise<RoomBookingView>
  /** At the door: the room's code, scanned. */
  checkInToRoom(roomId: string, code: string, options?: WriteOptions): Promise<RoomBookingView>
  /** Staff (the room's door display): the door code of this moment. */
  getRoomDoorCode(roomId: string): Promise<LiveCode>
  /** 母婴室: the caller's visit in progress, or null. */
  getMyRoomVisit(roomId: string): Promise<{ visit: RoomVisit | null }>
  /** 我在使用: starts a walk-in visit (over by itself after 30 minutes). */
  startRoomVisit(roomId: string, options?: WriteOptions): Promise<RoomVisit>
  /** 离开: ends the caller's visit. */
  endRoomVisit(roomId: string, options?: WriteOptions): Promise<RoomVisit>
  /** Staff: the bookings of the hours it covers are cancelled with its reason. */
  closeRoom(roomId: string, closure: { from: string; to: string; reason: string }, options?: WriteOptions): Promise<ClosureResult>
}

/** Staff only: 志愿者管理, 操作记录 and 工作数据 (the staff/ subpackage). */
export interface StaffApi {
  // 志愿者管理 (issue 11): staff only
  /** Accounts by name, or a phone's last 4 digits; phones masked. */
  listAccounts(q?: string): Promise<AccountSummary[]>
  /** Grants or revokes a role (and the volunteer's grid); recorded with who and when. */
  setAccountRole(accountId: string, draft: RoleDraft, options?: WriteOptions): Promise<AccountSummary>
  /** What changed for an account, newest first. */
  listRoleChanges(accountId: string): Promise<RoleChange[]>

  // 操作记录
  /** Staff: the audit trail, newest first, by or about one account and within China days. */
  listAudit(query?: AuditQuery): Promise<Page<AuditEntry>>

  // Figures (PRODUCT.md §9)
  /** Staff: overall, per community and per grid; this month and overall. */
  getDashboard(): Promise<Dashboard>
}

/** 个人信息与隐私: the legal/ subpackage. */
export interface PrivacyApi {
  // 个人信息与隐私
  /** Everything the service holds about the caller. */
  getMyData(): Promise<MyData>
  /** Corrects the caller's name. */
  renameMe(name: string, options?: WriteOptions): Promise<User>
  /** 注销账号: withdraws what is to come, erases every personal detail and signs out everywhere. */
  closeMyAccount(options?: WriteOptions): Promise<AccountClosure>
}

/** 消息: the inbox/ subpackage. */
export interface InboxApi {
  // 消息
  /** What the caller was told, newest first. */
  listMessages(query?: PageQuery): Promise<Page<Message>>
  /** Marks these messages read (all when none are named); answers what stays unread. */
  markMessagesRead(ids?: string[], options?: WriteOptions): Promise<UnreadCount>
}

/** The API contract: what pages and stores may ask of a backend, capability by capability. */
export type Api = CoreApi & WishApi & ClinicApi & JobsApi & MattersApi & ActivityApi & RoomsApi & StaffApi & PrivacyApi & InboxApi

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One call on the wire, independent of how it travels. */
export interface ApiRequest {
  method: HttpMethod
  /** Path below the base URL, already encoded, e.g. /grids/DA0103/card */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  token?: string | null
  idempotencyKey?: string
  /** A local file (a chosen photo) sent as the request's one file, instead of a JSON body. */
  filePath?: string
}

/** Sends a request and resolves with the response body, or rejects with an ApiError. */
export type Transport = (request: ApiRequest) => Promise<unknown>
