import type { Api, ApiRequest, Transport, WriteOptions } from './contract'
import type { ApiError } from './errors'
import type {
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
  AccountSummary,
  RoleChange,
  Dashboard,
  PublicSummary,
  ApplicationView,
  PostingView,
  MatterView,
  MediationBookingView,
  MediationSlotView,
  BookingView,
  Roster,
  ClinicView,
  Card,
  Community,
  DemoAccount,
  Grid,
  Meta,
  ResidentSummary,
  Page,
  PageQuery,
  Session,
  User,
  VolunteerTasks,
  WishSummary,
  WishView,
  PhotoRef,
  Message,
  MyData,
  AccountClosure,
  AuditEntry,
  UnreadCount,
  SubscribeGrants,
} from './types'

let counter = 0

/** A unique key for one user intent; works without crypto (mini-program engines). */
export function newIdempotencyKey(): string {
  counter = (counter + 1) % 1e6
  const random = Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${counter.toString(36)}-${random}`
}

export interface ClientOptions {
  transport: Transport
  getToken: () => string | null
  /** Signs in again after the session expired; resolves with the new token. */
  reauthenticate?: () => Promise<string | null>
  /** Makes the server's photo links (/photos/…) absolute; links that already are pass through. */
  resolveUrl?: (path: string) => string
}

/**
 * Maps the typed contract onto wire requests. The same client serves the
 * embedded mock and a real server: only the transport differs.
 */
export function createClient({ transport, getToken, reauthenticate, resolveUrl = (path) => path }: ClientOptions): Api {
  // One sign-in shared by every request that finds the session expired meanwhile.
  let renewing: Promise<string | null> | null = null
  const send = <T>(request: Omit<ApiRequest, 'token'>): Promise<T> => {
    const token = getToken()
    const go = (t: string | null) => transport({ ...request, token: t }) as Promise<T>
    return go(token).catch((error: ApiError) => {
      // Only an expired token is renewed; /auth/* (the sign-in itself) never is.
      if (!reauthenticate || !token || error.code !== 'UNAUTHORIZED' || request.path.startsWith('/auth/')) throw error
      // A 401 that lands after another request renewed the token just retries.
      const current = getToken()
      const fresh = current !== token ? Promise.resolve(current) : (renewing ||= reauthenticate().finally(() => (renewing = null)))
      // One retry with the same Idempotency-Key; a second 401 goes to the caller.
      return fresh.then((t) => {
        if (!t) throw error
        return go(t)
      })
    })
  }
  const write = <T>(method: ApiRequest['method'], path: string, body: unknown, options?: WriteOptions) =>
    send<T>({ method, path, body, idempotencyKey: options?.idempotencyKey || newIdempotencyKey() })
  const seg = encodeURIComponent
  // Query objects are flat: strings and numbers, unset ones left out.
  const page = <T = WishSummary>(path: string, query: object = {}) =>
    send<Page<T>>({ method: 'GET', path, query: { ...query, cursor: (query as PageQuery).cursor ?? undefined } as ApiRequest['query'] })
  const linked = (wish: WishView): WishView => ({ ...wish, photos: wish.photos.map(resolveUrl) })
  const wishAction = (id: string, action: string, body: unknown, options?: WriteOptions) =>
    write<WishView>('POST', `/wishes/${seg(id)}/${action}`, body, options).then(linked)

  const matterAction = (id: string, action: string, body: unknown, options?: WriteOptions) => write<MatterView>('POST', `/matters/${seg(id)}/${action}`, body, options)

  return {
    getMeta: () => send<Meta>({ method: 'GET', path: '/meta' }),
    login: (code, options) => write<Session>('POST', '/auth/login', { code }, options),
    listDemoAccounts: () => send<DemoAccount[]>({ method: 'GET', path: '/auth/demo-accounts' }),
    switchDemoAccount: (accountId, options) => write<Session>('POST', '/auth/demo', { accountId }, options),
    loginWithPhone: (code, gridCode, options) => write<Session>('POST', '/auth/phone', { code, gridCode: gridCode ?? undefined }, options),
    logout: (options) => write<void>('POST', '/auth/logout', {}, options).then(() => undefined),
    getMe: () => send<User>({ method: 'GET', path: '/me' }),
    listCommunities: () => send<Community[]>({ method: 'GET', path: '/communities' }),
    getGrid: (code) => send<Grid>({ method: 'GET', path: `/grids/${seg(code)}` }),
    getCard: (gridCode) => send<Card>({ method: 'GET', path: `/grids/${seg(gridCode)}/card` }),
    resetDemo: (options) => write<void>('POST', '/demo/reset', {}, options).then(() => undefined),

    uploadPhoto: (filePath, options) =>
      send<PhotoRef>({ method: 'POST', path: '/photos', body: {}, filePath, idempotencyKey: options?.idempotencyKey || newIdempotencyKey() }).then((photo) => ({
        ...photo,
        url: resolveUrl(photo.url),
      })),
    postWish: (draft, options) => write<WishView>('POST', '/wishes', draft, options).then(linked),
    listMyWishes: (query) => page('/wishes/mine', query),
    listOpenWishes: (query) => page('/wishes/open', query),
    listWishesToReview: (query) => page('/wishes/review', query),
    listMyTasks: () => send<VolunteerTasks>({ method: 'GET', path: '/wishes/tasks' }),
    getWish: (id) => send<WishView>({ method: 'GET', path: `/wishes/${seg(id)}` }).then(linked),
    approveWish: (id, options) => wishAction(id, 'approve', {}, options),
    rejectWish: (id, reason, options) => wishAction(id, 'reject', { reason }, options),
    cancelWish: (id, options) => wishAction(id, 'cancel', {}, options),
    claimWish: (id, options) => wishAction(id, 'claim', {}, options),
    releaseWish: (id, reason, options) => wishAction(id, 'release', { reason }, options),
    completeWish: (id, input, options) => wishAction(id, 'complete', input, options),
    confirmWish: (id, input, options) => wishAction(id, 'confirm', input, options),

    listClinics: (specialty) => send<ClinicView[]>({ method: 'GET', path: '/clinics', query: { specialty } }),
    getClinic: (id) => send<ClinicView>({ method: 'GET', path: `/clinics/${seg(id)}` }),
    bookClinic: (clinicId, slotId, draft, options) =>
      write<BookingView>('POST', `/clinics/${seg(clinicId)}/slots/${seg(slotId)}/bookings`, draft, options),
    listMyBookings: () => send<BookingView[]>({ method: 'GET', path: '/bookings/mine' }),
    getBooking: (id) => send<BookingView>({ method: 'GET', path: `/bookings/${seg(id)}` }),
    cancelBooking: (id, reason, options) => write<BookingView>('POST', `/bookings/${seg(id)}/cancel`, reason ? { reason } : {}, options),
    createClinic: (draft, options) => write<ClinicView>('POST', '/clinics', draft, options),
    updateClinic: (id, draft, options) => write<ClinicView>('PUT', `/clinics/${seg(id)}`, draft, options),
    getRoster: (clinicId) => send<Roster>({ method: 'GET', path: `/clinics/${seg(clinicId)}/roster` }),
    checkIn: (bookingId, options) => write<BookingView>('POST', `/bookings/${seg(bookingId)}/check-in`, {}, options),

    listActivities: () => send<ActivityView[]>({ method: 'GET', path: '/activities' }),
    getActivity: (id) => send<ActivityView>({ method: 'GET', path: `/activities/${seg(id)}` }),
    publishActivity: (draft, options) => write<ActivityView>('POST', '/activities', draft, options),
    publishActivitySeries: (draft, months, options) => write<ActivityView[]>('POST', '/activities/series', { ...draft, months }, options),
    signUpForActivity: (activityId, options) => write<SignUpView>('POST', `/activities/${seg(activityId)}/signups`, {}, options),
    listMySignUps: () => send<SignUpView[]>({ method: 'GET', path: '/activity-signups/mine' }),
    cancelSignUp: (signUpId, options) => write<SignUpView>('POST', `/activity-signups/${seg(signUpId)}/cancel`, {}, options),
    getLiveCode: (activityId) => send<LiveCode>({ method: 'GET', path: `/activities/${seg(activityId)}/code` }),
    getMyActivityCode: (activityId) => send<LiveCode>({ method: 'GET', path: `/activities/${seg(activityId)}/my-code` }),
    setPartyMember: (partyMember, options) => write<User>('POST', '/me/party-member', { partyMember }, options),
    scanVolunteerCode: (activityId, code, step, options) => write<RosterEntry>('POST', `/activities/${seg(activityId)}/scan`, { code, step }, options),
    checkInToActivity: (activityId, code, options) => write<SignUpView>('POST', `/activities/${seg(activityId)}/check-in`, { code }, options),
    checkOutOfActivity: (activityId, code, options) => write<SignUpView>('POST', `/activities/${seg(activityId)}/check-out`, { code }, options),
    getActivityRoster: (activityId) => send<ActivityRoster>({ method: 'GET', path: `/activities/${seg(activityId)}/roster` }),
    correctHours: (signUpId, hours, reason, options) => write<SignUpView>('POST', `/activity-signups/${seg(signUpId)}/correction`, { hours, reason }, options),
    getServiceRecord: () => send<ServiceRecord>({ method: 'GET', path: '/me/service-record' }),
    issueCertificate: (options) => write<Certificate>('POST', '/me/certificates', {}, options),
    checkCertificate: (code) => send<CertificateCheck>({ method: 'GET', path: `/certificates/${seg(code)}` }),

    listRooms: () => send<RoomView[]>({ method: 'GET', path: '/rooms' }),
    getRoom: (id) => send<RoomView>({ method: 'GET', path: `/rooms/${seg(id)}` }),
    listRoomSlots: (roomId, date) => send<RoomSlot[]>({ method: 'GET', path: `/rooms/${seg(roomId)}/slots`, query: { date } }),
    bookRoom: (roomId, slot, options) => write<RoomBookingView>('POST', `/rooms/${seg(roomId)}/bookings`, slot, options),
    listMyRoomBookings: () => send<MyRoomBookings>({ method: 'GET', path: '/room-bookings/mine' }),
    cancelRoomBooking: (id, options) => write<RoomBookingView>('POST', `/room-bookings/${seg(id)}/cancel`, {}, options),
    checkInToRoom: (roomId, code, options) => write<RoomBookingView>('POST', `/rooms/${seg(roomId)}/check-in`, { code }, options),
    getRoomDoorCode: (roomId) => send<LiveCode>({ method: 'GET', path: `/rooms/${seg(roomId)}/door-code` }),
    getMyRoomVisit: (roomId) => send<{ visit: RoomVisit | null }>({ method: 'GET', path: `/rooms/${seg(roomId)}/visits/mine` }),
    startRoomVisit: (roomId, options) => write<RoomVisit>('POST', `/rooms/${seg(roomId)}/visits`, {}, options),
    endRoomVisit: (roomId, options) => write<RoomVisit>('POST', `/rooms/${seg(roomId)}/visits/end`, {}, options),
    closeRoom: (roomId, closure, options) => write<ClosureResult>('POST', `/rooms/${seg(roomId)}/closures`, closure, options),

    listJobs: (query = {}) => page<PostingView>('/jobs', { ...query }),
    getJob: (id) => send<PostingView>({ method: 'GET', path: `/jobs/${seg(id)}` }),
    applyForJob: (postingId, draft, options) => write<ApplicationView>('POST', `/jobs/${seg(postingId)}/applications`, draft, options),
    listMyApplications: () => send<ApplicationView[]>({ method: 'GET', path: '/applications/mine' }),
    listAllJobs: (query = {}) => page<PostingView>('/jobs/all', { ...query }),
    createJob: (draft, options) => write<PostingView>('POST', '/jobs', draft, options),
    updateJob: (id, draft, options) => write<PostingView>('PUT', `/jobs/${seg(id)}`, draft, options),
    closeJob: (id, options) => write<PostingView>('POST', `/jobs/${seg(id)}/close`, {}, options),
    listApplicants: (postingId) => send<ApplicationView[]>({ method: 'GET', path: `/jobs/${seg(postingId)}/applications` }),
    setApplicationStatus: (id, status, options) => write<ApplicationView>('POST', `/applications/${seg(id)}/status`, { status }, options),

    raiseMatter: (draft, options) => write<MatterView>('POST', '/matters', draft, options),
    listMyMatters: (query) => page<MatterView>('/matters/mine', query),
    listPublicMatters: () => send<MatterView[]>({ method: 'GET', path: '/matters/public' }),
    listMattersToHandle: (query) => page<MatterView>('/matters/handling', query),
    getMatter: (id) => send<MatterView>({ method: 'GET', path: `/matters/${seg(id)}` }),
    acceptMatter: (id, options) => matterAction(id, 'accept', {}, options),
    noteMatter: (id, text, options) => matterAction(id, 'note', { text }, options),
    answerMatter: (id, text, options) => matterAction(id, 'answer', { text }, options),
    confirmMatter: (id, options) => matterAction(id, 'confirm', {}, options),
    reopenMatter: (id, reason, options) => matterAction(id, 'reopen', { text: reason }, options),
    addMeToMatter: (id, options) => matterAction(id, 'affected', {}, options),
    listMediationSlots: () => send<MediationSlotView[]>({ method: 'GET', path: '/mediation/slots' }),
    listRecentMediationSlots: () => send<MediationSlotView[]>({ method: 'GET', path: '/mediation/slots/recent' }),
    createMediationSlot: (draft, options) => write<MediationSlotView>('POST', '/mediation/slots', draft, options),
    bookMediation: (slotId, draft, options) => write<MediationBookingView>('POST', `/mediation/slots/${seg(slotId)}/bookings`, draft, options),
    listMyMediations: () => send<MediationBookingView[]>({ method: 'GET', path: '/mediation/bookings/mine' }),
    cancelMediation: (id, options) => write<MediationBookingView>('POST', `/mediation/bookings/${seg(id)}/cancel`, {}, options),
    listMediationBookings: (slotId) => send<MediationBookingView[]>({ method: 'GET', path: `/mediation/slots/${seg(slotId)}/bookings` }),
    recordMediationOutcome: (id, outcome, note, options) => write<MediationBookingView>('POST', `/mediation/bookings/${seg(id)}/outcome`, { outcome, note }, options),

    listResidents: (q) => send<ResidentSummary[]>({ method: 'GET', path: '/residents', query: { q: q || undefined } }),
    listAccounts: (q) => send<AccountSummary[]>({ method: 'GET', path: '/staff/accounts', query: { q: q || undefined } }),
    setAccountRole: (id, draft, options) => write<AccountSummary>('POST', `/staff/accounts/${seg(id)}/role`, draft, options),
    listRoleChanges: (id) => send<RoleChange[]>({ method: 'GET', path: `/staff/accounts/${seg(id)}/role-changes` }),

    getMyData: () => send<MyData>({ method: 'GET', path: '/me/data' }).then((data) => ({ ...data, wishes: data.wishes.map(linked) })),
    renameMe: (name, options) => write<User>('POST', '/me/name', { name }, options),
    closeMyAccount: (options) => write<AccountClosure>('POST', '/me/close', {}, options),

    listAudit: ({ accountId, from, to, ...paging } = {}) =>
      page<AuditEntry>('/staff/audit', { ...paging, accountId: accountId ?? undefined, from: from || undefined, to: to || undefined }),
    listMessages: (query = {}) => page<Message>('/messages', { ...query }),
    countUnreadMessages: () => send<UnreadCount>({ method: 'GET', path: '/messages/unread' }),
    markMessagesRead: (ids, options) => write<UnreadCount>('POST', '/messages/read', ids ? { ids } : {}, options),
    recordSubscriptions: (accepted, options) => write<SubscribeGrants>('POST', '/me/subscriptions', { accepted }, options),

    getDashboard: () => send<Dashboard>({ method: 'GET', path: '/stats' }),
    getPublicSummary: () => send<PublicSummary>({ method: 'GET', path: '/stats/summary' }),
  }
}
