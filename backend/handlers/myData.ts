import { ApiError } from '../../src/api/errors'
import type { AccountClosure, MyData, User } from '../../src/api/types'
import { checkAccountName } from '../../src/domain/account'
import { closedAccount, closedAccountsBookings, closedApplication, closedMediation, closedOwnersMatter, closedOwnersWish, closedVolunteersWish, closedWishMessages } from '../../src/domain/accountClosure'
import { bookingMessages } from '../../src/domain/messages'
import { toChinaIso } from '../../src/domain/chinaTime'
import { wishFor, type WishView } from '../../src/domain/wish'
import { matterFor } from '../../src/domain/matters'
import { slotStartsAt } from '../../src/domain/mediation'
import { mediationViewsOf } from './mediation'
import { userOf } from '../records'
import type { Route } from '../router'
import type { Keyed, Repository, Scan } from '../store'
import { viewsOfBookings } from './clinics'
import { signUpsOf, withdrawSignUpsOf } from './activities'
import { releaseRoomsOf, roomBookingsOf } from './rooms'
import { viewOfApplication } from './jobs'
import { withPhotoLinks } from './photos'
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
    handler: async (ctx): Promise<MyData> => {
      const { repo, now } = ctx
      const me = ctx.user!
      const wishes = await everything((scan) => repo.scanWishes({ kind: 'owner', ownerId: me.id }, scan))
      const views = wishes.map((w) => wishFor(w, actorOf(me), now)).filter((w): w is WishView => w !== null)
      return {
        account: userOf(me),
        gridName: me.gridCode ? ((await repo.getGrid(me.gridCode))?.name ?? null) : null,
        wishes: await Promise.all(views.map((view) => withPhotoLinks(ctx, view))),
        bookings: await viewsOfBookings(repo, await repo.listBookingsOfAccount(me.id)),
        applications: await Promise.all((await repo.listApplicationsOfApplicant(me.id)).map((a) => viewOfApplication(repo, a))),
        matters: (await everything((scan) => repo.scanMatters({ kind: 'owner', ownerId: me.id }, scan))).map((m) => matterFor(m, actorOf(me), now)!),
        mediations: await mediationViewsOf(repo, await repo.listMediationBookingsOfAccount(me.id)),
        signUps: await signUpsOf(repo, me.id),
        roomBookings: await roomBookingsOf(repo, me.id, now),
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
  {
    method: 'POST',
    path: '/me/close',
    access: 'user',
    handler: async (ctx): Promise<AccountClosure> => {
      const { repo, user, now } = ctx
      // The person's row first, as every write for an owner locks it: those waiting see the account closed.
      const me = (await repo.getUser(user!.id, { forUpdate: true })) ?? user!
      const at = toChinaIso(now)
      const bookingsCancelled = await closeBookings(repo, me.id, now, at)
      let wishesCancelled = 0
      const ownWishes = await everything((scan) => repo.scanWishes({ kind: 'owner', ownerId: me.id }, scan))
      for (const { id } of ownWishes) {
        const wish = (await repo.getWish(id, { forUpdate: true }))!
        const next = closedOwnersWish(wish, now)
        if (next.status !== wish.status) wishesCancelled += 1
        await repo.updateWish(next)
        await repo.insertMessages(closedWishMessages(wish, next, at))
      }
      for (const { id } of await repo.listWishesClaimedBy(me.id)) {
        await repo.updateWish(closedVolunteersWish((await repo.getWish(id, { forUpdate: true }))!, now))
      }
      for (const application of await repo.listApplicationsOfApplicant(me.id)) await repo.updateApplication(closedApplication(application))
      for (const { id } of await repo.listMediationBookingsOfAccount(me.id)) {
        const booking = (await repo.getMediationBooking(id, { forUpdate: true }))!
        const slot = await repo.getMediationSlot(booking.slotId)
        await repo.updateMediationBooking(closedMediation(booking, slot ? slotStartsAt(slot) : 0, now))
      }
      const ownMatters: string[] = []
      for (const { id } of await everything((scan) => repo.scanMatters({ kind: 'owner', ownerId: me.id }, scan))) {
        await repo.updateMatter(closedOwnersMatter((await repo.getMatter(id, { forUpdate: true }))!))
        ownMatters.push(id)
      }
      await withdrawSignUpsOf(repo, me.id, now)
      await repo.deleteCertificatesOf(me.id)
      await releaseRoomsOf(repo, me.id, now)
      // Photos of the person's wishes and their own uploads: rows now, files once this is committed.
      const photoIds = await repo.deletePhotosOf(me.id, [...ownWishes.map((w) => w.id), ...ownMatters])
      ctx.afterCommit(async () => {
        for (const id of photoIds) await ctx.photoFiles.remove(id)
      })
      await repo.deleteMessagesOf(me.id)
      await repo.deleteSubscriptionsOf(me.id)
      await repo.deleteIdempotencyOf(me.id)
      await repo.deleteSessionsOf(me.id)
      const closed = closedAccount(me, now)
      await repo.updateUser(closed)
      return { closedAt: closed.closedAt!, bookingsCancelled, wishesCancelled }
    },
  },
]

/**
 * The closing account's bookings, clinic by clinic with the clinic locked (as
 * booking does): what is to come is cancelled and the waiting list moves in
 * (and is told). Answers how many bookings were cancelled.
 */
async function closeBookings(repo: Repository, accountId: string, now: number, at: string): Promise<number> {
  let cancelled = 0
  const clinicIds = [...new Set((await repo.listBookingsOfAccount(accountId)).map((b) => b.clinicId))].sort()
  for (const clinicId of clinicIds) {
    const clinic = await repo.getClinic(clinicId, { forUpdate: true })
    if (!clinic) continue
    const before = await repo.listBookingsOfClinic(clinicId)
    for (const next of closedAccountsBookings(accountId, clinic, before, now)) {
      const old = before.find((b) => b.id === next.id)!
      if (next.status === 'cancelled' && old.status !== 'cancelled') cancelled += 1
      await repo.updateBooking(next)
      if (next.accountId !== accountId) await repo.insertMessages(bookingMessages(old, next, clinic, accountId, at))
    }
  }
  return cancelled
}
