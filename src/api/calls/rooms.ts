import type { RoomsApi } from '../contract'
import type { ClosureResult, LiveCode, MyRoomBookings, RoomBookingView, RoomSlot, RoomView, RoomVisit } from '../types'
import type { Caller } from '../caller'

export function roomsCalls({ send, write, seg }: Caller): RoomsApi {
  return {
    listRooms: () => send<RoomView[]>({ method: 'GET', path: '/rooms' }),
    getRoom: (id) => send<RoomView>({ method: 'GET', path: `/rooms/${seg(id)}` }),
    getMyRoomVisit: (roomId) => send<{ visit: RoomVisit | null }>({ method: 'GET', path: `/rooms/${seg(roomId)}/visits/mine` }),
    startRoomVisit: (roomId, options) => write<RoomVisit>('POST', `/rooms/${seg(roomId)}/visits`, {}, options),
    endRoomVisit: (roomId, options) => write<RoomVisit>('POST', `/rooms/${seg(roomId)}/visits/end`, {}, options),
    getRoomDoorCode: (roomId) => send<LiveCode>({ method: 'GET', path: `/rooms/${seg(roomId)}/door-code` }),
    listRoomSlots: (roomId, date) => send<RoomSlot[]>({ method: 'GET', path: `/rooms/${seg(roomId)}/slots`, query: { date } }),
    bookRoom: (roomId, slot, options) => write<RoomBookingView>('POST', `/rooms/${seg(roomId)}/bookings`, slot, options),
    listMyRoomBookings: () => send<MyRoomBookings>({ method: 'GET', path: '/room-bookings/mine' }),
    cancelRoomBooking: (id, options) => write<RoomBookingView>('POST', `/room-bookings/${seg(id)}/cancel`, {}, options),
    checkInToRoom: (roomId, code, options) => write<RoomBookingView>('POST', `/rooms/${seg(roomId)}/check-in`, { code }, options),
    closeRoom: (roomId, closure, options) => write<ClosureResult>('POST', `/rooms/${seg(roomId)}/closures`, closure, options),
  }
}
