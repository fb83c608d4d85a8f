import fs from 'fs'
import type { CommunityRecord, GridRecord } from '../backend/records'
import { isGridCode } from '../src/domain/scene'
import { checkPhone } from '../src/domain/validation'
import { ConfigError } from './config'
import { isGeoPoint } from '../src/domain/place'

/** A places file (docs/places.example.json): the communities and their grids, each grid with its six-colour card. */
export interface PlacesFile {
  communities: CommunityRecord[]
  grids: GridRecord[]
}

/** Reads and checks a places file; every problem is named with where it is. */
export function readPlacesFile(file: string): PlacesFile {
  let parsed: Partial<PlacesFile>
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PlacesFile>
  } catch (error) {
    throw new ConfigError(`${file}: not a readable JSON file (${(error as Error).message})`)
  }
  const problems: string[] = []
  const communities = Array.isArray(parsed.communities) ? parsed.communities : []
  const grids = Array.isArray(parsed.grids) ? parsed.grids : []
  if (!communities.length) problems.push('communities: at least one community')
  if (!grids.length) problems.push('grids: at least one grid')
  const codes = new Set(communities.map((c) => c.code))
  communities.forEach((c, i) => {
    if (!c.code || !c.name) problems.push(`communities[${i}]: code and name`)
  })
  grids.forEach((g, i) => {
    const at = `grids[${i}] ${g.code ?? ''}`
    if (!g.code || !isGridCode(g.code)) problems.push(`${at}: code of letters and digits, e.g. DA0103`)
    if (!codes.has(g.communityCode)) problems.push(`${at}: communityCode must name a community of the file`)
    if (!g.name || !g.leader?.name || checkPhone(g.leader?.phone)) problems.push(`${at}: name, and leader with name and a mobile phone`)
    if (!g.station?.name || !g.station?.address || !g.station?.hours) problems.push(`${at}: station name, address and hours`)
    if (g.station?.location !== undefined && !isGeoPoint(g.station.location)) problems.push(`${at}: station location needs latitude and longitude`)
    if (!g.hotline) problems.push(`${at}: hotline`)
    if (!Array.isArray(g.colours) || g.colours.length !== 6) problems.push(`${at}: the six colours of its card`)
  })
  if (problems.length) throw new ConfigError(`${file}:\n  ${problems.join('\n  ')}`)
  return { communities, grids: grids.map((g) => ({ ...g, communityName: communities.find((c) => c.code === g.communityCode)!.name })) }
}
