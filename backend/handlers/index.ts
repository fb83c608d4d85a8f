import type { Route } from '../router'
import { accountRoutes } from './accounts'
import { activityRoutes } from './activities'
import { auditRoutes } from './audit'
import { authRoutes } from './auth'
import { clinicRoutes } from './clinics'
import { gridRoutes } from './grids'
import { jobRoutes } from './jobs'
import { messageRoutes } from './messages'
import { myDataRoutes } from './myData'
import { photoRoutes } from './photos'
import { residentRoutes } from './residents'
import { roomRoutes } from './rooms'
import { statsRoutes } from './stats'
import { wishRoutes } from './wishes'

/** Every endpoint of the core; with the demo routes, docs/openapi.yaml lists exactly these. */
export const CORE_ROUTES: Route[] = [...authRoutes, ...gridRoutes, ...photoRoutes, ...wishRoutes, ...clinicRoutes, ...jobRoutes, ...activityRoutes, ...roomRoutes, ...residentRoutes, ...accountRoutes, ...statsRoutes, ...messageRoutes, ...myDataRoutes, ...auditRoutes]
