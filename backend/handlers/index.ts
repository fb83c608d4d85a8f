import type { Route } from '../router'
import { accountRoutes } from './accounts'
import { auditRoutes } from './audit'
import { authRoutes } from './auth'
import { clinicRoutes } from './clinics'
import { gridRoutes } from './grids'
import { jobRoutes } from './jobs'
import { matterRoutes } from './matters'
import { mediationRoutes } from './mediation'
import { messageRoutes } from './messages'
import { myDataRoutes } from './myData'
import { photoRoutes } from './photos'
import { residentRoutes } from './residents'
import { statsRoutes } from './stats'
import { wishRoutes } from './wishes'

/** Every endpoint of the core; with the demo routes, docs/openapi.yaml lists exactly these. */
export const CORE_ROUTES: Route[] = [...authRoutes, ...gridRoutes, ...photoRoutes, ...wishRoutes, ...clinicRoutes, ...jobRoutes, ...matterRoutes, ...mediationRoutes, ...residentRoutes, ...accountRoutes, ...statsRoutes, ...messageRoutes, ...myDataRoutes, ...auditRoutes]
