/**
 * Free expert clinics (专家义诊), PRODUCT.md §5: clinics with time slots, bookings
 * that never overbook, a waiting list, and the cutoff, all in China time.
 * Pure rules; the backend stores what these functions return.
 */
import { isGeoPoint, type GeoPoint } from './place'
import { inChina, toChinaIso } from './chinaTime'
import type { ActedBy } from './onBehalf'
import { ROLE_LABEL } from './roles'
import { RuleError, assertValid } from './rules'
import { checkPhone, checkText, collectErrors, normalisePhone, type FieldErrors } from './validation'

export interface ClinicSlot {
  id: string
  /** "HH:mm" China time on the clinic's date. */
  start: string
  end: string
  capacity: number
}

export interface Clinic {
  id: string
  title: string
  specialty: string
  doctors: string
  hospital: string
  place: string
  /** "YYYY-MM-DD", a China calendar date. */
  date: string
  slots: ClinicSlot[]
  /** Booking opens at this moment (ISO with offset). */
  opensAt: string
  /** Booking and cancelling close this many minutes before the first slot. */
  cutoffMinutes: number
  notes: string
  /** Where the place is on the map, when known: 查看路线 opens it. */
  location?: GeoPoint
}

/** A booking's state as lists name it (the ticket says 预约成功 for booked). */
export const BOOKING_STATUS_LABEL: Record<BookingStatus, string> = { booked: '已预约', waiting: '候补中', cancelled: '已取消', checked_in: '已签到' }

export const FOR_WHOM = ['本人', '家人代约'] as const
export type ForWhom = (typeof FOR_WHOM)[number]
export const ASSISTANCE = ['轮椅', '听力', '视力', '陪同'] as const
export type Assistance = (typeof ASSISTANCE)[number]

export interface BookingDraft {
  patientName: string
  phone: string
  age: number | string
  forWhom: ForWhom
  symptoms: string
  assistance: Assistance[]
}

export type BookingStatus = 'booked' | 'waiting' | 'cancelled' | 'checked_in'

export interface Booking {
  id: string
  clinicId: string
  slotId: string
  accountId: string
  patientName: string
  phone: string
  age: number
  forWhom: ForWhom
  symptoms: string
  assistance: Assistance[]
  status: BookingStatus
  /** Order of arrival within the slot; waiting bookings get one when they move in. */
  queueNumber: number | null
  /** Shown as a QR code and checked by staff at the door. */
  checkInCode: string
  createdAt: string
  checkedInAt: string | null
  /** Set when a waiting booking moved into the slot, so its owner is told. */
  promotedAt: string | null
  /** Set when a volunteer or staff member booked it for the account's owner (代办). */
  actedBy?: ActedBy
  /** Set when someone other than the owner cancelled it. */
  cancelledBy?: CancelledBy
}

export const DEFAULT_CUTOFF_MINUTES = 120
export const MAX_UPCOMING_BOOKINGS = 5
export const NAME_RULE = { label: '就诊人姓名', max: 20 }
export const SYMPTOMS_RULE = { label: '症状描述', max: 200, optional: true }

/** The moment a slot starts, as a timestamp. */
export function slotStartsAt(clinic: Clinic, slot: ClinicSlot): number {
  return Date.parse(`${clinic.date}T${slot.start}:00+08:00`)
}

/** The clinic starts with its earliest slot. */
export function clinicStartsAt(clinic: Clinic): number {
  return Math.min(...clinic.slots.map((slot) => slotStartsAt(clinic, slot)))
}

/** Booking and cancelling are allowed strictly before this moment. */
export function cutoffAt(clinic: Clinic): number {
  return clinicStartsAt(clinic) - clinic.cutoffMinutes * 60 * 1000
}

export function isBookingOpen(clinic: Clinic, now: number): boolean {
  return now >= Date.parse(clinic.opensAt) && now < cutoffAt(clinic)
}

/** What the booking rules read of the other bookings of a clinic (a store may load just this). */
export type SlotBooking = Pick<Booking, 'slotId' | 'status' | 'queueNumber' | 'patientName' | 'phone'>

const holdsPlace = (b: Pick<Booking, 'status'>) => b.status === 'booked' || b.status === 'checked_in'
const isActive = (b: Pick<Booking, 'status'>) => b.status !== 'cancelled'

export function placesLeft(slot: ClinicSlot, bookings: Pick<Booking, 'slotId' | 'status'>[]): number {
  return slot.capacity - bookings.filter((b) => b.slotId === slot.id && holdsPlace(b)).length
}

export function validateBookingDraft(input: unknown): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof BookingDraft, unknown>>
  const age = typeof d.age === 'string' && d.age.trim() !== '' ? Number(d.age) : d.age
  const assistance = d.assistance ?? []
  return collectErrors({
    patientName: checkText(d.patientName, NAME_RULE),
    phone: checkPhone(d.phone),
    age:
      age === undefined || age === null || age === ''
        ? '请填写年龄'
        : typeof age !== 'number' || !Number.isInteger(age) || age < 0 || age > 120
          ? '年龄须为0到120之间的整数'
          : null,
    forWhom: FOR_WHOM.includes(d.forWhom as ForWhom) ? null : '请选择为谁预约',
    symptoms: checkText(d.symptoms, SYMPTOMS_RULE),
    assistance: !Array.isArray(assistance) || !assistance.every((a) => ASSISTANCE.includes(a as Assistance))
      ? '请从列表中选择需要的协助'
      : new Set(assistance).size !== assistance.length
        ? '每项协助只能选一次'
        : null,
  })
}

const samePatient = (a: { patientName: string; phone: string }, b: { patientName: string; phone: string }) =>
  a.patientName.trim() === b.patientName.trim() && normalisePhone(a.phone) === normalisePhone(b.phone)

export interface BookingContext {
  clinic: Clinic
  slotId: string
  accountId: string
  /** Every booking of this clinic, cancelled ones too. */
  clinicBookings: SlotBooking[]
  /** How many bookings the account holds that are not cancelled and not yet past. */
  accountUpcoming: number
  id: string
  now: number
}

/**
 * A new booking: in the slot when a place is left, otherwise on its waiting
 * list. Refuses a closed or past clinic, a duplicate patient and a 6th
 * upcoming booking of the account.
 */
export function book(draft: unknown, ctx: BookingContext): Booking {
  const { clinic, now } = ctx
  const slot = clinic.slots.find((s) => s.id === ctx.slotId)
  if (!slot) throw new RuleError('NOT_FOUND', '没有找到这个时段')
  if (now >= clinicStartsAt(clinic)) throw new RuleError('CONFLICT', '这场义诊已经开始或结束，不能再预约')
  if (now < Date.parse(clinic.opensAt)) throw new RuleError('CONFLICT', '这场义诊还没有开放预约')
  if (now >= cutoffAt(clinic)) throw new RuleError('CONFLICT', `预约已截止（开诊前${clinic.cutoffMinutes / 60}小时停止预约）`)
  assertValid(validateBookingDraft(draft))
  const d = draft as BookingDraft
  const patient = { patientName: d.patientName.trim(), phone: normalisePhone(d.phone) }
  if (ctx.clinicBookings.some((b) => isActive(b) && samePatient(b, patient))) {
    throw new RuleError('CONFLICT', `${patient.patientName}已经预约了这场义诊，同一位就诊人只能预约一次`)
  }
  if (ctx.accountUpcoming >= MAX_UPCOMING_BOOKINGS) {
    throw new RuleError('CONFLICT', `一个账号最多同时有${MAX_UPCOMING_BOOKINGS}个未就诊的预约`)
  }
  const inSlot = ctx.clinicBookings.filter((b) => b.slotId === slot.id)
  const hasPlace = placesLeft(slot, inSlot) > 0
  return {
    id: ctx.id,
    clinicId: clinic.id,
    slotId: slot.id,
    accountId: ctx.accountId,
    ...patient,
    age: Number(d.age),
    forWhom: d.forWhom,
    symptoms: (d.symptoms ?? '').trim(),
    assistance: [...(d.assistance ?? [])],
    status: hasPlace ? 'booked' : 'waiting',
    queueNumber: hasPlace ? nextQueueNumber(inSlot) : null,
    checkInCode: checkInCodeFor(ctx.id, clinic.id),
    createdAt: inChina(now).format('YYYY-MM-DDTHH:mm:ssZ'),
    checkedInAt: null,
    promotedAt: null,
  }
}

function nextQueueNumber(inSlot: Pick<Booking, 'queueNumber'>[]): number {
  return inSlot.reduce((max, b) => Math.max(max, b.queueNumber ?? 0), 0) + 1
}

export const CANCEL_REASON_RULE = { label: '取消原因', max: 100 }

/** Who cancelled a booking other than its owner, and why: shown to the owner. */
export interface CancelledBy {
  id: string
  name: string
  role: 'resident' | 'elder' | 'volunteer' | 'staff'
  /** Staff always give one; the helper who booked it through 代办 may. */
  reason: string | null
  /** China time, ISO 8601. */
  at: string
}

type Canceller = Omit<CancelledBy, 'reason' | 'at'>

/** e.g. 由工作人员 刘芳 于11月30日 14:05取消：医生临时有事 */
export function describeCancellation(by: CancelledBy): string {
  return `由${ROLE_LABEL[by.role]} ${by.name} 于${inChina(by.at).format('M月D日 HH:mm')}取消${by.reason ? `：${by.reason}` : ''}`
}

/** The owner, the helper who booked it through 代办, and staff may cancel a booking. */
export function mayCancel(booking: Pick<Booking, 'accountId' | 'actedBy'>, actor: Pick<Canceller, 'id' | 'role'>): boolean {
  return booking.accountId === actor.id || booking.actedBy?.id === actor.id || actor.role === 'staff'
}

/** Staff cancelling someone's booking must say why; the resident reads it. */
export function needsCancelReason(booking: Pick<Booking, 'accountId' | 'actedBy'>, actor: Pick<Canceller, 'id' | 'role'>): boolean {
  return actor.role === 'staff' && booking.accountId !== actor.id && booking.actedBy?.id !== actor.id
}

/**
 * Cancels a booking before the cutoff. When it held a place, the first
 * waiting booking of the slot moves in. Returns every booking that changed.
 * Cancelled by someone other than its owner, it says who, when and why.
 */
export function cancel(booking: Booking, clinic: Clinic, slotBookings: Booking[], actor: Canceller, input: { reason?: unknown }, now: number): Booking[] {
  if (!mayCancel(booking, actor)) throw new RuleError('FORBIDDEN', '只能取消自己账号的预约')
  if (booking.status === 'cancelled') throw new RuleError('CONFLICT', '这个预约已经取消了')
  if (booking.status === 'checked_in') throw new RuleError('CONFLICT', '已经签到的预约不能取消')
  if (now >= cutoffAt(clinic)) throw new RuleError('CONFLICT', `已过取消截止时间（开诊前${clinic.cutoffMinutes / 60}小时）`)
  const reasonRule = needsCancelReason(booking, actor) ? CANCEL_REASON_RULE : { ...CANCEL_REASON_RULE, optional: true }
  assertValid(collectErrors({ reason: checkText(input.reason, reasonRule) }))
  const at = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  const reason = typeof input.reason === 'string' && input.reason.trim() ? input.reason.trim() : null
  const cancelled: Booking = { ...booking, status: 'cancelled' }
  if (booking.accountId !== actor.id) cancelled.cancelledBy = { id: actor.id, name: actor.name, role: actor.role, reason, at }
  return [cancelled, ...movedIn(booking, slotBookings, at)]
}

/** When a booked place is given up, the first on the slot's waiting list moves into it. */
export function movedIn(released: Booking, slotBookings: Booking[], at: string): Booking[] {
  if (released.status !== 'booked') return []
  const first = slotBookings
    .filter((b) => b.status === 'waiting' && b.id !== released.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]
  return first ? [{ ...first, status: 'booked', queueNumber: nextQueueNumber(slotBookings), promotedAt: at }] : []
}

/** A short code for the door: the booking and clinic, plus a check letter against typos. */
export function checkInCodeFor(bookingId: string, clinicId: string): string {
  const text = `${clinicId}-${bookingId}`.toUpperCase()
  let sum = 0
  for (let i = 0; i < text.length; i++) sum = (sum * 31 + text.charCodeAt(i)) % 9973
  return `YZ-${text}-${'ABCDEFGHJKLMNPQRSTUVWXYZ'[sum % 24]}`
}

/** Staff mark an arrival: only a booked patient, once, on the day of the clinic. */
export function checkIn(booking: Booking, clinic: Clinic, now: number): Booking {
  if (booking.status === 'checked_in') throw new RuleError('CONFLICT', `${booking.patientName}已经签到过了`)
  if (booking.status !== 'booked') throw new RuleError('CONFLICT', '只有已预约（非候补、未取消）的就诊人可以签到')
  if (inChina(now).format('YYYY-MM-DD') !== clinic.date) throw new RuleError('CONFLICT', '只能在义诊当天签到')
  return { ...booking, status: 'checked_in', checkedInAt: inChina(now).format('YYYY-MM-DDTHH:mm:ssZ') }
}

/** Attendance of a clinic: booked places, arrivals and the rate. */
export function attendance(bookings: Booking[]): { booked: number; arrived: number; waiting: number; rate: number } {
  const booked = bookings.filter(holdsPlace).length
  const arrived = bookings.filter((b) => b.status === 'checked_in').length
  const waiting = bookings.filter((b) => b.status === 'waiting').length
  return { booked, arrived, waiting, rate: booked === 0 ? 0 : arrived / booked }
}

export const CLINIC_TITLE_RULE = { label: '义诊名称', max: 30 }
export const SPECIALTY_RULE = { label: '科室', max: 10 }
export const DOCTORS_RULE = { label: '出诊医生', max: 40 }
export const HOSPITAL_RULE = { label: '医院', max: 30 }
export const PLACE_RULE = { label: '地点', max: 40 }
export const NOTES_RULE = { label: '注意事项', max: 200, optional: true }

export type ClinicDraft = Omit<Clinic, 'id'>

/** A moment as exchanged: ISO 8601 with an offset, e.g. 2026-11-20T08:00:00+08:00. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** Staff's clinic form: every field named in the errors; slots in order, not overlapping. */
export function validateClinicDraft(input: unknown, now: number): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof ClinicDraft, unknown>>
  const date = typeof d.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.date) && !Number.isNaN(Date.parse(`${d.date}T00:00:00+08:00`)) ? d.date : null
  let slots: string | null = null
  const list = Array.isArray(d.slots) ? (d.slots as Partial<ClinicSlot>[]) : null
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/
  if (!list || list.length === 0) slots = '请至少设置一个时段'
  else if (list.length > 20) slots = '最多20个时段'
  else if (list.some((s) => !s || typeof s.start !== 'string' || typeof s.end !== 'string' || !clock.test(s.start) || !clock.test(s.end) || s.start >= s.end)) {
    slots = '每个时段须有开始和结束时间，且结束晚于开始'
  } else if (list.some((s) => !Number.isInteger(s.capacity) || (s.capacity as number) < 1 || (s.capacity as number) > 200)) {
    slots = '每个时段可预约人数须为1到200之间的整数'
  } else if (list.some((s, i) => i > 0 && (s.start as string) < (list[i - 1].end as string))) slots = '时段须按时间先后排列且不能重叠'
  const cutoff = d.cutoffMinutes
  return collectErrors({
    title: checkText(d.title, CLINIC_TITLE_RULE),
    specialty: checkText(d.specialty, SPECIALTY_RULE),
    doctors: checkText(d.doctors, DOCTORS_RULE),
    hospital: checkText(d.hospital, HOSPITAL_RULE),
    place: checkText(d.place, PLACE_RULE),
    notes: checkText(d.notes, NOTES_RULE),
    date: !date ? '请填写日期，如2026-11-28' : date < inChina(now).format('YYYY-MM-DD') ? '不能安排在过去的日期' : null,
    slots,
    cutoffMinutes: Number.isInteger(cutoff) && (cutoff as number) >= 0 && (cutoff as number) <= 7 * 24 * 60 ? null : '截止时间须为0到10080分钟',
    opensAt: typeof d.opensAt === 'string' && DATE_TIME.test(d.opensAt) && !Number.isNaN(Date.parse(d.opensAt)) ? null : '请填写开放预约的时间',
    location: d.location === undefined || isGeoPoint(d.location) ? null : '地图位置须有纬度和经度',
  })
}

/** 今天, 明天, 后天, or 周六 11月29日 for other days: how clinics are grouped. */
export function dayLabel(iso: string, now: number): string {
  const when = inChina(iso)
  const days = when.startOf('day').diff(inChina(now).startOf('day'), 'day')
  if (days === 0) return '今天'
  if (days === 1) return '明天'
  if (days === 2) return '后天'
  return `${when.format('dddd').replace('星期', '周')} ${when.format('M月D日')}`
}

/** 明天 09:00 style times for bookings. */
export function describeWhen(iso: string, now: number): string {
  return `${dayLabel(iso, now)} ${inChina(iso).format('HH:mm')}`
}

/** Clinics stay listed until 12 hours after they start. */
export const LISTED_AFTER_START_MS = 12 * 3600 * 1000

export function isListedClinic(clinic: Clinic, now: number): boolean {
  return clinicStartsAt(clinic) > now - LISTED_AFTER_START_MS
}

/** The earliest China date a listed clinic can have at `now` (a store can filter on it). */
export function earliestListedDate(now: number): string {
  return inChina(now - LISTED_AFTER_START_MS).format('YYYY-MM-DD')
}

/** Bookings that still hold or wait for a place in a clinic that has not started. */
export function upcomingCount(bookings: Booking[], clinicOf: (id: string) => Clinic | undefined, now: number): number {
  return bookings.filter((b) => {
    if (b.status !== 'booked' && b.status !== 'waiting') return false
    const clinic = clinicOf(b.clinicId)
    return !!clinic && clinicStartsAt(clinic) > now
  }).length
}

/**
 * A validated draft as stored: text trimmed, opensAt in China time, and an
 * id for every slot. A new slot gets an id that no current slot and no
 * booking uses, so it can never take over the bookings of a removed slot.
 */
export function normaliseClinicDraft(d: ClinicDraft, usedSlotIds: string[] = []): ClinicDraft {
  const used = new Set(usedSlotIds)
  let next = 1
  const freshId = () => {
    while (used.has(`t${next}`)) next += 1
    used.add(`t${next}`)
    return `t${next}`
  }
  for (const s of d.slots) if (s.id) used.add(s.id)
  return {
    title: d.title.trim(),
    specialty: d.specialty.trim(),
    doctors: d.doctors.trim(),
    hospital: d.hospital.trim(),
    place: d.place.trim(),
    date: d.date,
    slots: d.slots.map((s) => ({ id: s.id || freshId(), start: s.start, end: s.end, capacity: s.capacity })),
    opensAt: toChinaIso(d.opensAt),
    cutoffMinutes: d.cutoffMinutes,
    notes: (d.notes ?? '').trim(),
    ...(d.location ? { location: { latitude: d.location.latitude, longitude: d.location.longitude } } : {}),
  }
}

/**
 * Editing a clinic keeps every slot that has bookings (booked, waiting or
 * checked in), with room for those holding a place, and keeps the date once
 * anyone booked: nobody's booking may point at a slot or day that is gone.
 */
export function assertEditKeepsBookings(clinic: Clinic, draft: ClinicDraft, bookings: Booking[]): void {
  const active = bookings.filter(isActive)
  if (active.length > 0 && draft.date !== clinic.date) {
    throw new RuleError('CONFLICT', '已有人预约，不能改期', { date: '已有人预约的义诊不能改日期' })
  }
  for (const slot of clinic.slots) {
    const inSlot = active.filter((b) => b.slotId === slot.id)
    if (inSlot.length === 0) continue
    const holding = inSlot.filter(holdsPlace).length
    const next = draft.slots.find((s) => s.id === slot.id)
    if (!next || next.capacity < holding) {
      throw new RuleError('CONFLICT', `${slot.start}时段已有${inSlot.length}人预约或候补，不能删除，名额也不能少于${holding}`, {
        slots: '已有预约的时段不能删除或减少名额',
      })
    }
  }
}

/**
 * After a slot gained places (more capacity, or a cancellation), the waiting
 * list moves in, first come first served. Returns the bookings that changed.
 */
export function fillFromWaitingList(clinic: Clinic, bookings: Booking[], now: number): Booking[] {
  const promotedAt = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  const changed: Booking[] = []
  for (const slot of clinic.slots) {
    const inSlot = bookings.filter((b) => b.slotId === slot.id)
    const waiting = inSlot.filter((b) => b.status === 'waiting').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    let free = placesLeft(slot, inSlot)
    let queue = nextQueueNumber(inSlot)
    for (const b of waiting) {
      if (free <= 0) break
      changed.push({ ...b, status: 'booked', queueNumber: queue, promotedAt })
      queue += 1
      free -= 1
    }
  }
  return changed
}

/**
 * The booking a scanned or typed 签到码 names, among a clinic's bookings.
 * Letters are read case-insensitively and spaces ignored; a code whose check
 * letter is wrong is a typo, told apart from a code of another clinic.
 */
export function findByCheckInCode(bookings: Booking[], clinicId: string, typed: string): { booking: Booking } | { problem: string } {
  const code = typed.replace(/\s+/g, '').toUpperCase()
  if (!code) return { problem: '请扫描或输入签到码' }
  const found = bookings.find((b) => b.checkInCode.toUpperCase() === code)
  if (found) return { booking: found }
  const parts = /^YZ-(.+)-(.+)-([A-Z])$/.exec(code)
  if (!parts || checkInCodeFor(parts[2], parts[1]) !== code) return { problem: '签到码不对，请核对后再输入' }
  if (parts[1] !== clinicId.toUpperCase()) return { problem: '这个签到码不是本场义诊的，请核对就诊凭证上的义诊名称' }
  return { problem: '本场义诊没有这个预约，可能已被取消' }
}

/** 常用就诊人: someone this account booked a clinic for before. */
export interface SavedPatient {
  name: string
  phone: string
  age: number
  assistance: Assistance[]
}

/**
 * What the account's own bookings remember: the family members booked for
 * (家人代约), newest first and one per name and phone, with the age and help
 * given last time; and the age the account gave for itself (本人).
 */
export function rememberedPatients(bookings: Pick<Booking, 'patientName' | 'phone' | 'age' | 'forWhom' | 'assistance' | 'createdAt'>[]): {
  family: SavedPatient[]
  ownAge: number | null
} {
  const newestFirst = [...bookings].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const family: SavedPatient[] = []
  for (const b of newestFirst) {
    if (b.forWhom !== '家人代约' || family.some((p) => p.name === b.patientName && p.phone === b.phone)) continue
    family.push({ name: b.patientName, phone: b.phone, age: b.age, assistance: b.assistance })
  }
  const own = newestFirst.find((b) => b.forWhom === '本人')
  return { family, ownAge: own ? own.age : null }
}
