import { ApiError } from '../../src/api/errors'
import type { MyData, User } from '../../src/api/types'
import { checkAccountName } from '../../src/domain/account'
import { toChinaIso } from '../../src/domain/chinaTime'
import { wishFor, type WishView } from '../../src/domain/wish'
import { userOf } from '../records'
import type { Route } from '../router'
import type { Keyed, Scan } from '../store'
import { viewsOfBookings } from './clinics'
import { viewOfApplication } from './jobs'
import { actorOf } from './wishes'

/** Every record of a newest-first scan, read in large pages. */
async function everything<T>(scan: (scan: Scan) => Promise<Keyed<T>[]>): Promise<T[]> {
  const all: T[] = []
  let after: string | null = null
  for (;;) {
    const rows = await scan({ after, limit: 500 })
    all.push(...rows.map((r) => r.record))
    if (rows.length < 500) return all
    after = rows[rows.length - 1].cursor
  }
}

/** 个人信息与隐私: what the service holds about the caller, and correcting their name. */
export const myDataRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me/data',
    access: 'user',
    handler: async ({ repo, user, now }): Promise<MyData> => {
      const me = user!
      const wishes = await everything((scan) => repo.scanWishes({ kind: 'owner', ownerId: me.id }, scan))
      return {
        account: userOf(me),
        wishes: wishes.map((w) => wishFor(w, actorOf(me), now)).filter((w): w is WishView => w !== null),
        bookings: await viewsOfBookings(repo, await repo.listBookingsOfAccount(me.id)),
        applications: await Promise.all((await repo.listApplicationsOfApplicant(me.id)).map((a) => viewOfApplication(repo, a))),
        messages: await everything((scan) => repo.scanMessages(me.id, scan)),
        roleChanges: await repo.listRoleChanges(me.id),
        exportedAt: toChinaIso(now),
      }
    },
  },
  {
    method: 'POST',
    path: '/me/name',
    access: 'user',
    handler: async ({ repo, user, body }): Promise<User> => {
      const problem = checkAccountName(body.name)
      if (problem) throw new ApiError('VALIDATION', problem, { name: problem })
      const renamed = { ...user!, name: String(body.name).trim() }
      await repo.updateUser(renamed)
      return userOf(renamed)
    },
  },
]
