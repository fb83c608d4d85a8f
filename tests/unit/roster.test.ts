import { contactsOnDuty, crossesMidnight, describeShift, isOnDuty, type Shift } from '../../src/domain/roster'

/** A moment given as China wall-clock time. */
const china = (iso: string) => new Date(`${iso}+08:00`)

// 2026-11-27 is a Friday, 2026-11-28 a Saturday, 2026-11-29 a Sunday, 2026-11-30 a Monday.
const day: Shift = { contactId: 'a', days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' }
const night: Shift = { contactId: 'n', days: [5, 6], start: '22:00', end: '06:00' }

describe('duty roster', () => {
  it('starts a day shift exactly at its start and ends it exactly at its end', () => {
    expect(isOnDuty(day, china('2026-11-27T08:29:59'))).toBe(false)
    expect(isOnDuty(day, china('2026-11-27T08:30:00'))).toBe(true)
    expect(isOnDuty(day, china('2026-11-27T17:29:59'))).toBe(true)
    expect(isOnDuty(day, china('2026-11-27T17:30:00'))).toBe(false)
  })

  it('keeps a day shift to its weekdays', () => {
    expect(isOnDuty(day, china('2026-11-28T10:00:00'))).toBe(false)
    expect(isOnDuty(day, china('2026-11-30T10:00:00'))).toBe(true)
  })

  it('carries a night shift across midnight into the next day', () => {
    expect(crossesMidnight(night)).toBe(true)
    expect(isOnDuty(night, china('2026-11-27T21:59:00'))).toBe(false)
    expect(isOnDuty(night, china('2026-11-27T22:00:00'))).toBe(true)
    expect(isOnDuty(night, china('2026-11-27T23:59:59'))).toBe(true)
    // Saturday morning belongs to Friday's shift.
    expect(isOnDuty(night, china('2026-11-28T00:00:00'))).toBe(true)
    expect(isOnDuty(night, china('2026-11-28T05:59:59'))).toBe(true)
    expect(isOnDuty(night, china('2026-11-28T06:00:00'))).toBe(false)
    // Sunday morning belongs to Saturday's shift; Monday morning to nobody.
    expect(isOnDuty(night, china('2026-11-29T03:00:00'))).toBe(true)
    expect(isOnDuty(night, china('2026-11-30T03:00:00'))).toBe(false)
    // Friday morning would belong to Thursday's shift, which does not exist.
    expect(isOnDuty(night, china('2026-11-27T03:00:00'))).toBe(false)
  })

  it('treats 00:00–00:00 as a whole day', () => {
    const allDay: Shift = { contactId: 'x', days: [0], start: '00:00', end: '00:00' }
    expect(isOnDuty(allDay, china('2026-11-29T00:00:00'))).toBe(true)
    expect(isOnDuty(allDay, china('2026-11-29T23:59:00'))).toBe(true)
    expect(isOnDuty(allDay, china('2026-11-30T00:00:00'))).toBe(false)
  })

  it('uses China time whatever the instant is written in', () => {
    // 2026-11-27 14:00 UTC is Friday 22:00 in China.
    expect(isOnDuty(night, new Date(Date.UTC(2026, 10, 27, 14, 0)))).toBe(true)
    expect(isOnDuty(night, new Date(Date.UTC(2026, 10, 27, 13, 59)))).toBe(false)
  })

  it('lists who is on duty in roster order without repeats', () => {
    const roster: Shift[] = [day, night, { ...day, contactId: 'b' }, { ...day, start: '12:00' }]
    expect(contactsOnDuty(roster, china('2026-11-27T13:00:00'))).toEqual(['a', 'b'])
    expect(contactsOnDuty(roster, china('2026-11-28T01:00:00'))).toEqual(['n'])
    expect(contactsOnDuty(roster, china('2026-11-30T07:00:00'))).toEqual([])
  })

  it('describes shifts for people', () => {
    expect(describeShift(day)).toBe('周一至周五 08:30–17:30')
    expect(describeShift(night)).toBe('周五、周六 22:00–次日06:00')
    expect(describeShift({ contactId: 'e', days: [0, 1, 2, 3, 4, 5, 6], start: '20:00', end: '08:00' })).toBe(
      '每天 20:00–次日08:00',
    )
    expect(describeShift({ contactId: 'w', days: [6, 0], start: '09:00', end: '17:00' })).toBe('周六、周日 09:00–17:00')
  })
})
