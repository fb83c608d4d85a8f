import type { Dashboard, PublicSummary } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import { breakdown, perActivity, perUnit, type StatsInput } from '../../src/domain/stats'
import type { Route } from '../router'
import type { Repository } from '../store'

async function inputOf(repo: Repository): Promise<StatsInput> {
  const { gridOfUser, ...records } = await repo.loadStatsInput()
  return { ...records, gridOf: (id) => gridOfUser[id] ?? null }
}

export const statsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/stats',
    access: ['staff'],
    handler: async ({ repo, now }): Promise<Dashboard> => {
      const [input, communities, grids] = await Promise.all([inputOf(repo), repo.listCommunities(), repo.listGrids()])
      const gridCommunity = new Map(grids.map((g) => [g.code, g.communityCode]))
      return {
        generatedAt: toChinaIso(now),
        overall: breakdown(input, now, () => true),
        communities: communities.map((c) => ({
          code: c.code,
          name: c.name,
          figures: breakdown(input, now, (grid) => grid !== null && gridCommunity.get(grid) === c.code),
        })),
        grids: grids.map((g) => ({ code: g.code, name: g.name, communityCode: g.communityCode, figures: breakdown(input, now, (grid) => grid === g.code) })),
        activities: perActivity(input)
          .filter((a) => Date.parse(a.at) <= now)
          .slice(0, 20),
        units: perUnit(input, now),
      }
    },
  },
  {
    method: 'GET',
    path: '/stats/summary',
    access: 'public',
    handler: async ({ repo, now }): Promise<PublicSummary> => {
      const { overall } = breakdown(await inputOf(repo), now, () => true)
      return {
        // 为民办实事: wishes fulfilled, clinic visits made, jobs found, matters solved and disputes settled.
        deedsDone: overall.wishesFulfilled + overall.clinicArrivals + overall.jobPlacements + overall.mattersSolved + overall.disputesSettled,
        volunteerHours: Math.round((overall.volunteerHours + overall.activityHours) * 10) / 10,
        clinicArrivals: overall.clinicArrivals,
        jobPlacements: overall.jobPlacements,
        mattersSolved: overall.mattersSolved,
        hazardsRemoved: overall.hazardsRemoved,
        disputesMediated: overall.disputesMediated,
        activityParticipations: overall.activityParticipations,
      }
    },
  },
]
