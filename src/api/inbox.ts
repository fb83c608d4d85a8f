import { inboxCalls } from './calls/inbox'
import { caller } from './index'

/** The calls of the inbox/ subpackage: imported only there, so they load with it and not with the first screen. */
export const inboxApi = inboxCalls(caller)
