import { createCaller, type ClientOptions } from './caller'
import { activityCalls } from './calls/activity'
import { clinicCalls } from './calls/clinic'
import { coreCalls } from './calls/core'
import { inboxCalls } from './calls/inbox'
import { jobsCalls } from './calls/jobs'
import { mattersCalls } from './calls/matters'
import { privacyCalls } from './calls/privacy'
import { roomsCalls } from './calls/rooms'
import { staffCalls } from './calls/staff'
import { wishCalls } from './calls/wish'
import type { Api } from './contract'

export { newIdempotencyKey, type ClientOptions } from './caller'

/**
 * The whole contract in one object, for tests, tools and the mock backend's
 * checks. The app never builds it: its pages take the core calls from
 * src/api and each subpackage its own capability's (src/api/<capability>.ts),
 * so a subpackage's calls load with the subpackage.
 */
export function createClient(options: ClientOptions): Api {
  const caller = createCaller(options)
  return {
    ...coreCalls(caller),
    ...wishCalls(caller),
    ...clinicCalls(caller),
    ...jobsCalls(caller),
    ...mattersCalls(caller),
    ...activityCalls(caller),
    ...roomsCalls(caller),
    ...staffCalls(caller),
    ...privacyCalls(caller),
    ...inboxCalls(caller),
  }
}
