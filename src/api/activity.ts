import { activityCalls } from './calls/activity'
import { caller } from './index'

/** The calls of the activity/ subpackage: imported only there, so they load with it and not with the first screen. */
export const activityApi = activityCalls(caller)
