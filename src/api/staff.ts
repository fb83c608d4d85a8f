import { staffCalls } from './calls/staff'
import { caller } from './index'

/** The calls of the staff/ subpackage: imported only there, so they load with it and not with the first screen. */
export const staffApi = staffCalls(caller)
