import { jobsCalls } from './calls/jobs'
import { caller } from './index'

/** The calls of the jobs/ subpackage: imported only there, so they load with it and not with the first screen. */
export const jobsApi = jobsCalls(caller)
