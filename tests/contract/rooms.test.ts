import type { Api } from '../../src/api/contract'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

// Wednesday 2026-11-25 10:00 China time. Seed rooms: m1 乒乓室 (1 group an hour), m2 棋牌室 (4 tables),
// m3 图书阅览室 (20), m4 母婴室 (walk-in), m5 文体活动服装室 (weekdays only).
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const at = (iso: string) => Date.parse(`${iso}+08:00`)
let clock = T0
const now = () => clock

describe.each(TARGETS)('room contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('lists the rooms with their hours, and the hour slots of a day in China time', async () => {
    const anyone = await clientAs(t, null)
    const rooms = await anyone.listRooms()
    expect(rooms.map((r) => r.name)).toEqual(['乒乓室', '棋牌室', '图书阅览室', '母婴室', '文体活动服装室'])
    expect(rooms[4].hours[0]).toBeNull()
    const today = await anyone.listRoomSlots('m2', '2026-11-25')
    expect(today[0]).toEqual({ date: '2026-11-25', start: '09:00', end: '10:00', placesLeft: 4, closedReason: null, bookable: false })
    expect(today.filter((s) => s.bookable).map((s) => s.start)[0]).toBe('11:00')
    expect(await anyone.listRoomSlots('m5', '2026-11-29')).toEqual([])
    expect((await failureOf(anyone.listRoomSlots('m2', '2026-12-03'))).code).toBe('VALIDATION')
  })

  it('never books more than a slot’s capacity under 50 simultaneous bookings', async () => {
    const people: Api[] = []
    for (let batch = 0; batch < 50; batch += 25) {
      const sessions = await Promise.all(Array.from({ length: 25 }, (_, i) => t.clientWith(null).loginWithPhone(`phone:1370000${String(batch + i).padStart(4, '0')}`)))
      people.push(...sessions.map((s) => t.clientWith(s.token)))
    }
    const results = await Promise.allSettled(people.map((api) => api.bookRoom('m2', { date: '2026-11-26', start: '14:00' })))
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string; message: string }] : []))
    expect(ok).toHaveLength(4)
    expect(new Set(refused.map((e) => `${e.code} ${e.message}`))).toEqual(new Set(['CONFLICT 该时段已约满，请选择其他时段']))
    const slot = (await people[0].listRoomSlots('m2', '2026-11-26')).find((s) => s.start === '14:00')!
    expect([slot.placesLeft, slot.bookable]).toEqual([0, false])
  }, 30_000) // 50 sign-ins first, on a shared machine

  it('holds 2 hours a room a day and 3 upcoming bookings, and lets the holder cancel until the hour', async () => {
    const elder = await clientAs(t, 'elder')
    const first = await elder.bookRoom('m2', { date: '2026-11-26', start: '09:00' })
    expect(first).toMatchObject({ room: { id: 'm2', name: '棋牌室' }, state: 'booked', end: '10:00' })
    await elder.bookRoom('m2', { date: '2026-11-26', start: '10:00' })
    expect((await failureOf(elder.bookRoom('m2', { date: '2026-11-26', start: '11:00' }))).message).toBe('同一功能室每天最多预约2小时')
    await elder.bookRoom('m1', { date: '2026-11-27', start: '09:00' })
    expect((await failureOf(elder.bookRoom('m3', { date: '2026-11-28', start: '09:00' }))).message).toBe('最多同时有3个未使用的预约')
    expect((await failureOf(elder.bookRoom('m4', { date: '2026-11-28', start: '09:00' }))).message).toBe('母婴室无需预约，直接前往即可')
    expect((await failureOf((await clientAs(t, 'resident')).cancelRoomBooking(first.id))).code).toBe('NOT_FOUND')
    clock = at('2026-11-26T08:59:59')
    expect((await elder.cancelRoomBooking(first.id)).state).toBe('cancelled')
    clock = at('2026-11-26T09:00:00')
    const second = (await elder.listMyRoomBookings()).bookings.find((b) => b.start === '10:00')!
    clock = at('2026-11-26T10:00:00')
    expect((await failureOf(elder.cancelRoomBooking(second.id))).code).toBe('CONFLICT')
  })

  it('checks in at the door with the door display’s live code; a replayed or expired code, or another room’s, is refused; missing three hours in 30 days pauses booking for 7 days, with the reason', async () => {
    const elder = await clientAs(t, 'elder')
    const staff = await clientAs(t, 'staff')
    await elder.bookRoom('m1', { date: '2026-11-25', start: '11:00' })
    clock = at('2026-11-25T10:50:00')
    const door = await staff.getRoomDoorCode('m1')
    expect(door.code).toMatch(/^\d{6}$/)
    expect([door.payload, door.expiresAt]).toEqual([`RM:m1:${door.code}`, '2026-11-25T10:50:30+08:00'])
    // The static code of old, another room's code, a made-up one: refused, nothing changes.
    expect((await failureOf(elder.checkInToRoom('m1', 'RM:m1'))).code).toBe('VALIDATION')
    const other = await staff.getRoomDoorCode('m2')
    expect((await failureOf(elder.checkInToRoom('m1', other.payload))).message).toBe('这是另一间功能室的二维码')
    // A photo of the door, used 2 minutes later: expired.
    clock = at('2026-11-25T10:52:00')
    const replay = await failureOf(elder.checkInToRoom('m1', door.code))
    expect([replay.code, replay.fields.code]).toEqual(['CONFLICT', '签到码已过期，请用门口屏幕上最新的数字'])
    expect((await elder.listMyRoomBookings()).bookings[0].state).toBe('booked')
    // The code read just before it turned still works; typed digits or the scanned payload alike.
    const fresh = await staff.getRoomDoorCode('m1')
    clock = at('2026-11-25T10:52:45')
    const inside = await elder.checkInToRoom('m1', fresh.payload)
    expect([inside.state, inside.checkedInAt]).toEqual(['checked_in', '2026-11-25T10:52:45+08:00'])
    expect((await elder.checkInToRoom('m1', (await staff.getRoomDoorCode('m1')).code)).checkedInAt).toBe(inside.checkedInAt)
    // The secret the code comes from is never shown.
    expect(JSON.stringify(await staff.getRoom('m1'))).not.toContain('secret')
    expect(JSON.stringify(await elder.listRooms())).not.toContain('secret')

    for (const date of ['2026-11-26', '2026-11-27', '2026-11-28']) await elder.bookRoom('m1', { date, start: '09:00' })
    clock = at('2026-11-28T10:00:00')
    const mine = await elder.listMyRoomBookings()
    expect(mine.bookings.map((b) => b.state)).toEqual(['no_show', 'no_show', 'no_show', 'checked_in'])
    expect(mine.pause).toEqual({ until: '2026-12-05T10:00:00+08:00', reason: '30天内有3次预约未到，暂停预约至12月5日 10:00' })
    expect((await failureOf(elder.bookRoom('m2', { date: '2026-11-29', start: '09:00' }))).message).toBe(mine.pause!.reason)
  })

  it('lets staff close a room for a time: the bookings of its hours are cancelled and their holders see why', async () => {
    const elder = await clientAs(t, 'elder')
    const resident = await clientAs(t, 'resident')
    const hit = await elder.bookRoom('m2', { date: '2026-11-26', start: '15:00' })
    const spared = await resident.bookRoom('m2', { date: '2026-11-26', start: '17:00' })
    const staff = await clientAs(t, 'staff')
    const bad = await failureOf(staff.closeRoom('m2', { from: '2026-11-26T17:00:00+08:00', to: '2026-11-26T14:00:00+08:00', reason: '' }))
    expect([bad.code, Object.keys(bad.fields).sort()]).toEqual(['VALIDATION', ['reason', 'to']])
    const result = await staff.closeRoom('m2', { from: '2026-11-26T14:30:00+08:00', to: '2026-11-26T17:00:00+08:00', reason: '社区文艺汇演排练' })
    expect([result.cancelled, result.closure.by.name]).toEqual([1, '刘芳'])
    expect((await elder.listMyRoomBookings()).bookings.find((b) => b.id === hit.id)).toMatchObject({ state: 'cancelled', cancelReason: '社区文艺汇演排练' })
    expect((await resident.listMyRoomBookings()).bookings.find((b) => b.id === spared.id)!.state).toBe('booked')
    const slots = await resident.listRoomSlots('m2', '2026-11-26')
    expect(slots.filter((s) => s.closedReason).map((s) => s.start)).toEqual(['14:00', '15:00', '16:00'])
    expect((await failureOf(resident.bookRoom('m2', { date: '2026-11-26', start: '16:00' }))).message).toBe('该时段暂停开放：社区文艺汇演排练')
    expect((await staff.getRoom('m2')).closures.map((c) => c.reason)).toEqual(['社区文艺汇演排练'])
  })

  it('tells each holder in 消息 why a closure cancelled their bookings: once per holder, whatever retries; the spared are not told', async () => {
    const elder = await clientAs(t, 'elder')
    const resident = await clientAs(t, 'resident')
    const volunteer = await clientAs(t, 'volunteer')
    const staff = await clientAs(t, 'staff')
    const hits = [await elder.bookRoom('m2', { date: '2026-11-26', start: '15:00' }), await elder.bookRoom('m2', { date: '2026-11-26', start: '16:00' })]
    await resident.bookRoom('m2', { date: '2026-11-26', start: '15:00' })
    await volunteer.bookRoom('m2', { date: '2026-11-26', start: '17:00' })
    const count = async (who: Api) => (await who.listMessages()).items.filter((m) => m.link.kind === 'roomBooking')
    const closing = { from: '2026-11-26T14:30:00+08:00', to: '2026-11-26T17:00:00+08:00', reason: '空调维修' }
    const result = await staff.closeRoom('m2', closing, { idempotencyKey: 'close-once' })
    expect(await staff.closeRoom('m2', closing, { idempotencyKey: 'close-once' })).toEqual(result)
    expect(result.cancelled).toBe(3)
    const told = await count(elder)
    expect(told.map((m) => [m.title, m.body, m.link, m.eventKey])).toEqual([
      ['功能室预约已取消', '棋牌室暂停开放，您11月26日 15:00、11月26日 16:00的预约已由工作人员取消，原因：空调维修。', { kind: 'roomBooking', id: hits[0].id }, `closure:${result.closure.id}:cancelled`],
    ])
    expect((await count(resident)).map((m) => m.body)).toEqual(['棋牌室暂停开放，您11月26日 15:00的预约已由工作人员取消，原因：空调维修。'])
    expect(await count(volunteer)).toEqual([])
    expect(await count(staff)).toEqual([])
  })

  it('lets one into the 母婴室 at a time under 30 simultaneous taps of 我在使用; others see 使用中 until 离开 or 30 minutes pass', async () => {
    const people: Api[] = []
    const sessions = await Promise.all(Array.from({ length: 30 }, (_, i) => t.clientWith(null).loginWithPhone(`phone:1371000${String(i).padStart(4, '0')}`)))
    people.push(...sessions.map((s) => t.clientWith(s.token)))
    const anyone = await clientAs(t, null)
    expect((await anyone.getRoom('m4')).inUse).toBe(0)
    expect((await anyone.getRoom('m4')).photo).toMatch(/^data:image\/svg\+xml;base64,/)
    const results = await Promise.allSettled(people.map((api) => api.startRoomVisit('m4')))
    const inside = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ visit: r.value, api: people[i] }] : []))
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string; message: string }] : []))
    expect(inside).toHaveLength(1)
    expect(new Set(refused.map((e) => `${e.code} ${e.message}`))).toEqual(new Set(['CONFLICT 母婴室正在使用中，请稍候再来']))
    const { visit, api: occupant } = inside[0]
    expect([visit.startedAt, visit.endsAt, visit.endedAt]).toEqual(['2026-11-25T10:00:00+08:00', '2026-11-25T10:30:00+08:00', null])
    expect((await anyone.getRoom('m4')).inUse).toBe(1)
    // Tapping again (a retry, a second phone) gives the same visit back.
    expect((await occupant.startRoomVisit('m4')).id).toBe(visit.id)
    expect((await occupant.getMyRoomVisit('m4')).visit!.id).toBe(visit.id)
    expect((await people.find((p) => p !== occupant)!.getMyRoomVisit('m4')).visit).toBeNull()

    // 离开: free at once; the next one in; after 30 minutes that visit is over by itself.
    clock = at('2026-11-25T10:05:00')
    expect((await occupant.endRoomVisit('m4')).endedAt).toBe('2026-11-25T10:05:00+08:00')
    expect((await failureOf(occupant.endRoomVisit('m4'))).message).toBe('您现在没有在使用这间功能室')
    expect((await anyone.getRoom('m4')).inUse).toBe(0)
    const next = people.find((p) => p !== occupant)!
    await next.startRoomVisit('m4')
    expect((await failureOf(occupant.startRoomVisit('m4'))).message).toBe('母婴室正在使用中，请稍候再来')
    clock = at('2026-11-25T10:35:00')
    expect((await anyone.getRoom('m4')).inUse).toBe(0)
    expect((await next.getMyRoomVisit('m4')).visit).toBeNull()
    expect((await occupant.startRoomVisit('m4')).startedAt).toBe('2026-11-25T10:35:00+08:00')
  }, 30_000) // 30 sign-ins first, on a shared machine

  it('takes walk-in visits only in a walk-in room, in its opening hours, and not while closed', async () => {
    const elder = await clientAs(t, 'elder')
    expect((await failureOf(elder.startRoomVisit('m2'))).message).toBe('棋牌室需要预约，请选择时段')
    clock = at('2026-11-25T21:00:00')
    expect((await failureOf(elder.startRoomVisit('m4'))).message).toBe('母婴室现在不在开放时间')
    clock = T0
    await (await clientAs(t, 'staff')).closeRoom('m4', { from: '2026-11-25T09:00:00+08:00', to: '2026-11-25T12:00:00+08:00', reason: '消毒' })
    expect((await failureOf(elder.startRoomVisit('m4'))).message).toBe('母婴室暂停开放：消毒')
  })
})

describe.each(TARGETS)('room bookings and 注销账号: $name', (kind) => {
  it('lists them in 个人信息, and 注销账号 cancels those yet to start and ends a 母婴室 visit, freeing the places', async () => {
    clock = T0
    const t = await kind.start({ now })
    try {
      const elder = await clientAs(t, 'elder')
      const booking = await elder.bookRoom('m1', { date: '2026-11-26', start: '09:00' })
      expect((await elder.getMyData()).roomBookings.map((b) => [b.id, b.room.name])).toEqual([[booking.id, '乒乓室']])
      await elder.startRoomVisit('m4')
      const anyone = await clientAs(t, null)
      expect((await anyone.getRoom('m4')).inUse).toBe(1)
      await elder.closeMyAccount()
      expect((await anyone.listRoomSlots('m1', '2026-11-26'))[0].placesLeft).toBe(1)
      expect((await anyone.getRoom('m4')).inUse).toBe(0)
    } finally {
      await t.close()
    }
  })
})

type Who = 'resident' | 'elder' | 'volunteer' | 'staff' | null
const WHO: Who[] = ['resident', 'elder', 'volunteer', 'staff', null]
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'CONFLICT' | 'VALIDATION'

// The elder's booking of 棋牌室 on Thursday 09:00 exists before each call.
const TABLE: [string, (api: Api, bookingId: string, t: Target) => Promise<unknown>, Outcome[]][] = [
  //                                                    resident     elder        volunteer    staff        nobody
  ['list rooms', (api) => api.listRooms(), ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['see a day’s slots', (api) => api.listRoomSlots('m2', '2026-11-26'), ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['book an hour', (api) => api.bookRoom('m1', { date: '2026-11-26', start: '10:00' }), ['ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['see my bookings', (api) => api.listMyRoomBookings(), ['ok', 'ok', 'ok', 'ok', 'UNAUTHORIZED']],
  ['cancel the elder’s booking', (api, id) => api.cancelRoomBooking(id), ['NOT_FOUND', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHORIZED']],
  ['see the door code', (api) => api.getRoomDoorCode('m2'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  [
    'check in at the door with the live code (no booking now)',
    async (api, _id, t) => api.checkInToRoom('m2', (await (await clientAs(t, 'staff')).getRoomDoorCode('m2')).payload),
    ['CONFLICT', 'CONFLICT', 'CONFLICT', 'FORBIDDEN', 'UNAUTHORIZED'],
  ],
  ['use the 母婴室 (我在使用)', (api) => api.startRoomVisit('m4'), ['ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['leave the 母婴室 (not inside)', (api) => api.endRoomVisit('m4'), ['CONFLICT', 'CONFLICT', 'CONFLICT', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['close a room', (api) => api.closeRoom('m3', { from: '2026-11-27T09:00:00+08:00', to: '2026-11-27T12:00:00+08:00', reason: '消防检查' }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
]

describe.each(TARGETS)('room authorization table: $name', (kind) => {
  it.each(TABLE)('%s', async (_name, call, expected) => {
    const outcomes: Outcome[] = []
    for (const who of WHO) {
      clock = T0
      const t = await kind.start({ now })
      try {
        const booking = await (await clientAs(t, 'elder')).bookRoom('m2', { date: '2026-11-26', start: '09:00' })
        try {
          await call(await clientAs(t, who), booking.id, t)
          outcomes.push('ok')
        } catch (error) {
          outcomes.push((error as { code: Outcome }).code)
        }
      } finally {
        await t.close()
      }
    }
    expect(outcomes).toEqual(expected)
  }, 30_000) // five fresh starts of the backend
})
