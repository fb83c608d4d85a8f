/**
 * 注销账号 (个人信息保护法 art. 47): when a person closes their account, what
 * is still to come is withdrawn (a booked place goes to the waiting list, an
 * unfinished wish is cancelled or handed back) and every personal detail is
 * erased. The records themselves stay, nameless, so the street office's
 * figures (wishes posted and fulfilled, volunteer hours, bookings held and
 * kept, applications) do not change. Pure: the caller stores the results.
 */
import { inChina } from './chinaTime'
import { clinicStartsAt, movedIn, type Booking, type Clinic } from './clinic'
import type { Application } from './jobs'
import type { Matter, MatterEvent } from './matters'
import type { MediationBooking } from './mediation'
import type { MessageDraft } from './messages'
import type { Wish, WishEvent } from './wish'

/** How a closed account and its records are named from now on. */
export const CLOSED_NAME = '已注销用户'
const CLOSED_NOTE = '账号已注销'

/** The account as kept after closing: no name, no number, no WeChat identity. */
export function closedAccount<T extends { name: string; phone: string; openid?: string | null; closedAt?: string | null; partyMember?: boolean }>(account: T, now: number): T {
  const { partyMember: _party, ...kept } = account
  return { ...(kept as T), name: CLOSED_NAME, phone: '', openid: null, closedAt: inChina(now).format('YYYY-MM-DDTHH:mm:ssZ') }
}

/** Unfinished wishes: the ones a closing owner's account still waits on. */
const UNFINISHED: Wish['status'][] = ['pending_review', 'open', 'claimed']

/**
 * A wish the closing person posted: cancelled if unfinished, and stripped of
 * everything that points to them (address, phone, description, photos, their
 * words of thanks). Title, category, grid, dates, hours and rating stay.
 */
export function closedOwnersWish(wish: Wish, now: number): Wish {
  const at = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  const events: WishEvent[] = wish.events.map((e) => (e.byName === wish.ownerName && (e.action === 'post' || e.action === 'cancel' || e.action === 'confirm') ? { at: e.at, action: e.action, byName: CLOSED_NAME } : e))
  const unfinished = UNFINISHED.includes(wish.status)
  if (unfinished) events.push({ at, action: 'cancel', byName: CLOSED_NAME, note: CLOSED_NOTE })
  return {
    ...wish,
    status: unfinished ? 'cancelled' : wish.status,
    ownerName: CLOSED_NAME,
    description: '',
    preferredTime: '',
    address: { building: '', unit: '', room: '' },
    phone: '',
    photos: [],
    thanks: wish.thanks === null ? null : '',
    events,
  }
}

/** A wish the closing volunteer had claimed but not done goes back to the grid; done ones keep their hours. */
export function closedVolunteersWish(wish: Wish, now: number): Wish {
  const theirs = (e: WishEvent) => e.byName === wish.claimedByName && (e.action === 'claim' || e.action === 'release' || e.action === 'complete')
  const events = wish.events.map((e) => (theirs(e) ? { ...e, byName: CLOSED_NAME } : e))
  if (wish.status !== 'claimed') return { ...wish, claimedByName: CLOSED_NAME, events }
  const at = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  return {
    ...wish,
    status: 'open',
    claimedBy: null,
    claimedByName: null,
    events: [...events, { at, action: 'release', byName: CLOSED_NAME, note: '认领人账号已注销' }],
  }
}

/** The volunteer who had claimed a wish its owner withdrew by closing their account is told not to come. */
export function closedWishMessages(before: Wish, after: Wish, at: string): MessageDraft[] {
  if (before.status !== 'claimed' || !before.claimedBy) return []
  return [
    {
      accountId: before.claimedBy,
      title: '心愿已取消',
      body: `“${before.title}”的发布人已注销账号，心愿已取消，无需再上门服务。`,
      link: { kind: 'wish', id: after.id },
      createdAt: at,
      eventKey: `wish:${after.id}:cancel:${after.events.length}`,
    },
  ]
}

/**
 * The closing account's bookings of one clinic: those still to come are
 * cancelled (whatever the cut-off: the place is better used by the waiting
 * list), and each booked place given up moves the first waiting booking in.
 * Every booking of the account loses the patient's name, phone, symptoms and
 * needs; status, slot and age stay for the figures.
 */
export function closedAccountsBookings(accountId: string, clinic: Clinic, clinicBookings: Booking[], now: number): Booking[] {
  const at = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  const toCome = now < clinicStartsAt(clinic)
  const current = new Map(clinicBookings.map((b) => [b.id, b]))
  const changed = new Map<string, Booking>()
  const mine = clinicBookings.filter((b) => b.accountId === accountId)
  const released: Booking[] = []
  for (const booking of mine) {
    const withdrawn = toCome && (booking.status === 'booked' || booking.status === 'waiting')
    if (withdrawn && booking.status === 'booked') released.push(booking)
    const erased: Booking = {
      ...booking,
      status: withdrawn ? 'cancelled' : booking.status,
      patientName: CLOSED_NAME,
      phone: '',
      symptoms: '',
      assistance: [],
    }
    current.set(erased.id, erased)
    changed.set(erased.id, erased)
  }
  // The account's own waiting bookings are cancelled above, so only others move in.
  for (const place of released) {
    const inSlot = [...current.values()].filter((b) => b.slotId === place.slotId)
    for (const promoted of movedIn(place, inSlot, at)) {
      current.set(promoted.id, promoted)
      changed.set(promoted.id, promoted)
    }
  }
  return [...changed.values()]
}

/** An application keeps its posting and status (placements count), not the applicant's name, phone or note. */
export function closedApplication(application: Application): Application {
  return { ...application, name: CLOSED_NAME, phone: '', note: '' }
}

/**
 * 注销账号: the grid keeps the matter (a hazard is still a hazard) but not who
 * raised it, what they wrote or where they live; their reason to reopen goes too.
 */
export function closedOwnersMatter(matter: Matter): Matter {
  const theirs = (e: MatterEvent) => e.action === 'raise' || e.action === 'confirm' || e.action === 'reopen'
  return {
    ...matter,
    ownerName: CLOSED_NAME,
    text: '',
    building: '',
    unit: '',
    reopenReason: matter.reopenReason === null ? null : '',
    // Photos of their home and stairwell go with them (their files are deleted).
    ...(matter.photos ? { photos: [] } : {}),
    ...(matter.replyPhoto ? { replyPhoto: null } : {}),
    events: matter.events.map((e) => (theirs(e) ? { at: e.at, action: e.action, byName: CLOSED_NAME } : e)),
  }
}

/** A mediation booking still to come is withdrawn (its place frees up); every booking forgets the person and the dispute. */
export function closedMediation(booking: MediationBooking, startsAt: number, now: number): MediationBooking {
  const withdrawn = booking.status === 'booked' && startsAt > now
  return {
    ...booking,
    status: withdrawn ? 'cancelled' : booking.status,
    cancelledAt: withdrawn ? inChina(now).format('YYYY-MM-DDTHH:mm:ssZ') : booking.cancelledAt,
    name: CLOSED_NAME,
    phone: '',
    description: '',
  }
}
