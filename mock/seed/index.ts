import type { DemoAccount, User } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import { SCHEMA_VERSION, type DbState, type GridRecord } from '../state'
import { COMMUNITIES, GRIDS, STATION_HOURS } from './places'
import { seedColours } from './card'
import { seedClinics } from './clinics'
import { seedJobs } from './jobs'
import { seedWishes } from './wishes'

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: 'resident', role: 'resident', name: '李明', label: '居民' },
  { id: 'elder', role: 'elder', name: '张桂兰', label: '长者' },
  { id: 'volunteer', role: 'volunteer', name: '赵志强', label: '网格志愿者' },
  { id: 'volunteer2', role: 'volunteer', name: '孙丽娟', label: '网格志愿者' },
  { id: 'staff', role: 'staff', name: '刘芳', label: '工作人员' },
]

const DEMO_USERS: User[] = [
  { id: 'resident', name: '李明', phone: '13804521234', role: 'resident', gridCode: 'DA0103' },
  { id: 'elder', name: '张桂兰', phone: '13904527788', role: 'elder', gridCode: 'DA0103' },
  { id: 'volunteer', name: '赵志强', phone: '13604529876', role: 'volunteer', gridCode: 'DA0103' },
  { id: 'volunteer2', name: '孙丽娟', phone: '13604521357', role: 'volunteer', gridCode: 'DA0103' },
  { id: 'staff', name: '刘芳', phone: '13704520011', role: 'staff', gridCode: null },
  // Residents of the seed records who are not demo accounts.
  { id: 'seed-wang', name: '王秀英', phone: '13504526688', role: 'elder', gridCode: 'DA0103' },
  { id: 'seed-zhou', name: '周建华', phone: '13504527799', role: 'resident', gridCode: 'DA0101' },
]

/** A fresh demo database. `now` dates the records so a demo always looks current. */
export function seedDb(now: number): DbState {
  const updatedAt = toChinaIso(now)
  const grids: GridRecord[] = GRIDS.map((g, i) => {
    const community = COMMUNITIES.find((c) => c.code === g.communityCode)!
    return {
      code: g.code,
      name: g.name,
      communityCode: g.communityCode,
      communityName: community.name,
      leader: { name: g.leader, phone: g.leaderPhone },
      station: { name: `${g.name}党群服务站`, address: g.address, hours: STATION_HOURS },
      hotline: g.hotline,
      colours: seedColours(g, i),
      updatedAt,
    }
  })
  const clinicSeed = seedClinics(now)
  const jobSeed = seedJobs(now)
  return {
    schema: SCHEMA_VERSION,
    users: DEMO_USERS.map((u) => ({ ...u })),
    demoAccounts: DEMO_ACCOUNTS.map((a) => ({ ...a })),
    sessions: {},
    communities: COMMUNITIES.map((c) => ({ ...c })),
    grids,
    wishes: seedWishes(now),
    clinics: clinicSeed.sessions,
    bookings: clinicSeed.bookings,
    // Oldest first, like everything published later.
    postings: jobSeed.postings.slice().reverse(),
    applications: jobSeed.applications,
    idempotency: [],
    seq: 1000,
  }
}
