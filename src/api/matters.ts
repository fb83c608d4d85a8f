import { mattersCalls } from './calls/matters'
import { caller } from './index'

/** The calls of the matters/ subpackage: imported only there, so they load with it and not with the first screen. */
export const mattersApi = mattersCalls(caller)
