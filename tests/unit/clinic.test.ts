import {
  assertEditKeepsBookings,
  attendance,
  book,
  fillFromWaitingList,
  normaliseClinicDraft,
  upcomingCount,
  cancel,
  checkIn,
  checkInCodeFor,
  findByCheckInCode,
  rememberedPatients,
  validateClinicDraft,
  cutoffAt,
  dayLabel,
  describeWhen,
  isBookingOpen,
  placesLeft,
  validateBookingDraft,
  type Booking,
  type BookingDraft,
  type Clinic,
} from '../../src/domain/clinic'
import { refusal } from '../support/refusal'

const at = (iso: string) => Date.parse(`${iso}+08:00`)

// Saturday 2026-11-28, first slot 09:00: booking closes at 07:00 China time.
const clinic: Clinic = {
  id: 's1',
  title: '心血管专家义诊',
  specialty: '心血管',
  doctors: '王主任',
  hospital: '碾子山区人民医院',
  place: '幸福里康养管家',
  date: '2026-11-28',
  slots: [
    { id: 'a', start: '09:00', end: '09:30', capacity: 2 },
    { id: 'b', start: '09:30', end: '10:00', capacity: 1 },
  ],
  opensAt: '2026-11-20T08:00:00+08:00',
  cutoffMinutes: 120,
  notes: '请带上既往病历',
}

const draft: BookingDraft = { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: '', assistance: [] }
const NOW = at('2026-11-25T10:00:00')
const ELDER = { id: 'elder', name: '张桂兰', role: 'elder' as const }
let seq = 0
const ctx = (bookings: Booking[], extra: Partial<Parameters<typeof book>[1]> = {}) => ({
  clinic,
  slotId: 'a',
  accountId: 'elder',
  clinicBookings: bookings,
  accountUpcoming: 0,
  id: `b${++seq}`,
  now: NOW,
  ...extra,
})

describe('clinic cutoff, in China time', () => {
  it('closes 2 hours before the first slot', () => {
    expect(cutoffAt(clinic)).toBe(at('2026-11-28T07:00:00'))
  })

  it('books one minute before the cutoff and refuses exactly at it and one minute after', () => {
    expect(book(draft, ctx([], { now: at('2026-11-28T06:59:00') })).status).toBe('booked')
    expect(refusal(() => book(draft, ctx([], { now: at('2026-11-28T07:00:00') }))).code).toBe('CONFLICT')
    expect(refusal(() => book(draft, ctx([], { now: at('2026-11-28T07:01:00') }))).message).toMatch(/预约已截止/)
    expect(isBookingOpen(clinic, at('2026-11-28T06:59:59'))).toBe(true)
    expect(isBookingOpen(clinic, at('2026-11-28T07:00:00'))).toBe(false)
  })

  it('refuses clinics not yet open or already started', () => {
    expect(refusal(() => book(draft, ctx([], { now: at('2026-11-19T12:00:00') }))).message).toMatch(/还没有开放/)
    expect(refusal(() => book(draft, ctx([], { now: at('2026-11-28T09:10:00') }))).message).toMatch(/已经开始或结束/)
  })

  it('cancels until the cutoff and not after', () => {
    const booking = book(draft, ctx([]))
    expect(cancel(booking, clinic, [booking], ELDER, {}, at('2026-11-28T06:59:00'))[0].status).toBe('cancelled')
    expect(refusal(() => cancel(booking, clinic, [booking], ELDER, {}, at('2026-11-28T07:00:00'))).code).toBe('CONFLICT')
  })
})

describe('capacity and the waiting list', () => {
  it('fills the slot, then puts the next on the waiting list', () => {
    const first = book(draft, ctx([]))
    const second = book({ ...draft, patientName: '李桂芳' }, ctx([first]))
    const third = book({ ...draft, patientName: '王德明' }, ctx([first, second]))
    expect([first, second, third].map((b) => [b.status, b.queueNumber])).toEqual([
      ['booked', 1],
      ['booked', 2],
      ['waiting', null],
    ])
    expect(placesLeft(clinic.slots[0], [first, second, third])).toBe(0)
  })

  it('moves the first waiting booking in when a booked one is cancelled', () => {
    const first = book(draft, ctx([]))
    const second = book({ ...draft, patientName: '李桂芳' }, ctx([first]))
    const waiting1 = book({ ...draft, patientName: '王德明' }, ctx([first, second], { now: NOW + 1000 }))
    const waiting2 = book({ ...draft, patientName: '赵春梅' }, ctx([first, second, waiting1], { now: NOW + 2000 }))
    const changed = cancel(first, clinic, [first, second, waiting1, waiting2], ELDER, {}, NOW)
    expect(changed.map((b) => [b.patientName, b.status, b.queueNumber])).toEqual([
      ['张桂兰', 'cancelled', 1],
      ['王德明', 'booked', 3],
    ])
  })

  it('promotes nobody when a waiting booking is cancelled', () => {
    const first = book(draft, ctx([], { slotId: 'b' }))
    const waiting = book({ ...draft, patientName: '王德明' }, ctx([first], { slotId: 'b' }))
    expect(cancel(waiting, clinic, [first, waiting], ELDER, {}, NOW)).toHaveLength(1)
  })
})

describe('one booking per patient, five per account', () => {
  it('refuses the same patient (name + phone) twice in one clinic, even in another slot', () => {
    const first = book(draft, ctx([]))
    const error = refusal(() => book({ ...draft, phone: '139 0452 7788' }, ctx([first], { slotId: 'b' })))
    expect([error.code, error.message]).toEqual(['CONFLICT', '张桂兰已经预约了这场义诊，同一位就诊人只能预约一次'])
    // A cancelled booking no longer counts; a different phone is another patient.
    expect(book(draft, ctx([{ ...first, status: 'cancelled' }])).status).toBe('booked')
    expect(book({ ...draft, phone: '13904520000' }, ctx([first])).status).toBe('booked')
  })

  it('allows 5 upcoming bookings per account and refuses the 6th', () => {
    expect(book(draft, ctx([], { accountUpcoming: 4 })).status).toBe('booked')
    expect(refusal(() => book(draft, ctx([], { accountUpcoming: 5 }))).message).toBe('一个账号最多同时有5个未就诊的预约')
  })

  it('lets only the booking account cancel', () => {
    const booking = book(draft, ctx([]))
    expect(refusal(() => cancel(booking, clinic, [booking], { id: 'resident', name: '李明', role: 'resident' }, {}, NOW)).code).toBe('FORBIDDEN')
  })
})

describe('booking form validation', () => {
  it('names each bad field', () => {
    const errors = validateBookingDraft({ patientName: '', phone: '1390452', age: 121, forWhom: '朋友', symptoms: '痛'.repeat(201), assistance: ['飞行'] })
    expect(errors).toEqual({
      patientName: '请填写就诊人姓名',
      phone: '请填写11位手机号，以1开头（如13812341234）',
      age: '年龄须为0到120之间的整数',
      forWhom: '请选择为谁预约',
      symptoms: '症状描述不能超过200个字（现在201个字）',
      assistance: '请从列表中选择需要的协助',
    })
  })

  it('accepts ages 0 and 120 and typed digits, refuses -1 and fractions', () => {
    for (const age of [0, 120, '75']) expect(validateBookingDraft({ ...draft, age }).age).toBeUndefined()
    for (const age of [-1, 35.5, '七十', '']) expect(validateBookingDraft({ ...draft, age }).age).toBeTruthy()
  })
})

describe('times for people', () => {
  it('says 今天, 明天, 后天 or the weekday and date, in China time', () => {
    const now = at('2026-11-26T23:30:00')
    expect(describeWhen('2026-11-26T23:50:00+08:00', now)).toBe('今天 23:50')
    expect(describeWhen('2026-11-27T09:00:00+08:00', now)).toBe('明天 09:00')
    expect(describeWhen('2026-11-28T09:00:00+08:00', now)).toBe('后天 09:00')
    expect(dayLabel('2026-11-29T09:00:00+08:00', now)).toBe('周日 11月29日')
    // 00:30 UTC on the 27th is 08:30 China time on the 27th: 明天.
    expect(describeWhen('2026-11-27T00:30:00Z', now)).toBe('明天 08:30')
  })
})

describe('arrivals and attendance', () => {
  it('checks in a booked patient once, on the day only', () => {
    const booking = book(draft, ctx([]))
    expect(refusal(() => checkIn(booking, clinic, at('2026-11-27T09:00:00'))).message).toBe('只能在义诊当天签到')
    const arrived = checkIn(booking, clinic, at('2026-11-28T08:50:00'))
    expect([arrived.status, arrived.checkedInAt]).toEqual(['checked_in', '2026-11-28T08:50:00+08:00'])
    expect(refusal(() => checkIn(arrived, clinic, at('2026-11-28T09:00:00'))).code).toBe('CONFLICT')
    expect(refusal(() => checkIn({ ...booking, status: 'waiting' }, clinic, at('2026-11-28T09:00:00'))).code).toBe('CONFLICT')
  })

  it('computes attendance from the bookings themselves', () => {
    const a = book(draft, ctx([]))
    const b = book({ ...draft, patientName: '李桂芳' }, ctx([a]))
    const c = book({ ...draft, patientName: '王德明' }, ctx([a, b]))
    expect(attendance([checkIn(a, clinic, at('2026-11-28T08:50:00')), b, c])).toEqual({ booked: 2, arrived: 1, waiting: 1, rate: 0.5 })
    expect(attendance([])).toEqual({ booked: 0, arrived: 0, waiting: 0, rate: 0 })
  })

  it('gives each booking a distinct check-in code with a check letter', () => {
    expect(checkInCodeFor('b1', 's1')).toMatch(/^YZ-S1-B1-[A-Z]$/)
    expect(checkInCodeFor('b1', 's1')).not.toBe(checkInCodeFor('b2', 's1'))
  })
})

describe('staff clinic form', () => {
  const good = { ...clinic, id: undefined }
  it('accepts a well-formed clinic', () => {
    expect(validateClinicDraft(good, NOW)).toEqual({})
  })

  it('refuses past dates, empty or overlapping slots and bad capacities', () => {
    expect(validateClinicDraft({ ...good, date: '2026-11-24' }, NOW).date).toBe('不能安排在过去的日期')
    expect(validateClinicDraft({ ...good, date: '11/28' }, NOW).date).toMatch(/请填写日期/)
    expect(validateClinicDraft({ ...good, slots: [] }, NOW).slots).toBe('请至少设置一个时段')
    const overlapping = [
      { id: 'a', start: '09:00', end: '09:40', capacity: 2 },
      { id: 'b', start: '09:30', end: '10:00', capacity: 2 },
    ]
    expect(validateClinicDraft({ ...good, slots: overlapping }, NOW).slots).toBe('时段须按时间先后排列且不能重叠')
    expect(validateClinicDraft({ ...good, slots: [{ id: 'a', start: '09:00', end: '09:30', capacity: 0 }] }, NOW).slots).toMatch(/1到200/)
    expect(validateClinicDraft({ ...good, slots: [{ id: 'a', start: '10:00', end: '09:30', capacity: 5 }] }, NOW).slots).toMatch(/结束晚于开始/)
    expect(Object.keys(validateClinicDraft({}, NOW)).sort()).toEqual(
      ['cutoffMinutes', 'date', 'doctors', 'hospital', 'opensAt', 'place', 'slots', 'specialty', 'title'].sort(),
    )
  })
})

describe('editing a clinic with bookings', () => {
  const patient = (name: string, phone: string): BookingDraft => ({ ...draft, patientName: name, phone })
  /** Slot b (1 place): 王 booked, then 李 and 周 waiting, in that order. */
  function fullSlotB(): Booking[] {
    const list: Booking[] = []
    for (const [i, name] of ['王', '李', '周'].entries()) {
      const b = book(patient(name, `1390452000${i}`), ctx(list, { slotId: 'b', accountId: `acc${i}`, now: NOW + i * 1000 }))
      list.push(b)
    }
    return list
  }
  const { id: _id, ...clinicDraft } = clinic

  it('moves the waiting list in, in order, when capacity is raised', () => {
    const bookings = fullSlotB()
    expect(bookings.map((b) => b.status)).toEqual(['booked', 'waiting', 'waiting'])
    const bigger = { ...clinic, slots: [clinic.slots[0], { ...clinic.slots[1], capacity: 2 }] }
    const moved = fillFromWaitingList(bigger, bookings, NOW + 5000)
    expect(moved.map((b) => [b.patientName, b.status, b.queueNumber])).toEqual([['李', 'booked', 2]])
    expect(moved[0].promotedAt).not.toBeNull()
    expect(fillFromWaitingList(clinic, bookings, NOW)).toEqual([])
  })

  it('refuses to remove a slot that only has people waiting, or to change the date', () => {
    const waitingOnly = fullSlotB().map((b) => (b.status === 'booked' ? { ...b, status: 'cancelled' as const } : b))
    const withoutB = { ...clinicDraft, slots: [clinic.slots[0]] }
    expect(refusal(() => assertEditKeepsBookings(clinic, withoutB, waitingOnly)).code).toBe('CONFLICT')
    expect(refusal(() => assertEditKeepsBookings(clinic, { ...clinicDraft, date: '2026-11-29' }, waitingOnly)).fields.date).toMatch(/改日期/)
  })

  it('lets a slot with only cancelled bookings go', () => {
    const cancelled = fullSlotB().map((b) => ({ ...b, status: 'cancelled' as const }))
    expect(() => assertEditKeepsBookings(clinic, { ...clinicDraft, slots: [clinic.slots[0]] }, cancelled)).not.toThrow()
  })

  it('gives a new slot an id no slot had, so it never inherits old bookings', () => {
    // t1 was removed earlier, but a cancelled booking still points at it.
    const next = normaliseClinicDraft({ ...clinicDraft, slots: [clinic.slots[1], { id: '', start: '10:00', end: '10:30', capacity: 3 }] }, ['a', 'b', 't1'])
    expect(next.slots.map((s) => s.id)).toEqual(['b', 't2'])
  })

  it('counts upcoming bookings of an account only in clinics yet to start', () => {
    const bookings = fullSlotB()
    expect(upcomingCount(bookings, () => clinic, NOW)).toBe(3)
    expect(upcomingCount(bookings, () => clinic, at('2026-11-28T09:00:00'))).toBe(0)
    expect(upcomingCount(bookings, () => undefined, NOW)).toBe(0)
  })
})

describe('who may cancel a booking', () => {
  const staff = { id: 'staff', name: '刘芳', role: 'staff' as const }
  const volunteer = { id: 'volunteer', name: '赵志强', role: 'volunteer' as const }

  it('lets staff cancel only with a reason, which the owner sees', () => {
    const booking = book(draft, ctx([]))
    expect(refusal(() => cancel(booking, clinic, [booking], staff, {}, NOW)).fields).toEqual({ reason: '请填写取消原因' })
    const [cancelled] = cancel(booking, clinic, [booking], staff, { reason: ' 医生临时有事，义诊改期 ' }, NOW)
    expect(cancelled.cancelledBy).toEqual({ id: 'staff', name: '刘芳', role: 'staff', reason: '医生临时有事，义诊改期', at: '2026-11-25T10:00:00+08:00' })
  })

  it('lets the helper who booked through 代办 cancel without a reason, and nobody else', () => {
    const booking = { ...book(draft, ctx([])), actedBy: { id: 'volunteer', name: '赵志强', role: 'volunteer' as const, at: '2026-11-25T09:00:00+08:00' } }
    const [cancelled] = cancel(booking, clinic, [booking], volunteer, {}, NOW)
    expect(cancelled.cancelledBy).toMatchObject({ name: '赵志强', reason: null })
    expect(refusal(() => cancel(booking, clinic, [booking], { id: 'volunteer2', name: '孙丽娟', role: 'volunteer' }, {}, NOW)).code).toBe('FORBIDDEN')
    // The owner's own cancellation names nobody.
    expect(cancel(booking, clinic, [booking], ELDER, {}, NOW)[0].cancelledBy).toBeUndefined()
  })
})

describe('finding a booking by its 签到码 (scanned or typed)', () => {
  const mk = (id: string, clinicId: string) => ({ id, clinicId, checkInCode: checkInCodeFor(id, clinicId) }) as unknown as Booking
  const bookings = [mk('b1', 'c1'), mk('b2', 'c1')]

  it('finds the booking whatever the case and spaces of the typed code', () => {
    const code = checkInCodeFor('b2', 'c1')
    expect(findByCheckInCode(bookings, 'c1', code)).toEqual({ booking: bookings[1] })
    expect(findByCheckInCode(bookings, 'c1', ` ${code.toLowerCase().slice(0, 5)} ${code.toLowerCase().slice(5)} `)).toEqual({ booking: bookings[1] })
  })

  it('tells a typo from another clinic’s code and from a cancelled booking', () => {
    const good = checkInCodeFor('b1', 'c1')
    const typo = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A')
    expect(findByCheckInCode(bookings, 'c1', typo)).toEqual({ problem: '签到码不对，请核对后再输入' })
    expect(findByCheckInCode(bookings, 'c1', 'hello')).toEqual({ problem: '签到码不对，请核对后再输入' })
    expect(findByCheckInCode(bookings, 'c1', '')).toEqual({ problem: '请扫描或输入签到码' })
    expect(findByCheckInCode(bookings, 'c1', checkInCodeFor('b9', 'c2'))).toEqual({ problem: '这个签到码不是本场义诊的，请核对就诊凭证上的义诊名称' })
    expect(findByCheckInCode(bookings, 'c1', checkInCodeFor('b9', 'c1'))).toEqual({ problem: '本场义诊没有这个预约，可能已被取消' })
  })
})

describe('常用就诊人 remembered from the account’s bookings', () => {
  const b = (patientName: string, phone: string, age: number, forWhom: '本人' | '家人代约', createdAt: string, assistance: ('轮椅' | '听力')[] = []) => ({ patientName, phone, age, forWhom, createdAt, assistance })

  it('lists each family member once, newest first, with the age and help given last time', () => {
    const remembered = rememberedPatients([
      b('李建国', '13600001111', 45, '本人', '2026-10-01T09:00:00+08:00'),
      b('李大爷', '13600001111', 78, '家人代约', '2026-10-02T09:00:00+08:00'),
      b('王奶奶', '13600002222', 80, '家人代约', '2026-10-05T09:00:00+08:00', ['轮椅']),
      b('李大爷', '13600001111', 79, '家人代约', '2026-11-20T09:00:00+08:00', ['听力']),
    ])
    expect(remembered.family).toEqual([
      { name: '李大爷', phone: '13600001111', age: 79, assistance: ['听力'] },
      { name: '王奶奶', phone: '13600002222', age: 80, assistance: ['轮椅'] },
    ])
    expect(remembered.ownAge).toBe(45)
  })

  it('remembers nothing from no bookings', () => {
    expect(rememberedPatients([])).toEqual({ family: [], ownAge: null })
  })
})
