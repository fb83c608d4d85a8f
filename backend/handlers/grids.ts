import { ApiError } from '../../src/api/errors'
import type { Card, Community, Grid } from '../../src/api/types'
import { normaliseGridCode } from '../../src/domain/scene'
import type { GridRecord } from '../records'
import type { Route } from '../router'
import type { Repository } from '../store'

export async function findGrid(repo: Repository, code: string): Promise<GridRecord> {
  const grid = await repo.getGrid(normaliseGridCode(code))
  if (!grid) throw new ApiError('NOT_FOUND', `未找到网格「${code}」`)
  return grid
}

function gridOf(record: GridRecord): Grid {
  const { code, name, communityCode, communityName, leader, station } = record
  return { code, name, communityCode, communityName, leader: { ...leader }, station: { ...station } }
}

export const gridRoutes: Route[] = [
  {
    method: 'GET',
    path: '/communities',
    access: 'public',
    handler: async ({ repo }): Promise<Community[]> => {
      const [communities, grids] = await Promise.all([repo.listCommunities(), repo.listGrids()])
      return communities.map((c) => ({
        code: c.code,
        name: c.name,
        grids: grids
          .filter((g) => g.communityCode === c.code)
          .map((g) => ({ code: g.code, name: g.name, communityCode: c.code, communityName: c.name })),
      }))
    },
  },
  {
    method: 'GET',
    path: '/grids/:code',
    access: 'public',
    handler: async ({ repo, params }): Promise<Grid> => gridOf(await findGrid(repo, params.code)),
  },
  {
    method: 'GET',
    path: '/grids/:code/card',
    access: 'public',
    handler: async ({ repo, params }): Promise<Card> => {
      const record = await findGrid(repo, params.code)
      return { grid: gridOf(record), hotline: record.hotline, colours: record.colours, updatedAt: record.updatedAt }
    },
  },
]
