import { wishCalls } from './calls/wish'
import { caller } from './index'

/** The calls of the wish/ subpackage: imported only there, so they load with it and not with the first screen. */
export const wishApi = wishCalls(caller)
