import { ApiError } from '../../src/api/errors'
import type { ClosureResult, LiveCode, RoomVisit as RoomVisitView, MyRoomBookings, Role, RoomBookingView, RoomSlot, RoomView } from '../../src/api/types'
import { inChina, toChinaIso } from '../../src/domain/chinaTime'
import { codeExpiresAt, codeWindow } from '../../src/domain/liveCode'
import { roomClosureMessages } from '../../src/domain/messages'
import { assertValid } from '../../src/domain/rules'
import {
  bookRoom,
  bookableDays,
  cancelRoomBooking,
  cancelledByClosure,
  checkInAtDoor,
  closureOver,
  doorCode,
  doorPayload,
  endVisit,
  inUseOf,
  isVisitActive,
  startVisit,
  type RoomVisit,
  pauseOf,
  placesLeft,
  slotEndsAt,
  slotStartsAt,
  slotsOf,
  stateOf,
  validateClosure,
  validateSlotInput,
  type Closure,
  type Room,
  type RoomBooking,
} from '../../src/domain/rooms'
import type { Route } from '../router'
import type { Repository } from '../store'

async function findRoom(repo: Repository, id: string, forUpdate = false): Promise<Room> {
  const room = await repo.getRoom(id, { forUpdate })
  if (!room) throw new ApiError('NOT_FOUND', '没有找到这间功能室')
  return room
}

const today = (now: number) => inChina(now).format('YYYY-MM-DD')

async function roomView(repo: Repository, room: Room, now: number): Promise<RoomView> {
  // The secret stays here: only the door code derived from it is ever shown.
  const { secret: _secret, ...shown } = room
  const inUse = room.walkIn ? inUseOf(await repo.listOpenVisitsOfRoom(room.id, now), now) : 0
  return { ...shown, closures: await repo.listClosuresOfRoom(room.id, now), inUse }
}

function bookingView(room: Room, b: RoomBooking, now: number): RoomBookingView {
  return { ...b, room: { id: room.id, name: room.name }, state: stateOf(b, now), end: toChinaIso(slotEndsAt(b)).slice(11, 16) }
}

/** The account's room bookings with their rooms, newest first (我的预约, 个人信息). */
export async function roomBookingsOf(repo: Repository, accountId: string, now: number): Promise<RoomBookingView[]> {
  const rooms = new Map((await repo.listRooms()).map((r) => [r.id, r]))
  return (await repo.listRoomBookingsOfAccount(accountId))
    .filter((b) => rooms.has(b.roomId))
    .map((b) => bookingView(rooms.get(b.roomId)!, b, now))
    .sort((a, b) => `${b.date}${b.start}`.localeCompare(`${a.date}${a.start}`))
}

/** 注销账号: every booking of an hour yet to start is cancelled, and a walk-in visit in progress ends, so the room shows free at once. */
export async function releaseRoomsOf(repo: Repository, accountId: string, now: number): Promise<void> {
  for (const b of await repo.listRoomBookingsOfAccount(accountId)) {
    if (b.status === 'booked' && slotStartsAt(b) > now) await repo.updateRoomBooking({ ...b, status: 'cancelled', cancelledAt: toChinaIso(now) })
  }
  for (const room of (await repo.listRooms()).filter((r) => r.walkIn)) {
    for (const visit of await repo.listOpenVisitsOfRoom(room.id, now)) {
      if (visit.accountId === accountId && isVisitActive(visit, now)) await repo.updateVisit(endVisit(visit, now))
    }
  }
}

const JOINERS: Role[] = ['resident', 'elder', 'volunteer']

export const roomRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rooms',
    access: 'public',
    handler: async ({ repo, now }): Promise<RoomView[]> => Promise.all((await repo.listRooms()).map((r) => roomView(repo, r, now))),
  },
  {
    method: 'GET',
    path: '/rooms/:id',
    access: 'public',
    handler: async ({ repo, params, now }) => roomView(repo, await findRoom(repo, params.id), now),
  },
  {
    method: 'GET',
    path: '/rooms/:id/slots',
    access: 'public',
    handler: async ({ repo, params, query, now }): Promise<RoomSlot[]> => {
      const room = await findRoom(repo, params.id)
      const date = query.date || today(now)
      if (!bookableDays(now).includes(date)) throw new ApiError('VALIDATION', '只能查看今天起7天内的时段', { date: '请选择今天起7天内的日期' })
      const bookings = await repo.listRoomBookingsOfRoom(room.id, date)
      const closures = await repo.listClosuresOfRoom(room.id, now)
      return slotsOf(room, date).map((start) => {
        const slot = { date, start }
        const closed = closureOver(closures, slot)
        const left = placesLeft(room, bookings, slot)
        return { date, start, end: toChinaIso(slotEndsAt(slot)).slice(11, 16), placesLeft: left, closedReason: closed?.reason ?? null, bookable: !closed && left > 0 && now < slotStartsAt(slot) }
      })
    },
  },
  {
    method: 'POST',
    path: '/rooms/:id/bookings',
    access: JOINERS,
    handler: async ({ repo, params, body, user, now }): Promise<RoomBookingView> => {
      assertValid(validateSlotInput(body))
      // The room's row, then the account's: the slot's capacity and the person's limits are counted one writer at a time.
      const room = await findRoom(repo, params.id, true)
      await repo.getUser(user!.id, { forUpdate: true })
      const slot = { date: body.date as string, start: body.start as string }
      const booking = bookRoom(slot, {
        room,
        roomBookings: await repo.listRoomBookingsOfRoom(room.id, slot.date),
        mine: await repo.listRoomBookingsOfAccount(user!.id),
        closures: await repo.listClosuresOfRoom(room.id, now),
        accountId: user!.id,
        id: await repo.newId('rb'),
        now,
      })
      await repo.insertRoomBooking(booking)
      return bookingView(room, booking, now)
    },
  },
  {
    method: 'GET',
    path: '/room-bookings/mine',
    access: 'user',
    handler: async ({ repo, user, now }): Promise<MyRoomBookings> => ({
      bookings: await roomBookingsOf(repo, user!.id, now),
      pause: pauseOf(await repo.listRoomBookingsOfAccount(user!.id), now),
    }),
  },
  {
    method: 'POST',
    path: '/room-bookings/:id/cancel',
    access: 'user',
    handler: async ({ repo, params, user, now }): Promise<RoomBookingView> => {
      const found = await repo.getRoomBooking(params.id, { forUpdate: true })
      if (!found || found.accountId !== user!.id) throw new ApiError('NOT_FOUND', '没有找到这个预约')
      const next = cancelRoomBooking(found, now)
      await repo.updateRoomBooking(next)
      return bookingView(await findRoom(repo, next.roomId), next, now)
    },
  },
  {
    // The room's door display (a staff-signed-in screen at the door): the code of this moment.
    method: 'GET',
    path: '/rooms/:id/door-code',
    access: ['staff'],
    handler: async ({ repo, params, now, secrets }): Promise<LiveCode> => {
      const room = await findRoom(repo, params.id)
      const code = doorCode(room.secret, codeWindow(now), secrets.digest)
      return { code, payload: doorPayload(room.id, code), expiresAt: toChinaIso(codeExpiresAt(now)) }
    },
  },
  {
    method: 'POST',
    path: '/rooms/:id/check-in',
    access: JOINERS,
    handler: async ({ repo, params, body, user, now, secrets }): Promise<RoomBookingView> => {
      const room = await findRoom(repo, params.id)
      await repo.getUser(user!.id, { forUpdate: true })
      const next = checkInAtDoor(body.code, room, await repo.listRoomBookingsOfAccount(user!.id), now, secrets.digest)
      await repo.updateRoomBooking(next)
      return bookingView(room, next, now)
    },
  },
  {
    // 母婴室: the caller's visit in progress, if any (for the 离开 button).
    method: 'GET',
    path: '/rooms/:id/visits/mine',
    access: JOINERS,
    handler: async ({ repo, params, user, now }): Promise<{ visit: RoomVisitView | null }> => {
      const room = await findRoom(repo, params.id)
      return { visit: (await repo.listOpenVisitsOfRoom(room.id, now)).find((v) => v.accountId === user!.id && isVisitActive(v, now)) ?? null }
    },
  },
  {
    // 我在使用: the room's row is locked while those inside are counted, so a room for one never has two.
    method: 'POST',
    path: '/rooms/:id/visits',
    access: JOINERS,
    handler: async ({ repo, params, user, now }): Promise<RoomVisitView> => {
      const room = await findRoom(repo, params.id, true)
      const visits = await repo.listOpenVisitsOfRoom(room.id, now)
      const visit = startVisit(room, visits, await repo.listClosuresOfRoom(room.id, now), user!.id, await repo.newId('rv'), now)
      if (!visits.includes(visit)) await repo.insertVisit(visit)
      return visit
    },
  },
  {
    // 离开: ends the caller's visit; others see the room free at once.
    method: 'POST',
    path: '/rooms/:id/visits/end',
    access: JOINERS,
    handler: async ({ repo, params, user, now }): Promise<RoomVisitView> => {
      const room = await findRoom(repo, params.id, true)
      const mine: RoomVisit | null = (await repo.listOpenVisitsOfRoom(room.id, now)).find((v) => v.accountId === user!.id && isVisitActive(v, now)) ?? null
      const ended = endVisit(mine, now)
      await repo.updateVisit(ended)
      return ended
    },
  },
  {
    method: 'POST',
    path: '/rooms/:id/closures',
    access: ['staff'],
    handler: async ({ repo, params, body, user, now }): Promise<ClosureResult> => {
      assertValid(validateClosure(body, now))
      // Locked as booking locks it: no booking of a closed hour slips in beside the closure.
      const room = await findRoom(repo, params.id, true)
      const closure: Closure = {
        id: await repo.newId('rc'),
        roomId: room.id,
        from: toChinaIso(body.from as string),
        to: toChinaIso(body.to as string),
        reason: String(body.reason).trim(),
        by: { id: user!.id, name: user!.name },
        at: toChinaIso(now),
      }
      await repo.insertClosure(closure)
      const cancelled = cancelledByClosure(closure, await repo.listRoomBookingsOfRoom(room.id, inChina(closure.from).format('YYYY-MM-DD')), now)
      for (const b of cancelled) await repo.updateRoomBooking(b)
      // Each holder is told why, in the same transaction.
      await repo.insertMessages(roomClosureMessages(cancelled, room, closure, closure.at))
      return { closure, cancelled: cancelled.length }
    },
  },
]
