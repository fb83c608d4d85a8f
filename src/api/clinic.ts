import { clinicCalls } from './calls/clinic'
import { caller } from './index'

/** The calls of the clinic/ subpackage: imported only there, so they load with it and not with the first screen. */
export const clinicApi = clinicCalls(caller)
