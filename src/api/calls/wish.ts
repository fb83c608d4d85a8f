import type { WishApi, WriteOptions } from '../contract'
import type { WishView } from '../types'
import type { Caller } from '../caller'

export function wishCalls({ send, write, page, seg, linked }: Caller): WishApi {
  const wishAction = (id: string, action: string, body: unknown, options?: WriteOptions) =>
    write<WishView>('POST', `/wishes/${seg(id)}/${action}`, body, options).then(linked)
  return {
    postWish: (draft, options) => write<WishView>('POST', '/wishes', draft, options).then(linked),
    listOpenWishes: (query) => page('/wishes/open', query),
    listWishesToReview: (query) => page('/wishes/review', query),
    getWish: (id) => send<WishView>({ method: 'GET', path: `/wishes/${seg(id)}` }).then(linked),
    approveWish: (id, options) => wishAction(id, 'approve', {}, options),
    rejectWish: (id, reason, options) => wishAction(id, 'reject', { reason }, options),
    cancelWish: (id, options) => wishAction(id, 'cancel', {}, options),
    claimWish: (id, options) => wishAction(id, 'claim', {}, options),
    releaseWish: (id, reason, options) => wishAction(id, 'release', { reason }, options),
    completeWish: (id, input, options) => wishAction(id, 'complete', input, options),
    confirmWish: (id, input, options) => wishAction(id, 'confirm', input, options),
  }
}
