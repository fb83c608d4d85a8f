import type { CoreApi } from '../contract'
import type { ApplicationView, BookingView, Card, Community, DemoAccount, Grid, Meta, PhotoRef, PublicSummary, ResidentSummary, Session, SubscribeGrants, UnreadCount, User, VolunteerTasks } from '../types'
import { newIdempotencyKey, type Caller } from '../caller'

export function coreCalls({ send, write, page, seg, resolveUrl }: Caller): CoreApi {
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
    listMyWishes: (query) => page('/wishes/mine', query),
    listMyTasks: () => send<VolunteerTasks>({ method: 'GET', path: '/wishes/tasks' }),
    listMyBookings: () => send<BookingView[]>({ method: 'GET', path: '/bookings/mine' }),
    listMyApplications: () => send<ApplicationView[]>({ method: 'GET', path: '/applications/mine' }),
    listResidents: (q) => send<ResidentSummary[]>({ method: 'GET', path: '/residents', query: { q: q || undefined } }),
    countUnreadMessages: () => send<UnreadCount>({ method: 'GET', path: '/messages/unread' }),
    recordSubscriptions: (accepted, options) => write<SubscribeGrants>('POST', '/me/subscriptions', { accepted }, options),
    setPartyMember: (partyMember, options) => write<User>('POST', '/me/party-member', { partyMember }, options),
    getPublicSummary: () => send<PublicSummary>({ method: 'GET', path: '/stats/summary' }),
  }
}
