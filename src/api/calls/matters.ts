import type { MattersApi, WriteOptions } from '../contract'
import type { MatterView, MediationBookingView, MediationSlotView } from '../types'
import type { Caller } from '../caller'

export function mattersCalls({ send, write, page, seg }: Caller): MattersApi {
  const matterAction = (id: string, action: string, body: unknown, options?: WriteOptions) => write<MatterView>('POST', `/matters/${seg(id)}/${action}`, body, options)
  return {
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
  }
}
