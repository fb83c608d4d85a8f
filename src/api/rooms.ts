import { roomsCalls } from './calls/rooms'
import { caller } from './index'

/** The calls of the rooms/ subpackage: imported only there, so they load with it and not with the first screen. */
export const roomsApi = roomsCalls(caller)
