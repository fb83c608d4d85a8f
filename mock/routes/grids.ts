import { ApiError } from '../../src/api/errors'
import type { Card, Community, Grid } from '../../src/api/types'
import { normaliseGridCode } from '../../src/domain/scene'
import type { Route } from '../router'
import type { DbState, GridRecord } from '../state'

export function findGrid(db: DbState, code: string): GridRecord {
  const grid = db.grids.find((g) => g.code === normaliseGridCode(code))
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
    handler: ({ db }): Community[] =>
      db.communities.map((c) => ({
        code: c.code,
        name: c.name,
        grids: db.grids
          .filter((g) => g.communityCode === c.code)
          .map((g) => ({ code: g.code, name: g.name, communityCode: c.code, communityName: c.name })),
      })),
  },
  {
    method: 'GET',
    path: '/grids/:code',
    access: 'public',
    handler: ({ db, params }): Grid => gridOf(findGrid(db, params.code)),
  },
  {
    method: 'GET',
    path: '/grids/:code/card',
    access: 'public',
    handler: ({ db, params }): Card => {
      const record = findGrid(db, params.code)
      return { grid: gridOf(record), hotline: record.hotline, colours: record.colours, updatedAt: record.updatedAt }
    },
  },
]
