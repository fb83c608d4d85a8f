/**
 * 功能室预约 (issue 17): the community centre's rooms, booked by the hour up
 * to 7 days ahead within each room's opening hours (China time), never beyond
 * a slot's capacity; at most 2 hours per room per day and 3 upcoming bookings
 * an account; check-in at the door; three no-shows in 30 days pause booking
 * for 7 days; staff close a room for a time and its bookings are cancelled
 * with the reason. Pure rules.
 */
import { inChina, toChinaIso } from './chinaTime'
import { liveCode, matchLiveCode } from './liveCode'
import { RuleError } from './rules'
import { checkText, collectErrors, type FieldErrors } from './validation'

/** Opening hours of one weekday, "HH:mm" China time; null: closed that day. */
export type OpeningHours = { open: string; close: string } | null

export interface Room {
  id: string
  name: string
  /** Bookings one hour slot takes (groups for 乒乓室, people for 阅览室). */
  capacity: number
  /** Walk-in rooms (母婴室) are not booked. */
  walkIn: boolean
  rules: string
  /** Index 0 is Sunday, as dayjs counts weekdays. */
  hours: OpeningHours[]
  /** The server-side secret the door code is derived from; never leaves the backend. */
  secret: string
  /** A picture of the room (a URL, or a data: URL for the drawn ones of the demo); null: none yet. */
  photo: string | null
}

export interface Closure {
  id: string
  roomId: string
  from: string
  to: string
  reason: string
  by: { id: string; name: string }
  at: string
}

export type RoomBookingStatus = 'booked' | 'checked_in' | 'cancelled'
/** What a booking is, as shown: a booking whose hour ended without a check-in is a no-show. */
export type RoomBookingState = RoomBookingStatus | 'no_show'
export const ROOM_BOOKING_LABEL: Record<RoomBookingState, string> = { booked: '已预约', checked_in: '已签到', cancelled: '已取消', no_show: '未到' }

export interface RoomBooking {
  id: string
  roomId: string
  accountId: string
  /** China calendar day and hour, "YYYY-MM-DD" and "HH:00". */
  date: string
  start: string
  status: RoomBookingStatus
  createdAt: string
  checkedInAt: string | null
  cancelledAt: string | null
  /** Why staff cancelled it (a closure); null when its holder did. */
  cancelReason: string | null
}

export const DAYS_AHEAD = 7
export const MAX_HOURS_PER_ROOM_DAY = 2
export const MAX_UPCOMING = 3
export const NO_SHOWS_TO_PAUSE = 3
export const NO_SHOW_WINDOW_DAYS = 30
export const PAUSE_DAYS = 7
/** The door opens check-in this long before the hour. */
export const ROOM_CHECK_IN_EARLY_MS = 10 * 60 * 1000
const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

export const slotStartsAt = (b: Pick<RoomBooking, 'date' | 'start'>) => Date.parse(`${b.date}T${b.start}:00+08:00`)
export const slotEndsAt = (b: Pick<RoomBooking, 'date' | 'start'>) => slotStartsAt(b) + HOUR_MS

/** The whole-hour slots of a room on a China day: "09:00", "10:00", … within its opening hours. */
export function slotsOf(room: Room, date: string): string[] {
  const hours = room.hours[inChina(`${date}T12:00:00+08:00`).day()]
  if (!hours || room.walkIn) return []
  const slots: string[] = []
  for (let h = Math.ceil(toMinutes(hours.open) / 60); (h + 1) * 60 <= toMinutes(hours.close); h++) slots.push(`${String(h).padStart(2, '0')}:00`)
  return slots
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

/** The China days a resident may book: today and the next 7. */
export function bookableDays(now: number): string[] {
  const today = inChina(now).startOf('day')
  return Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => today.add(i, 'day').format('YYYY-MM-DD'))
}

const holdsPlace = (b: Pick<RoomBooking, 'status'>) => b.status === 'booked' || b.status === 'checked_in'

export function stateOf(b: RoomBooking, now: number): RoomBookingState {
  return b.status === 'booked' && now >= slotEndsAt(b) ? 'no_show' : b.status
}

/** The closure covering any of an hour, if one does. */
export function closureOver(closures: Closure[], slot: Pick<RoomBooking, 'date' | 'start'>): Closure | null {
  const from = slotStartsAt(slot)
  const to = slotEndsAt(slot)
  return closures.find((c) => Date.parse(c.from) < to && Date.parse(c.to) > from) ?? null
}

/** What an hour's line says beside its time: why it cannot be booked, or the places left. */
export function slotStatusText(slot: { placesLeft: number; closedReason: string | null; bookable: boolean }): string {
  if (slot.closedReason) return `暂停开放：${slot.closedReason}`
  if (slot.placesLeft === 0) return '已约满'
  // Places left yet not bookable: the hour has begun (the server says bookable only before the start).
  return slot.bookable ? `剩余${slot.placesLeft}个名额` : '已过预约时间'
}

export function placesLeft(room: Room, bookings: RoomBooking[], slot: Pick<RoomBooking, 'date' | 'start'>): number {
  return Math.max(0, room.capacity - bookings.filter((b) => holdsPlace(b) && b.date === slot.date && b.start === slot.start).length)
}

/** Booking is paused 7 days after the third no-show within 30 days: until when and why, or null. */
export function pauseOf(mine: RoomBooking[], now: number): { until: string; reason: string } | null {
  const ends = mine
    .filter((b) => stateOf(b, now) === 'no_show')
    .map(slotEndsAt)
    .sort((a, b) => a - b)
  for (let i = ends.length - 1; i >= NO_SHOWS_TO_PAUSE - 1; i--) {
    const third = ends[i]
    if (third - ends[i - NO_SHOWS_TO_PAUSE + 1] > NO_SHOW_WINDOW_DAYS * DAY_MS) continue
    const until = third + PAUSE_DAYS * DAY_MS
    if (now < until) return { until: toChinaIso(until), reason: `30天内有${NO_SHOWS_TO_PAUSE}次预约未到，暂停预约至${inChina(until).format('M月D日 HH:mm')}` }
  }
  return null
}

export interface RoomBookingContext {
  room: Room
  /** Every booking of the room, read while its row is locked. */
  roomBookings: RoomBooking[]
  /** Every booking of the account, read while its row is locked. */
  mine: RoomBooking[]
  closures: Closure[]
  accountId: string
  id: string
  now: number
}

export function validateSlotInput(input: unknown): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  return collectErrors({
    date: typeof d.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.date) ? null : '请选择日期',
    start: typeof d.start === 'string' && /^([01]\d|2[0-3]):00$/.test(d.start) ? null : '请选择时段',
  })
}

/** A booking of one hour: every rule checked from records read under the room's and the account's locks. */
export function bookRoom(slot: { date: string; start: string }, ctx: RoomBookingContext): RoomBooking {
  const { room, roomBookings, mine, closures, now } = ctx
  if (room.walkIn) throw new RuleError('CONFLICT', `${room.name}无需预约，直接前往即可`)
  const pause = pauseOf(mine, now)
  if (pause) throw new RuleError('CONFLICT', pause.reason)
  if (!bookableDays(now).includes(slot.date)) throw new RuleError('CONFLICT', `只能预约今天起${DAYS_AHEAD}天内的时段`)
  if (!slotsOf(room, slot.date).includes(slot.start)) throw new RuleError('CONFLICT', '该时段不开放')
  if (now >= slotStartsAt(slot)) throw new RuleError('CONFLICT', '该时段已开始，不能预约')
  const closure = closureOver(closures, slot)
  if (closure) throw new RuleError('CONFLICT', `该时段暂停开放：${closure.reason}`)
  const active = mine.filter((b) => holdsPlace(b))
  if (active.some((b) => b.roomId === room.id && b.date === slot.date && b.start === slot.start)) throw new RuleError('CONFLICT', '您已预约了这个时段')
  if (active.filter((b) => b.roomId === room.id && b.date === slot.date).length >= MAX_HOURS_PER_ROOM_DAY) {
    throw new RuleError('CONFLICT', `同一功能室每天最多预约${MAX_HOURS_PER_ROOM_DAY}小时`)
  }
  if (mine.filter((b) => b.status === 'booked' && slotEndsAt(b) > now).length >= MAX_UPCOMING) throw new RuleError('CONFLICT', `最多同时有${MAX_UPCOMING}个未使用的预约`)
  if (placesLeft(room, roomBookings, slot) === 0) throw new RuleError('CONFLICT', '该时段已约满，请选择其他时段')
  return { id: ctx.id, roomId: room.id, accountId: ctx.accountId, date: slot.date, start: slot.start, status: 'booked', createdAt: toChinaIso(now), checkedInAt: null, cancelledAt: null, cancelReason: null }
}

/** Its holder cancels until the hour starts. */
export function cancelRoomBooking(b: RoomBooking, now: number): RoomBooking {
  if (b.status !== 'booked') throw new RuleError('CONFLICT', b.status === 'cancelled' ? '这个预约已经取消了' : '已签到的预约不能取消')
  if (now >= slotStartsAt(b)) throw new RuleError('CONFLICT', '时段已开始，不能取消')
  return { ...b, status: 'cancelled', cancelledAt: toChinaIso(now) }
}

// The door code: shown on the room's door display, changing every 30 seconds like an activity's check-in code

const DOOR_CODE = 'room-door'

/** The six-digit door code of a window, derived from the room's secret (see liveCode.ts). */
export function doorCode(secret: string, window: number, digest: (text: string) => string): string {
  return liveCode(DOOR_CODE, secret, window, digest)
}

/** What the door's QR carries: the room and the code, so a scan names the room. */
export const doorPayload = (roomId: string, code: string) => `RM:${roomId}:${code}`

/** A scanned payload (room and code) or six typed digits (spaces ignored), or null. */
export function readDoorCode(input: unknown): { roomId: string | null; code: string } | null {
  if (typeof input !== 'string') return null
  const scanned = /^RM:([A-Za-z0-9]+):(\d{6})$/.exec(input.trim())
  if (scanned) return { roomId: scanned[1], code: scanned[2] }
  const digits = input.replace(/\s/g, '')
  return /^\d{6}$/.test(digits) ? { roomId: null, code: digits } : null
}

/** The current and the previous window's code only; an older one (a photo, a replay) is expired, any other wrong. */
export function checkDoorCode(input: unknown, room: Pick<Room, 'id' | 'secret'>, now: number, digest: (text: string) => string): void {
  const read = readDoorCode(input)
  if (!read) throw new RuleError('VALIDATION', '请扫描功能室门口屏幕上的二维码，或输入二维码下方的6位数字', { code: '请输入门口屏幕上的6位数字' })
  if (read.roomId && read.roomId !== room.id) throw new RuleError('VALIDATION', '这是另一间功能室的二维码', { code: '这不是这间功能室的二维码' })
  const match = matchLiveCode(read.code, DOOR_CODE, room.secret, now, digest)
  if (match === 'expired') throw new RuleError('CONFLICT', '门口的签到码已更新，请扫描门口屏幕上的最新二维码', { code: '签到码已过期，请用门口屏幕上最新的数字' })
  if (match === 'wrong') throw new RuleError('VALIDATION', '签到码不正确', { code: '签到码不正确，请核对门口屏幕上的数字' })
}

/** The booking the door lets in now: its hour (from 10 minutes before) in this room, held. */
export function currentBooking(roomId: string, mine: RoomBooking[], now: number): RoomBooking | null {
  return mine.find((b) => b.roomId === roomId && holdsPlace(b) && now >= slotStartsAt(b) - ROOM_CHECK_IN_EARLY_MS && now < slotEndsAt(b)) ?? null
}

/** At the door, with the door's live code: the account's booking of the hour now, checked in; a repeat changes nothing. */
export function checkInAtDoor(input: unknown, room: Room, mine: RoomBooking[], now: number, digest: (text: string) => string): RoomBooking {
  checkDoorCode(input, room, now, digest)
  const current = currentBooking(room.id, mine, now)
  if (!current) throw new RuleError('CONFLICT', '您在这个时间没有这间功能室的预约')
  return current.status === 'checked_in' ? current : { ...current, status: 'checked_in', checkedInAt: toChinaIso(now) }
}

export const CLOSURE_REASON_RULE = { label: '暂停原因', max: 60 }
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/

export function validateClosure(input: unknown, now: number): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const from = typeof d.from === 'string' && DATE_TIME.test(d.from) ? Date.parse(d.from) : NaN
  const to = typeof d.to === 'string' && DATE_TIME.test(d.to) ? Date.parse(d.to) : NaN
  return collectErrors({
    from: Number.isNaN(from) ? '请填写开始时间' : null,
    to: Number.isNaN(to) ? '请填写结束时间' : !Number.isNaN(from) && to <= from ? '结束须晚于开始' : to <= now ? '结束时间已过' : null,
    reason: checkText(d.reason, CLOSURE_REASON_RULE),
  })
}

/** The bookings a closure cancels: every held booking of an hour it covers, with its reason for the holder. */
export function cancelledByClosure(closure: Closure, bookings: RoomBooking[], now: number): RoomBooking[] {
  return bookings
    .filter((b) => b.status === 'booked' && closureOver([closure], b) && slotEndsAt(b) > now)
    .map((b) => ({ ...b, status: 'cancelled' as const, cancelledAt: toChinaIso(now), cancelReason: closure.reason }))
}

/**
 * A room's opening hours as few lines as read aloud: "每天 09:00–21:00", or
 * runs of days alike from Monday, "周一至周五 09:00–17:30", "周六、周日 不开放".
 */
export function describeHoursOf(room: Pick<Room, 'hours'>): string[] {
  const names = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
  const week = [1, 2, 3, 4, 5, 6, 0]
  const hoursOf = (d: number) => (room.hours[d] ? `${room.hours[d]!.open}–${room.hours[d]!.close}` : '不开放')
  const runs: { days: number[]; hours: string }[] = []
  for (const d of week) {
    const last = runs[runs.length - 1]
    if (last && last.hours === hoursOf(d)) last.days.push(d)
    else runs.push({ days: [d], hours: hoursOf(d) })
  }
  if (runs.length === 1) return [`每天 ${runs[0].hours}`]
  const daysOf = (days: number[]) =>
    days.length === 1 ? names[days[0]] : days.length === 2 ? `${names[days[0]]}、${names[days[1]]}` : `${names[days[0]]}至${names[days[days.length - 1]]}`
  return runs.map((r) => `${daysOf(r.days)} ${r.hours}`)
}

// 母婴室: short walk-in visits, shown to others as 空闲/使用中

/** One use of a walk-in room: 我在使用 to 离开, or over by itself after 30 minutes. */
export interface RoomVisit {
  id: string
  roomId: string
  accountId: string
  startedAt: string
  /** When it ends by itself if nobody taps 离开. */
  endsAt: string
  endedAt: string | null
}

export const VISIT_MS = 30 * 60 * 1000

export const isVisitActive = (v: Pick<RoomVisit, 'endedAt' | 'endsAt'>, now: number) => v.endedAt === null && now < Date.parse(v.endsAt)

/** Whether a room is open at a moment: within the opening hours of its China weekday. */
export function isOpenAt(room: Pick<Room, 'hours'>, now: number): boolean {
  const local = inChina(now)
  const hours = room.hours[local.day()]
  if (!hours) return false
  const minute = local.hour() * 60 + local.minute()
  return minute >= toMinutes(hours.open) && minute < toMinutes(hours.close)
}

/** How many are using a walk-in room now. */
export const inUseOf = (visits: Pick<RoomVisit, 'endedAt' | 'endsAt'>[], now: number) => visits.filter((v) => isVisitActive(v, now)).length

/**
 * 我在使用: decided from every visit of the room read while its row is locked,
 * so two people tapping at once never both get a room for one. Someone
 * already inside gets their own visit back.
 */
export function startVisit(room: Room, visits: RoomVisit[], closures: Closure[], accountId: string, id: string, now: number): RoomVisit {
  if (!room.walkIn) throw new RuleError('CONFLICT', `${room.name}需要预约，请选择时段`)
  const mine = visits.find((v) => v.accountId === accountId && isVisitActive(v, now))
  if (mine) return mine
  if (!isOpenAt(room, now)) throw new RuleError('CONFLICT', `${room.name}现在不在开放时间`)
  const closed = closures.find((c) => Date.parse(c.from) <= now && now < Date.parse(c.to))
  if (closed) throw new RuleError('CONFLICT', `${room.name}暂停开放：${closed.reason}`)
  if (inUseOf(visits, now) >= room.capacity) throw new RuleError('CONFLICT', `${room.name}正在使用中，请稍候再来`)
  return { id, roomId: room.id, accountId, startedAt: toChinaIso(now), endsAt: toChinaIso(now + VISIT_MS), endedAt: null }
}

/** 离开: the account's visit now ends; one already over cannot be ended again. */
export function endVisit(visit: RoomVisit | null, now: number): RoomVisit {
  if (!visit || !isVisitActive(visit, now)) throw new RuleError('CONFLICT', '您现在没有在使用这间功能室')
  return { ...visit, endedAt: toChinaIso(now) }
}

/** 空闲 / 使用中 (or "2/3人使用中" where more than one may be inside), as others see a walk-in room. */
export function occupancyText(room: Pick<Room, 'capacity'> & { inUse: number }): string {
  if (room.inUse === 0) return '空闲'
  return room.capacity > 1 ? `${room.inUse}/${room.capacity}人使用中` : '使用中'
}
