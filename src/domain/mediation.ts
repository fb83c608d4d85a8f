/**
 * 调解预约 at the judges' station (法官工作站), issue 16: staff open time
 * slots, each with a capacity; a resident books a consultation and describes
 * the dispute privately; they may cancel until 2 hours before; staff record
 * the outcome. Times are China wall-clock times.
 */
import { CHINA_OFFSET_MINUTES } from './chinaClock'
import { describeChinaDate, toChinaIso } from './chinaTime'
import type { ActedBy } from './onBehalf'
import { RuleError, assertValid } from './rules'
import { checkNumber, checkPhone, checkText, collectErrors, normalisePhone, type FieldErrors } from './validation'

export interface MediationSlotDraft {
  /** China date, YYYY-MM-DD. */
  date: string
  /** HH:mm, China time. */
  start: string
  end: string
  place: string
  capacity: number
}

export interface MediationSlot extends MediationSlotDraft {
  id: string
}

export const OUTCOMES = ['调解成功', '未成功', '转诉讼'] as const
export type MediationOutcome = (typeof OUTCOMES)[number]

export interface MediationDraft {
  name: string
  phone: string
  /** The dispute, told privately: only the resident, the station and staff read it. */
  description: string
  /** The 邻里纠纷 matter this booking came from, if any. */
  matterId?: string
}

export interface MediationBooking {
  id: string
  slotId: string
  accountId: string
  name: string
  phone: string
  description: string
  matterId: string | null
  status: 'booked' | 'cancelled'
  createdAt: string
  cancelledAt: string | null
  outcome: MediationOutcome | null
  /** 诉调对接: what was handed to the court, or why it did not settle. */
  outcomeNote: string | null
  /** Set when a volunteer or staff member booked for the resident (代办). */
  actedBy?: ActedBy
}

export const CANCEL_HOURS = 2
export const MEDIATION_NAME_RULE = { label: '姓名', max: 20 }
export const MEDIATION_DESCRIPTION_RULE = { label: '纠纷情况', max: 300, min: 10 }
export const MEDIATION_PLACE_RULE = { label: '地点', max: 40 }
export const OUTCOME_NOTE_RULE = { label: '说明', max: 200, optional: true }

const DATE = /^\d{4}-\d{2}-\d{2}$/
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

/** "12月3日 周四 09:00–11:00": a slot as people read it. */
export function slotLabel(slot: Pick<MediationSlot, 'date' | 'start' | 'end'>): string {
  return `${describeChinaDate(slot.date)} ${slot.start}–${slot.end}`
}

/** The instant a slot starts: its China date and time. */
export function slotStartsAt(slot: Pick<MediationSlot, 'date' | 'start'>): number {
  return Date.parse(`${slot.date}T${slot.start}:00Z`) - CHINA_OFFSET_MINUTES * 60_000
}

export function validateSlotDraft(input: unknown, now: number): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof MediationSlotDraft, unknown>>
  const date = typeof d.date === 'string' && DATE.test(d.date) ? d.date : null
  const start = typeof d.start === 'string' && CLOCK.test(d.start) ? d.start : null
  const end = typeof d.end === 'string' && CLOCK.test(d.end) ? d.end : null
  return collectErrors({
    date: !date ? '请填写日期，如2026-12-08' : null,
    start: !start ? '请填写开始时间，如09:00' : date && slotStartsAt({ date, start }) <= now ? '开始时间已经过去了' : null,
    end: !end ? '请填写结束时间，如10:00' : start && end <= start ? '结束时间要晚于开始时间' : null,
    place: checkText(d.place, MEDIATION_PLACE_RULE),
    capacity: checkNumber(d.capacity, { label: '可约人数', min: 1, max: 20, step: 1, unit: '人' }),
  })
}

export function validateMediationDraft(input: unknown): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof MediationDraft, unknown>>
  return collectErrors({
    name: checkText(d.name, MEDIATION_NAME_RULE),
    phone: checkPhone(d.phone),
    description: checkText(d.description, MEDIATION_DESCRIPTION_RULE),
    matterId: d.matterId === undefined || d.matterId === null || typeof d.matterId === 'string' ? null : '关联事项不正确',
  })
}

/** Places still free in a slot, given its active bookings. */
export function placesLeft(slot: MediationSlot, bookedInSlot: number): number {
  return Math.max(0, slot.capacity - bookedInSlot)
}

/**
 * A booking of one place. `booked` counts the slot's active bookings, read
 * while the slot is locked; `mine` says whether this account already holds one.
 */
export function bookMediation(slot: MediationSlot, draft: unknown, accountId: string, booked: number, mine: boolean, id: string, now: number): MediationBooking {
  if (slotStartsAt(slot) <= now) throw new RuleError('CONFLICT', '这个时段已经开始，不能再预约')
  assertValid(validateMediationDraft(draft))
  if (mine) throw new RuleError('CONFLICT', '您已经预约了这个时段')
  if (booked >= slot.capacity) throw new RuleError('CONFLICT', '这个时段已约满，请选择其他时段')
  const d = draft as MediationDraft
  return {
    id,
    slotId: slot.id,
    accountId,
    name: d.name.trim(),
    phone: normalisePhone(d.phone),
    description: d.description.trim(),
    matterId: d.matterId ?? null,
    status: 'booked',
    createdAt: toChinaIso(now),
    cancelledAt: null,
    outcome: null,
    outcomeNote: null,
  }
}

/** The last moment a booking may be cancelled: 2 hours before its slot. */
export function cancelDeadline(slot: Pick<MediationSlot, 'date' | 'start'>): number {
  return slotStartsAt(slot) - CANCEL_HOURS * 3600_000
}

export function cancelMediation(booking: MediationBooking, slot: MediationSlot, accountId: string, now: number): MediationBooking {
  if (booking.accountId !== accountId) throw new RuleError('FORBIDDEN', '只能取消自己的预约')
  if (booking.status === 'cancelled') throw new RuleError('CONFLICT', '这个预约已经取消了')
  if (now >= cancelDeadline(slot)) throw new RuleError('CONFLICT', `开始前${CANCEL_HOURS}小时内不能在线取消，请电话联系法官工作站`)
  return { ...booking, status: 'cancelled', cancelledAt: toChinaIso(now) }
}

export function recordOutcome(booking: MediationBooking, input: unknown): MediationBooking {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  assertValid(
    collectErrors({
      outcome: OUTCOMES.includes(body.outcome as MediationOutcome) ? null : '请选择调解成功、未成功或转诉讼',
      note: checkText(body.note, OUTCOME_NOTE_RULE),
    }),
  )
  if (booking.status !== 'booked') throw new RuleError('CONFLICT', '预约已取消，不能记录结果')
  if (booking.outcome) throw new RuleError('CONFLICT', `已记录结果：${booking.outcome}`)
  return { ...booking, outcome: body.outcome as MediationOutcome, outcomeNote: typeof body.note === 'string' && body.note.trim() ? body.note.trim() : null }
}
