import type { DemoAccount } from '../../src/api/types'
import { toChinaIso } from '../../src/domain/chinaTime'
import { MEMORY_SCHEMA, type MemoryData } from '../../backend/memoryStore'
import type { GridRecord, UserRecord } from '../../backend/records'
import type { Repository } from '../../backend/store'
import { COMMUNITIES, GRIDS, STATION_HOURS } from './places'
import { seedColours } from './card'
import { seedActivities, seedSignUps } from './activities'
import { seedRooms } from './rooms'
import { seedClinics } from './clinics'
import { seedJobs } from './jobs'
import { seedMatters, seedMediationBookings, seedMediationSlots, seedMeetings, seedStation } from './matters'
import { seedWishes } from './wishes'

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: 'resident', role: 'resident', name: '李明', label: '居民' },
  { id: 'elder', role: 'elder', name: '张桂兰', label: '长者' },
  { id: 'volunteer', role: 'volunteer', name: '赵志强', label: '网格志愿者' },
  { id: 'volunteer2', role: 'volunteer', name: '孙丽娟', label: '网格志愿者' },
  { id: 'staff', role: 'staff', name: '刘芳', label: '工作人员' },
]

/** Demo accounts sign in with `demo:<id>`; their openid is that code. */
export const demoOpenid = (id: string) => `demo:${id}`

const DEMO_USERS: UserRecord[] = [
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
export function seedDb(now: number): MemoryData {
  const updatedAt = toChinaIso(now)
  const grids: GridRecord[] = GRIDS.map((g, i) => {
    const community = COMMUNITIES.find((c) => c.code === g.communityCode)!
    return {
      code: g.code,
      name: g.name,
      communityCode: g.communityCode,
      communityName: community.name,
      leader: { name: g.leader, phone: g.leaderPhone },
      station: { name: `${g.name}党群服务站`, address: g.address, hours: STATION_HOURS, location: g.location },
      hotline: g.hotline,
      colours: seedColours(g, i),
      updatedAt,
    }
  })
  const clinicSeed = seedClinics(now)
  const jobSeed = seedJobs(now)
  const matters = seedMatters(now)
  const mediationSlots = seedMediationSlots(now)
  const activities = seedActivities(now)
  return {
    schema: MEMORY_SCHEMA,
    users: DEMO_USERS.map((u) => ({ ...u, openid: DEMO_ACCOUNTS.some((a) => a.id === u.id) ? demoOpenid(u.id) : null })),
    sessions: {},
    communities: COMMUNITIES.map((c) => ({ ...c })),
    grids,
    wishes: seedWishes(now),
    photos: [],
    clinics: clinicSeed.clinics,
    bookings: clinicSeed.bookings,
    // Oldest first, like everything published later.
    postings: jobSeed.postings.slice().reverse(),
    applications: jobSeed.applications,
    matters,
    matterAffected: [],
    mediationSlots,
    mediationBookings: seedMediationBookings(now, mediationSlots),
    meetings: seedMeetings(now, matters),
    station: seedStation(),
    activities,
    signUps: seedSignUps(activities),
    certificates: [],
    rooms: seedRooms(),
    roomBookings: [],
    visits: [],
    closures: [],
    roleChanges: [],
    messages: [],
    audit: [],
    grants: {},
    idempotency: {},
    seq: 1000,
  }
}

/**
 * Writes the seed through a store's repository (the server in demo mode, and
 * the demo reset): records are replaced, accounts are added or brought back
 * to their seed state, sessions are kept.
 */
export async function seedInto(repo: Repository, now: number): Promise<void> {
  const seed = seedDb(now)
  await repo.wipeRecords()
  for (const user of seed.users) {
    if (await repo.getUser(user.id)) await repo.updateUser(user)
    else await repo.insertUser(user)
  }
  for (const c of seed.communities) await repo.insertCommunity(c)
  for (const g of seed.grids) await repo.insertGrid(g)
  for (const w of seed.wishes) await repo.insertWish(w)
  for (const c of seed.clinics) await repo.insertClinic(c)
  for (const b of seed.bookings) await repo.insertBooking(b)
  for (const p of seed.postings) await repo.insertPosting(p)
  for (const a of seed.applications) await repo.insertApplication(a)
  for (const m of seed.matters) await repo.insertMatter(m)
  for (const s of seed.mediationSlots) await repo.insertMediationSlot(s)
  for (const b of seed.mediationBookings) await repo.insertMediationBooking(b)
  for (const m of seed.meetings) await repo.insertMeeting(m)
  for (const m of seed.station) await repo.insertStationMember(m)
  for (const a of seed.activities) await repo.insertActivity(a)
  for (const s of seed.signUps) await repo.insertSignUp(s)
  for (const r of seed.rooms) await repo.insertRoom(r)
}
