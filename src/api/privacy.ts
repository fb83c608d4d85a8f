import { privacyCalls } from './calls/privacy'
import { caller } from './index'

/** The calls of the legal/ subpackage: imported only there, so they load with it and not with the first screen. */
export const privacyApi = privacyCalls(caller)
