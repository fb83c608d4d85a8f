import type { MattersApi, WriteOptions } from '../contract'
import type { MatterView, MediationBookingView, MediationSlotView, Meeting, Page, StationMember } from '../types'
import type { Caller } from '../caller'

export function mattersCalls({ send, write, page, seg, resolveUrl }: Caller): MattersApi {
  const linkedMatter = (m: MatterView): MatterView =>
    m.photos || m.replyPhoto ? { ...m, photos: m.photos?.map(resolveUrl), replyPhoto: m.replyPhoto ? resolveUrl(m.replyPhoto) : m.replyPhoto } : m
  const linkedMatters = (p: Page<MatterView>): Page<MatterView> => ({ ...p, items: p.items.map(linkedMatter) })
  const matterAction = (id: string, action: string, body: unknown, options?: WriteOptions) => write<MatterView>('POST', `/matters/${seg(id)}/${action}`, body, options).then(linkedMatter)
  return {
    raiseMatter: (draft, options) => write<MatterView>('POST', '/matters', draft, options).then(linkedMatter),
    listMyMatters: (query) => page<MatterView>('/matters/mine', query).then(linkedMatters),
    listPublicMatters: () => send<MatterView[]>({ method: 'GET', path: '/matters/public' }).then((list) => list.map(linkedMatter)),
    listMattersToHandle: (query) => page<MatterView>('/matters/handling', query).then(linkedMatters),
    getMatter: (id) => send<MatterView>({ method: 'GET', path: `/matters/${seg(id)}` }).then(linkedMatter),
    acceptMatter: (id, options) => matterAction(id, 'accept', {}, options),
    noteMatter: (id, text, options) => matterAction(id, 'note', { text }, options),
    answerMatter: (id, reply, options) => matterAction(id, 'answer', typeof reply === 'string' ? { text: reply } : reply, options),
    confirmMatter: (id, options) => matterAction(id, 'confirm', {}, options),
    reopenMatter: (id, reason, options) => matterAction(id, 'reopen', { text: reason }, options),
    addMeToMatter: (id, options) => matterAction(id, 'affected', {}, options),
    mergeMatter: (id, into, options) => matterAction(id, 'merge', { into }, options),
    scheduleMeeting: (draft, options) => write<Meeting>('POST', '/meetings', draft, options),
    listMeetings: () => send<Meeting[]>({ method: 'GET', path: '/meetings' }),
    getMeeting: (id) => send<Meeting>({ method: 'GET', path: `/meetings/${seg(id)}` }),
    addMeetingItem: (id, matterId, options) => write<Meeting>('POST', `/meetings/${seg(id)}/agenda`, { matterId }, options),
    decideMeetingItem: (id, matterId, decision, options) => write<Meeting>('POST', `/meetings/${seg(id)}/decisions`, { matterId, decision }, options),
    publishMeeting: (id, minutes, options) => write<Meeting>('POST', `/meetings/${seg(id)}/publish`, { minutes }, options),
    getStationRoster: () => send<StationMember[]>({ method: 'GET', path: '/mediation/station' }),
    listMediationSlots: () => send<MediationSlotView[]>({ method: 'GET', path: '/mediation/slots' }),
    listRecentMediationSlots: () => send<MediationSlotView[]>({ method: 'GET', path: '/mediation/slots/recent' }),
    createMediationSlot: (draft, options) => write<MediationSlotView>('POST', '/mediation/slots', draft, options),
    bookMediation: (slotId, draft, options) => write<MediationBookingView>('POST', `/mediation/slots/${seg(slotId)}/bookings`, draft, options),
    listMyMediations: () => send<MediationBookingView[]>({ method: 'GET', path: '/mediation/bookings/mine' }),
    cancelMediation: (id, options) => write<MediationBookingView>('POST', `/mediation/bookings/${seg(id)}/cancel`, {}, options),
    listMediationBookings: (slotId) => send<MediationBookingView[]>({ method: 'GET', path: `/mediation/slots/${seg(slotId)}/bookings` }),
    recordMediationOutcome: (id, outcome, note, options) => write<MediationBookingView>('POST', `/mediation/bookings/${seg(id)}/outcome`, { outcome, note }, options),
  }
}
