import { createHash } from 'crypto'
import {
  bookRoom,
  bookableDays,
  cancelRoomBooking,
  cancelledByClosure,
  checkInAtDoor,
  checkDoorCode,
  currentBooking,
  describeHoursOf,
  doorCode,
  doorPayload,
  endVisit,
  inUseOf,
  isOpenAt,
  pauseOf,
  startVisit,
  readDoorCode,
  slotStatusText,
  slotsOf,
  stateOf,
  validateClosure,
  type Closure,
  type Room,
  type RoomBooking,
} from '../../src/domain/rooms'
import { codeWindow } from '../../src/domain/liveCode'
import { refusal } from '../support/refusal'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

const at = (iso: string) => Date.parse(`${iso}+08:00`)
// Wednesday 2026-11-25 10:00 China time: 01:00 UTC, and still Tuesday in Honolulu.
const NOW = at('2026-11-25T10:00:00')
const weekday = { open: '09:00', close: '12:00' }
const room: Room = { id: 'm2', name: '棋牌室', capacity: 2, walkIn: false, rules: '', hours: [null, weekday, weekday, weekday, weekday, weekday, { open: '08:30', close: '11:30' }], secret: 'door-s3cret', photo: null }
let seq = 0
const booking = (date: string, start: string, patch: Partial<RoomBooking> = {}): RoomBooking => ({
  id: `b${++seq}`,
  roomId: 'm2',
  accountId: 'me',
  date,
  start,
  status: 'booked',
  createdAt: '2026-11-20T10:00:00+08:00',
  checkedInAt: null,
  cancelledAt: null,
  cancelReason: null,
  ...patch,
})
const book = (slot: { date: string; start: string }, mine: RoomBooking[] = [], roomBookings: RoomBooking[] = mine, closures: Closure[] = [], now = NOW) =>
  bookRoom(slot, { room, roomBookings, mine, closures, accountId: 'me', id: 'new', now })

describe('opening hours and slots, in China time', () => {
  it('gives whole hours within each weekday’s hours, none on a closed day', () => {
    expect(slotsOf(room, '2026-11-25')).toEqual(['09:00', '10:00', '11:00'])
    // Saturday opens at 08:30: the first whole hour is 09:00, the last ends by 11:30.
    expect(slotsOf(room, '2026-11-28')).toEqual(['09:00', '10:00'])
    expect(slotsOf(room, '2026-11-29')).toEqual([])
    expect(slotsOf({ ...room, walkIn: true }, '2026-11-25')).toEqual([])
  })

  it('books today and the next 7 China days, across midnight', () => {
    expect(bookableDays(NOW)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'])
    expect(bookableDays(at('2026-11-25T23:59:59'))[0]).toBe('2026-11-25')
    expect(bookableDays(at('2026-11-26T00:00:00'))[0]).toBe('2026-11-26')
    expect(refusal(() => book({ date: '2026-12-03', start: '09:00' })).message).toBe('只能预约今天起7天内的时段')
    expect(refusal(() => book({ date: '2026-11-25', start: '10:00' })).message).toBe('该时段已开始，不能预约')
    expect(book({ date: '2026-11-25', start: '11:00' }).status).toBe('booked')
  })

  it('reads the opening hours as runs of days alike, from Monday', () => {
    expect(describeHoursOf(room)).toEqual(['周一至周五 09:00–12:00', '周六 08:30–11:30', '周日 不开放'])
    const daily = { open: '09:00', close: '21:00' }
    expect(describeHoursOf({ hours: [daily, daily, daily, daily, daily, daily, daily] })).toEqual(['每天 09:00–21:00'])
    expect(describeHoursOf({ hours: [null, daily, daily, daily, daily, weekday, null] })).toEqual(['周一至周四 09:00–21:00', '周五 09:00–12:00', '周六、周日 不开放'])
    expect(describeHoursOf({ hours: [daily, daily, weekday, daily, daily, daily, daily] })).toEqual(['周一 09:00–21:00', '周二 09:00–12:00', '周三至周日 09:00–21:00'])
  })
})

describe('an hour as listed', () => {
  it('says why it cannot be booked, before the places left', () => {
    expect(slotStatusText({ placesLeft: 3, closedReason: null, bookable: true })).toBe('剩余3个名额')
    expect(slotStatusText({ placesLeft: 0, closedReason: null, bookable: false })).toBe('已约满')
    expect(slotStatusText({ placesLeft: 3, closedReason: null, bookable: false })).toBe('已过预约时间')
    expect(slotStatusText({ placesLeft: 4, closedReason: '空调维修', bookable: false })).toBe('暂停开放：空调维修')
  })
})

describe('limits', () => {
  it('never gives a slot beyond its capacity', () => {
    const others = [booking('2026-11-26', '09:00', { accountId: 'a' }), booking('2026-11-26', '09:00', { accountId: 'b' })]
    expect(refusal(() => book({ date: '2026-11-26', start: '09:00' }, [], others)).message).toBe('该时段已约满，请选择其他时段')
    expect(book({ date: '2026-11-26', start: '09:00' }, [], [others[0], { ...others[1], status: 'cancelled' }]).status).toBe('booked')
  })

  it('allows 2 hours per room per day and 3 upcoming bookings', () => {
    const two = [booking('2026-11-26', '09:00'), booking('2026-11-26', '10:00')]
    expect(refusal(() => book({ date: '2026-11-26', start: '11:00' }, two)).message).toBe('同一功能室每天最多预约2小时')
    const three = [...two, booking('2026-11-27', '09:00')]
    expect(refusal(() => book({ date: '2026-11-30', start: '09:00' }, three)).message).toBe('最多同时有3个未使用的预约')
    expect(book({ date: '2026-11-30', start: '09:00' }, [...two, booking('2026-11-27', '09:00', { status: 'cancelled' })]).status).toBe('booked')
  })
})

describe('no-shows', () => {
  const missed = [booking('2026-11-02', '09:00'), booking('2026-11-16', '09:00'), booking('2026-11-24', '10:00')]

  it('counts an hour that ended without a check-in as a no-show', () => {
    expect(stateOf(missed[2], at('2026-11-24T10:59:59'))).toBe('booked')
    expect(stateOf(missed[2], at('2026-11-24T11:00:00'))).toBe('no_show')
  })

  it('pauses booking for 7 days after the third no-show within 30 days, with the reason', () => {
    expect(pauseOf(missed, NOW)).toEqual({ until: '2026-12-01T11:00:00+08:00', reason: '30天内有3次预约未到，暂停预约至12月1日 11:00' })
    expect(refusal(() => book({ date: '2026-11-26', start: '09:00' }, missed)).message).toMatch(/^30天内有3次预约未到/)
    expect(pauseOf(missed, at('2026-12-01T11:00:00'))).toBeNull()
    // 31 days between the first and the third: no pause.
    expect(pauseOf([booking('2026-10-24', '10:00'), ...missed.slice(1)], NOW)).toBeNull()
    expect(pauseOf([...missed.slice(0, 2), { ...missed[2], status: 'checked_in' }], NOW)).toBeNull()
  })
})

describe('at the door and closures', () => {
  /** The door display's code at a moment. */
  const shownAt = (moment: number) => doorCode(room.secret, codeWindow(moment), sha)

  it('checks in with the door’s live code from 10 minutes before the hour; a repeat changes nothing', () => {
    const mine = [booking('2026-11-26', '09:00')]
    const early = at('2026-11-26T08:49:59')
    expect(refusal(() => checkInAtDoor(shownAt(early), room, mine, early, sha)).code).toBe('CONFLICT')
    const moment = at('2026-11-26T08:50:00')
    expect(refusal(() => checkInAtDoor(doorPayload('m1', shownAt(moment)), room, mine, moment, sha)).message).toBe('这是另一间功能室的二维码')
    expect(currentBooking('m2', mine, moment)).toBe(mine[0])
    const inside = checkInAtDoor(doorPayload('m2', shownAt(moment)), room, mine, moment, sha)
    expect(inside.checkedInAt).toBe('2026-11-26T08:50:00+08:00')
    const later = at('2026-11-26T09:30:00')
    expect(checkInAtDoor(shownAt(later), room, [inside], later, sha)).toBe(inside)
  })

  it('changes the door code every 30 seconds, on the same instants whatever the zone the moment is written in', () => {
    // 09:00:30 in China is 01:00:30 UTC and 15:00:30 the day before in Honolulu.
    const china = Date.parse('2026-11-26T09:00:30+08:00')
    expect(Date.parse('2026-11-26T01:00:30Z')).toBe(china)
    expect(Date.parse('2026-11-25T15:00:30-10:00')).toBe(china)
    expect(shownAt(china - 1)).toBe(shownAt(Date.parse('2026-11-26T09:00:00+08:00')))
    expect(shownAt(china)).toBe(shownAt(Date.parse('2026-11-25T15:00:59.999-10:00')))
    expect(shownAt(china)).not.toBe(shownAt(china - 1))
    expect(shownAt(china)).toMatch(/^\d{6}$/)
    // Another room's secret gives another code.
    expect(doorCode('other', codeWindow(china), sha)).not.toBe(shownAt(china))
  })

  it('accepts the current and the previous window only: a replayed older code is expired, a made-up one wrong', () => {
    const shown = at('2026-11-26T09:00:00')
    const code = shownAt(shown)
    expect(() => checkDoorCode(code, room, shown, sha)).not.toThrow()
    expect(() => checkDoorCode(` ${code.slice(0, 3)} ${code.slice(3)} `, room, shown + 59_999, sha)).not.toThrow()
    const replay = refusal(() => checkDoorCode(code, room, shown + 60_000, sha))
    expect([replay.code, replay.fields.code]).toEqual(['CONFLICT', '签到码已过期，请用门口屏幕上最新的数字'])
    const forged = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    expect(refusal(() => checkDoorCode(forged, room, shown, sha)).message).toBe('签到码不正确')
    // The old static code is no longer a door code.
    expect(refusal(() => checkDoorCode('RM:m2', room, shown, sha)).code).toBe('VALIDATION')
    expect(readDoorCode('RM:m2:012345')).toEqual({ roomId: 'm2', code: '012345' })
    expect(readDoorCode('12345')).toBeNull()
  })

  it('lets the holder cancel until the hour starts', () => {
    const b = booking('2026-11-26', '09:00')
    expect(cancelRoomBooking(b, at('2026-11-26T08:59:59')).status).toBe('cancelled')
    expect(refusal(() => cancelRoomBooking(b, at('2026-11-26T09:00:00'))).code).toBe('CONFLICT')
  })

  it('cancels the bookings of the hours a closure covers, with its reason, and refuses new ones', () => {
    const closure: Closure = { id: 'x1', roomId: 'm2', from: '2026-11-26T09:30:00+08:00', to: '2026-11-26T11:00:00+08:00', reason: '更换桌椅', by: { id: 'staff', name: '刘芳' }, at: '2026-11-25T10:00:00+08:00' }
    const list = [booking('2026-11-26', '09:00'), booking('2026-11-26', '10:00'), booking('2026-11-26', '11:00')]
    expect(cancelledByClosure(closure, list, NOW).map((b) => [b.start, b.cancelReason])).toEqual([
      ['09:00', '更换桌椅'],
      ['10:00', '更换桌椅'],
    ])
    expect(refusal(() => book({ date: '2026-11-26', start: '10:00' }, [], [], [closure])).message).toBe('该时段暂停开放：更换桌椅')
    expect(Object.keys(validateClosure({ from: '2026-11-26T11:00:00+08:00', to: '2026-11-26T10:00:00+08:00', reason: '' }, NOW)).sort()).toEqual(['reason', 'to'])
  })
})

describe('母婴室 walk-in visits', () => {
  const nursing: Room = { ...room, id: 'm4', name: '母婴室', capacity: 1, walkIn: true }
  const v = (accountId: string, moment: number) => startVisit(nursing, [], [], accountId, `v-${accountId}`, moment)

  it('is open by the China weekday’s hours, whatever zone the moment is written in', () => {
    // Wednesday 09:00 in China is Tuesday 15:00 in Honolulu: the room opens at 09:00 on weekdays.
    expect(isOpenAt(nursing, Date.parse('2026-11-25T09:00:00+08:00'))).toBe(true)
    expect(isOpenAt(nursing, Date.parse('2026-11-24T14:59:59-10:00'))).toBe(false)
    expect(isOpenAt(nursing, at('2026-11-25T11:59:59'))).toBe(true)
    expect(isOpenAt(nursing, at('2026-11-25T12:00:00'))).toBe(false)
    // Sunday: closed all day.
    expect(isOpenAt(nursing, at('2026-11-29T10:00:00'))).toBe(false)
  })

  it('lets one in at a time; the visit ends at 离开 or by itself after 30 minutes', () => {
    const first = v('a', NOW)
    expect(first.endsAt).toBe('2026-11-25T10:30:00+08:00')
    expect(refusal(() => startVisit(nursing, [first], [], 'b', 'x', NOW + 60_000)).message).toBe('母婴室正在使用中，请稍候再来')
    expect(startVisit(nursing, [first], [], 'a', 'x', NOW + 60_000)).toBe(first)
    expect(inUseOf([first], at('2026-11-25T10:29:59'))).toBe(1)
    expect(inUseOf([first], at('2026-11-25T10:30:00'))).toBe(0)
    expect(startVisit(nursing, [first], [], 'b', 'x', at('2026-11-25T10:30:00')).accountId).toBe('b')
    const left = endVisit(first, NOW + 120_000)
    expect([left.endedAt, inUseOf([left], NOW + 120_000)]).toEqual(['2026-11-25T10:02:00+08:00', 0])
    expect(refusal(() => endVisit(left, NOW + 180_000)).code).toBe('CONFLICT')
    expect(startVisit({ ...nursing, capacity: 2 }, [first], [], 'b', 'x', NOW).accountId).toBe('b')
    expect(refusal(() => startVisit(room, [], [], 'a', 'x', NOW)).message).toBe('棋牌室需要预约，请选择时段')
  })
})
