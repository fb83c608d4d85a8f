import type { Dashboard, PublicSummary } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import { breakdown, type StatsInput } from '../../src/domain/stats'
import type { Route } from '../router'
import type { DbState } from '../state'

function inputOf(db: DbState): StatsInput {
  const grids = new Map(db.users.map((u) => [u.id, u.gridCode]))
  return { wishes: db.wishes, bookings: db.bookings, applications: db.applications, gridOf: (id) => grids.get(id) ?? null }
}

export const statsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/stats',
    access: ['staff'],
    handler: ({ db, now }): Dashboard => {
      const input = inputOf(db)
      const gridCommunity = new Map(db.grids.map((g) => [g.code, g.communityCode]))
      return {
        generatedAt: toChinaIso(now),
        overall: breakdown(input, now, () => true),
        communities: db.communities.map((c) => ({
          code: c.code,
          name: c.name,
          figures: breakdown(input, now, (grid) => grid !== null && gridCommunity.get(grid) === c.code),
        })),
        grids: db.grids.map((g) => ({ code: g.code, name: g.name, communityCode: g.communityCode, figures: breakdown(input, now, (grid) => grid === g.code) })),
      }
    },
  },
  {
    method: 'GET',
    path: '/stats/summary',
    access: 'public',
    handler: ({ db, now }): PublicSummary => {
      const { overall } = breakdown(inputOf(db), now, () => true)
      return {
        // 为民办实事: wishes fulfilled, clinic visits made and jobs found.
        deedsDone: overall.wishesFulfilled + overall.clinicArrivals + overall.jobPlacements,
        volunteerHours: overall.volunteerHours,
        clinicArrivals: overall.clinicArrivals,
        jobPlacements: overall.jobPlacements,
      }
    },
  },
]
