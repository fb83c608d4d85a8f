import { describeActivityTime, type Activity, type SignUp } from './activity'
import type { ActedBy } from './onBehalf'
import type { Booking, Clinic } from './clinic'
import { APPLICATION_STATUS_LABEL, type Application, type Posting } from './jobs'
import type { Matter } from './matters'
import type { Meeting } from './meetings'
import type { ReminderKind } from './reminders'
import type { Closure, Room, RoomBooking } from './rooms'
import { AUTO_CONFIRM_DAYS, type Wish, type WishAction } from './wish'

/** What a message opens: the ticket, the wish, the application or the matter it is about. */
export interface MessageLink {
  /** matter: the matter's page; activity: the activity's page; roomBooking: 我的预约. */
  kind: 'booking' | 'wish' | 'application' | 'matter' | 'activity' | 'roomBooking'
  id: string
}

/** One message of an account's 消息 list. */
export interface Message {
  id: string
  accountId: string
  title: string
  body: string
  link: MessageLink
  /** China time, ISO 8601. */
  createdAt: string
  readAt: string | null
  /** The event it tells of: an account gets one message per event, whatever retries. */
  eventKey: string
}

/** A message before the store gives it an id. */
export type MessageDraft = Omit<Message, 'id' | 'readAt'>

/**
 * Who is told: the record's owner, and the helper who made it through 代办
 * (they see what became of it too), never the person who caused the change.
 */
function recipients(ownerId: string, actedBy: ActedBy | undefined, causedBy: string): string[] {
  return [ownerId, actedBy?.id].filter((id, i, all): id is string => !!id && id !== causedBy && all.indexOf(id) === i)
}

function toEach(ids: string[], message: Omit<MessageDraft, 'accountId'>): MessageDraft[] {
  return ids.map((accountId) => ({ ...message, accountId }))
}

/** "12月3日 09:30" from a clinic's date and a slot's start. */
function when(clinic: Clinic, start: string): string {
  const [, month, day] = clinic.date.split('-').map(Number)
  return `${month}月${day}日 ${start}`
}

/**
 * A booking changed by someone else: moved in from the waiting list (its owner
 * must come), or cancelled by staff or the helper (with the reason).
 */
export function bookingMessages(before: Booking | null, after: Booking, clinic: Clinic, causedBy: string, at: string): MessageDraft[] {
  const slot = clinic.slots.find((s) => s.id === after.slotId)
  const link: MessageLink = { kind: 'booking', id: after.id }
  const to = recipients(after.accountId, after.actedBy, causedBy)
  if (before?.status === 'waiting' && after.status === 'booked') {
    return toEach(to, {
      title: '候补成功，请按时就诊',
      body: `${clinic.title}：有人取消，已为${after.patientName}补上${slot ? when(clinic, slot.start) : clinic.date}的名额，第${after.queueNumber}号。`,
      link,
      createdAt: at,
      eventKey: `booking:${after.id}:promoted`,
    })
  }
  if (before && before.status !== 'cancelled' && after.status === 'cancelled') {
    const reason = after.cancelledBy?.reason ? `，原因：${after.cancelledBy.reason}` : ''
    return toEach(to, {
      title: '预约已取消',
      body: `${clinic.title}（${after.patientName}）的预约已由${after.cancelledBy?.name ?? '工作人员'}取消${reason}。`,
      link,
      createdAt: at,
      eventKey: `booking:${after.id}:cancelled`,
    })
  }
  return []
}

/** A clinic whose date, place or slot times staff changed: every active booking is told. */
export function clinicChangedMessages(before: Clinic, after: Clinic, bookings: Booking[], causedBy: string, at: string): MessageDraft[] {
  const timeOf = (c: Clinic, slotId: string) => c.slots.find((s) => s.id === slotId)?.start
  return bookings
    .filter((b) => b.status === 'booked' || b.status === 'waiting')
    .filter((b) => before.date !== after.date || before.place !== after.place || timeOf(before, b.slotId) !== timeOf(after, b.slotId))
    .flatMap((b) => {
      const start = timeOf(after, b.slotId)
      return toEach(recipients(b.accountId, b.actedBy, causedBy), {
        title: '义诊时间或地点有变动',
        body: `${after.title}（${b.patientName}）现为${start ? when(after, start) : after.date}，地点：${after.place}。`,
        link: { kind: 'booking', id: b.id },
        createdAt: at,
        eventKey: `clinic:${after.id}:changed:${b.id}:${at}`,
      })
    })
}

const WISH_NEWS: Partial<Record<WishAction, (wish: Wish) => { title: string; body: string }>> = {
  approve: (w) => ({ title: '心愿已通过审核', body: `“${w.title}”已发布，网格志愿者可以认领了。` }),
  reject: (w) => ({ title: '心愿未通过审核', body: `“${w.title}”未通过审核${w.rejectReason ? `，原因：${w.rejectReason}` : ''}。` }),
  claim: (w) => ({ title: '志愿者已认领您的心愿', body: `“${w.title}”已由志愿者${w.claimedByName ?? ''}认领，会尽快与您联系。` }),
  complete: (w) => ({ title: '心愿已完成，请确认', body: `志愿者已完成“${w.title}”，请确认并评价；7天后将自动确认。` }),
}

/** A wish a volunteer or staff member moved on: its owner (and the helper who posted it) is told. */
export function wishMessages(after: Wish, action: WishAction, causedBy: string, at: string): MessageDraft[] {
  const news = WISH_NEWS[action]
  if (!news) return []
  return toEach(recipients(after.ownerId, after.actedBy, causedBy), {
    ...news(after),
    link: { kind: 'wish', id: after.id },
    createdAt: at,
    // A wish may be claimed again after a release: the event count tells the claims apart.
    eventKey: `wish:${after.id}:${action}:${after.events.length}`,
  })
}

/** A wish staff approved: every volunteer of its grid is told it waits to be claimed. */
export function newWishMessages(wish: Wish, volunteerIds: string[], causedBy: string, at: string): MessageDraft[] {
  return toEach(
    volunteerIds.filter((id) => id !== causedBy && id !== wish.ownerId),
    {
      title: '网格里有新心愿',
      body: `“${wish.title}”（${wish.category}）等待认领，先到先得。`,
      link: { kind: 'wish', id: wish.id },
      createdAt: at,
      eventKey: `wish:${wish.id}:opened:${wish.events.length}`,
    },
  )
}

/** An application staff moved on (已联系, 已录用, 未录用). */
export function applicationMessages(after: Application, posting: Posting, causedBy: string, at: string): MessageDraft[] {
  return toEach(recipients(after.applicantId, after.actedBy, causedBy), {
    title: `报名${APPLICATION_STATUS_LABEL[after.status]}`,
    body: `您报名的“${posting.title}”（${posting.employer}）：${APPLICATION_STATUS_LABEL[after.status]}。`,
    link: { kind: 'application', id: after.id },
    createdAt: at,
    eventKey: `application:${after.id}:${after.status}`,
  })
}

const REMINDER_TITLE: Record<ReminderKind, string> = { eve: '明天义诊，请按时就诊', '2h': '义诊2小时后开始' }

/** A reminder before a booked slot (reminders.ts says when): its owner and the 代办 helper. */
export function reminderMessages(booking: Booking, clinic: Clinic, kind: ReminderKind, at: string): MessageDraft[] {
  const slot = clinic.slots.find((s) => s.id === booking.slotId)
  const queue = booking.queueNumber ? `，第${booking.queueNumber}号` : ''
  return toEach(recipients(booking.accountId, booking.actedBy, ''), {
    title: REMINDER_TITLE[kind],
    body: `${clinic.title}（${booking.patientName}）：${slot ? when(clinic, slot.start) : clinic.date}${queue}，地点：${clinic.place}。到场出示签到码。`,
    link: { kind: 'booking', id: booking.id },
    createdAt: at,
    eventKey: `booking:${booking.id}:remind-${kind}`,
  })
}

/** A completed wish its owner did not confirm within the days allowed: it now counts as confirmed. */
export function autoConfirmedMessages(wish: Wish, at: string): MessageDraft[] {
  return toEach(recipients(wish.ownerId, wish.actedBy, ''), {
    title: '心愿已自动确认',
    body: `“${wish.title}”完成已满${AUTO_CONFIRM_DAYS}天，已自动确认完成。`,
    link: { kind: 'wish', id: wish.id },
    createdAt: at,
    eventKey: `wish:${wish.id}:auto-confirmed`,
  })
}

/** "“3栋门口的长椅坏了…”": a matter's words as a message quotes them. */
function quoteOf(text: string): string {
  const chars = Array.from(text)
  return `“${chars.length > 16 ? `${chars.slice(0, 16).join('')}…` : text}”`
}

export type MatterNews = 'accept' | 'answer' | 'merge'

/**
 * A matter a grid worker or staff moved on: accepted (naming the grid worker),
 * answered, or merged into another. Its owner and the 代办 helper are told.
 */
export function matterMessages(after: Matter, news: MatterNews, causedBy: string, at: string): MessageDraft[] {
  const quote = quoteOf(after.text)
  const content: Record<MatterNews, { title: string; body: string }> = {
    accept: { title: '您说的事已受理', body: `${quote}已由网格员${after.handler?.name ?? ''}受理，会尽快办理。` },
    answer: { title: '您说的事有答复了', body: `${quote}：${after.reply ?? ''}。解决了请点“确认已解决”。` },
    merge: { title: '您说的事已合并办理', body: `${quote}和邻居说的同一件事合并办理，之后的进展请看合并后的事项。` },
  }
  const owners = recipients(after.ownerId, after.actedBy, causedBy)
  const link: MessageLink = { kind: 'matter', id: news === 'merge' && after.mergedInto ? after.mergedInto : after.id }
  const eventKey = `matter:${after.id}:${news}:${after.events.length}`
  const told = toEach(owners, { ...content[news], link, createdAt: at, eventKey })
  if (news === 'merge') return told
  // Those whose duplicates were merged into it hear of it too, without its words (it may not be public).
  const followers = (after.followers ?? []).filter((id) => id !== causedBy && !owners.includes(id))
  const followed: Record<Exclude<MatterNews, 'merge'>, { title: string; body: string }> = {
    accept: { title: '您说的事已受理', body: `您反映的事已合并办理，由网格员${after.handler?.name ?? ''}受理。` },
    answer: { title: '您说的事有答复了', body: '您反映的事已合并办理，网格员已答复，请查看。' },
  }
  return [...told, ...toEach(followers, { ...followed[news], link, createdAt: at, eventKey })]
}

/** "12月8日" from a China date. */
function dayOf(date: string): string {
  const [, month, day] = date.split('-').map(Number)
  return `${month}月${day}日`
}

/** Published minutes of a 网格议事会: the owner of each matter on its agenda is told the decision. */
export function meetingMessages(meeting: Meeting, causedBy: string, at: string): MessageDraft[] {
  return meeting.agenda
    .filter((item) => item.ownerId && item.ownerId !== causedBy)
    .map((item) => ({
      accountId: item.ownerId,
      title: '网格议事会决议已公布',
      body: `${quoteOf(item.text)}在${dayOf(meeting.date)}的网格议事会上议定：${item.decision ?? ''}`,
      link: { kind: 'matter' as const, id: item.matterId },
      createdAt: at,
      eventKey: `meeting:${meeting.id}:published:${item.matterId}`,
    }))
}
/** Sign-ups the waiting list moved in (a cancellation, an account closed): each is told to come. */
export function promotedSignUpMessages(changed: SignUp[], activity: Pick<Activity, 'id' | 'theme' | 'date' | 'start' | 'end' | 'place'>, at: string): MessageDraft[] {
  return changed
    .filter((s) => s.status === 'joined' && s.promotedAt)
    .map((s) => ({
      accountId: s.accountId,
      title: '候补成功，请按时参加',
      body: `${activity.theme}：有人取消，您已从候补转为正式报名。时间：${describeActivityTime(activity)}，地点：${activity.place}。请按时到场签到。`,
      link: { kind: 'activity', id: activity.id },
      createdAt: at,
      eventKey: `signup:${s.id}:promoted`,
    }))
}

/** A room closed by staff: each holder whose bookings it cancelled is told once, with the reason and their hours. */
export function roomClosureMessages(cancelled: RoomBooking[], room: Pick<Room, 'name'>, closure: Pick<Closure, 'id' | 'reason'>, at: string): MessageDraft[] {
  const byAccount = new Map<string, RoomBooking[]>()
  for (const b of cancelled) byAccount.set(b.accountId, [...(byAccount.get(b.accountId) ?? []), b])
  return [...byAccount].map(([accountId, mine]) => {
    const hours = mine.map((b) => `${Number(b.date.slice(5, 7))}月${Number(b.date.slice(8, 10))}日 ${b.start}`).join('、')
    return {
      accountId,
      title: '功能室预约已取消',
      body: `${room.name}暂停开放，您${hours}的预约已由工作人员取消，原因：${closure.reason}。`,
      link: { kind: 'roomBooking', id: mine[0].id },
      createdAt: at,
      eventKey: `closure:${closure.id}:cancelled`,
    }
  })
}
