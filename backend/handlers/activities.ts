import { ApiError } from '../../src/api/errors'
import type { ActivityRoster, ActivityView, RosterEntry, Certificate, CertificateCheck, LiveCode, Role, ServiceRecord, SignUpView } from '../../src/api/types'
import {
  cancelSignUp,
  certificateCheckOf,
  checkRepeatMonths,
  checkCode,
  checkIn,
  checkInCode,
  checkInOpensAt,
  checkOut,
  codeExpiresAt,
  codePayload,
  codeWindow,
  correctHours,
  creditedHours,
  endsAt,
  isListedActivity,
  isSignUpOpen,
  normaliseActivityDraft,
  issueCertificate,
  personalCode,
  personalPayload,
  placesLeft,
  readCertificateCode,
  repeatMonthly,
  serviceRecordOf,
  signUp,
  signUpOfPersonalCode,
  startsAt,
  validateActivityDraft,
  waitingCount,
  withdrawForClosure,
  type Activity,
  type ActivityDraft,
  type SignUp,
} from '../../src/domain/activity'
import { inChina, toChinaIso } from '../../src/domain/chinaTime'
import { promotedSignUpMessages } from '../../src/domain/messages'
import { assertValid } from '../../src/domain/rules'
import type { Route, RouteContext } from '../router'
import type { Repository } from '../store'

async function findActivity(repo: Repository, id: string, forUpdate = false): Promise<Activity> {
  const activity = await repo.getActivity(id, { forUpdate })
  if (!activity) throw new ApiError('NOT_FOUND', '没有找到这项活动')
  return activity
}

export function activityView(activity: Activity, signUps: SignUp[], now: number): ActivityView {
  // The secret stays here: only the code derived from it is ever shown.
  const { secret: _secret, ...shown } = activity
  return {
    ...shown,
    startsAt: toChinaIso(startsAt(activity)),
    endsAt: toChinaIso(endsAt(activity)),
    checkInOpensAt: toChinaIso(checkInOpensAt(activity)),
    placesLeft: placesLeft(activity, signUps),
    waiting: waitingCount(signUps),
    signUpOpen: isSignUpOpen(activity, now),
  }
}

export function signUpView(activity: Activity, s: SignUp): SignUpView {
  const { id, theme, kind, unit, date, start, end, place, bring, deadline } = activity
  return { ...s, activity: { id, theme, kind, unit, date, start, end, place, bring, deadline }, creditedHours: creditedHours(s) }
}

async function viewOf(repo: Repository, activity: Activity, now: number): Promise<ActivityView> {
  return activityView(activity, await repo.listSignUpsOfActivity(activity.id), now)
}

/** The caller's sign-up of an activity that is not cancelled, locked. */
async function mySignUp(repo: Repository, activityId: string, accountId: string): Promise<SignUp | null> {
  const found = (await repo.listSignUpsOfActivity(activityId)).find((s) => s.accountId === accountId && s.status !== 'cancelled')
  return found ? repo.getSignUp(found.id, { forUpdate: true }) : null
}

/** Check-in or check-out with the live code: the code first, then the rule; a repeat changes nothing. */
async function withCode(ctx: RouteContext, step: typeof checkIn): Promise<SignUpView> {
  const activity = await findActivity(ctx.repo, ctx.params.id)
  checkCode(ctx.body.code, activity.id, activity.secret, ctx.now, ctx.secrets.digest)
  const mine = await mySignUp(ctx.repo, activity.id, ctx.user!.id)
  const next = step(mine, activity, ctx.now)
  if (next !== mine) await ctx.repo.updateSignUp(next)
  return signUpView(activity, next)
}

/** The account's sign-ups with their activities, soonest activity first (我的活动, 个人信息). */
export async function signUpsOf(repo: Repository, accountId: string): Promise<SignUpView[]> {
  const mine = await repo.listSignUpsOfAccount(accountId)
  const activities = new Map((await repo.getActivities([...new Set(mine.map((s) => s.activityId))])).map((a) => [a.id, a]))
  return mine
    .filter((s) => activities.has(s.activityId))
    .map((s) => signUpView(activities.get(s.activityId)!, s))
    .sort((a, b) => `${a.activity.date}${a.activity.start}`.localeCompare(`${b.activity.date}${b.activity.start}`))
}

/** 注销账号: every sign-up of an activity yet to start is withdrawn, activity by activity with its row locked (as signing up does). */
export async function withdrawSignUpsOf(repo: Repository, accountId: string, now: number): Promise<void> {
  const activityIds = [...new Set((await repo.listSignUpsOfAccount(accountId)).filter((s) => s.status !== 'cancelled').map((s) => s.activityId))].sort()
  for (const id of activityIds) {
    const activity = await findActivity(repo, id, true)
    const changed = withdrawForClosure(await repo.listSignUpsOfActivity(id), accountId, activity, now)
    for (const next of changed) await repo.updateSignUp(next)
    await repo.insertMessages(promotedSignUpMessages(changed, activity, toChinaIso(now)))
  }
}

/** A new activity with a secret of its own for its check-in code. */
async function publish(ctx: RouteContext, draft: ActivityDraft): Promise<ActivityView> {
  const { id, name } = ctx.user!
  const activity: Activity = { ...draft, id: await ctx.repo.newId('h'), publishedBy: { id, name }, publishedAt: toChinaIso(ctx.now), secret: ctx.secrets.randomToken() }
  await ctx.repo.insertActivity(activity)
  return activityView(activity, [], ctx.now)
}

const JOINERS: Role[] = ['resident', 'elder', 'volunteer']

export const activityRoutes: Route[] = [
  {
    method: 'GET',
    path: '/activities',
    access: 'public',
    handler: async ({ repo, now }): Promise<ActivityView[]> => {
      const activities = (await repo.listActivitiesFrom(inChina(now).format('YYYY-MM-DD')))
        .filter((a) => isListedActivity(a, now))
        .sort((a, b) => startsAt(a) - startsAt(b) || a.id.localeCompare(b.id))
      return Promise.all(activities.map((a) => viewOf(repo, a, now)))
    },
  },
  {
    method: 'POST',
    path: '/activities',
    access: ['staff'],
    handler: async (ctx): Promise<ActivityView> => {
      assertValid(validateActivityDraft(ctx.body, ctx.now))
      return publish(ctx, normaliseActivityDraft(ctx.body as unknown as ActivityDraft))
    },
  },
  {
    method: 'POST',
    path: '/activities/series',
    access: ['staff'],
    handler: async (ctx): Promise<ActivityView[]> => {
      const months = ctx.body.months
      assertValid({ ...validateActivityDraft(ctx.body, ctx.now), ...(checkRepeatMonths(months) ? { months: checkRepeatMonths(months)! } : {}) })
      const { months: _months, ...draft } = ctx.body
      const made: ActivityView[] = []
      for (const each of repeatMonthly(normaliseActivityDraft(draft as unknown as ActivityDraft), months as number)) made.push(await publish(ctx, each))
      return made
    },
  },
  {
    method: 'GET',
    path: '/activities/:id',
    access: 'public',
    handler: async ({ repo, params, now }) => viewOf(repo, await findActivity(repo, params.id), now),
  },
  {
    method: 'POST',
    path: '/activities/:id/signups',
    access: JOINERS,
    handler: async ({ repo, params, user, now }): Promise<SignUpView> => {
      // The activity row is locked while places are counted: the capacity is never exceeded.
      const activity = await findActivity(repo, params.id, true)
      const made = signUp(activity, await repo.listSignUpsOfActivity(activity.id), user!, await repo.newId('v'), now)
      await repo.insertSignUp(made)
      return signUpView(activity, made)
    },
  },
  {
    method: 'GET',
    path: '/activity-signups/mine',
    access: 'user',
    handler: async ({ repo, user }): Promise<SignUpView[]> => signUpsOf(repo, user!.id),
  },
  {
    method: 'POST',
    path: '/activity-signups/:id/cancel',
    access: 'user',
    handler: async ({ repo, params, user, now }): Promise<SignUpView> => {
      const found = await repo.getSignUp(params.id)
      if (!found || found.accountId !== user!.id) throw new ApiError('NOT_FOUND', '没有找到这个报名')
      // Lock the activity first (as signing up does), then read the sign-ups as they now stand.
      const activity = await findActivity(repo, found.activityId, true)
      const signUps = await repo.listSignUpsOfActivity(activity.id)
      const changed = cancelSignUp(signUps.find((s) => s.id === found.id)!, activity, signUps, now)
      for (const next of changed) await repo.updateSignUp(next)
      // The one the waiting list moved in is told, in the same transaction: once per sign-up, whatever retries.
      await repo.insertMessages(promotedSignUpMessages(changed, activity, toChinaIso(now)))
      return signUpView(activity, changed[0])
    },
  },
  {
    method: 'GET',
    path: '/activities/:id/code',
    access: ['staff'],
    handler: async ({ repo, params, now, secrets }): Promise<LiveCode> => {
      const activity = await findActivity(repo, params.id)
      const code = checkInCode(activity.secret, codeWindow(now), secrets.digest)
      return { code, payload: codePayload(activity.id, code), expiresAt: toChinaIso(codeExpiresAt(now)) }
    },
  },
  {
    method: 'POST',
    path: '/activities/:id/check-in',
    access: JOINERS,
    handler: (ctx) => withCode(ctx, checkIn),
  },
  {
    method: 'POST',
    path: '/activities/:id/check-out',
    access: JOINERS,
    handler: (ctx) => withCode(ctx, checkOut),
  },
  {
    // The volunteer's own code, for the organiser to scan: only while they hold a place.
    method: 'GET',
    path: '/activities/:id/my-code',
    access: JOINERS,
    handler: async ({ repo, params, user, now, secrets }): Promise<LiveCode> => {
      const activity = await findActivity(repo, params.id)
      const mine = (await repo.listSignUpsOfActivity(activity.id)).find((s) => s.accountId === user!.id && s.status !== 'cancelled')
      if (!mine) throw new ApiError('CONFLICT', '您没有报名这项活动')
      if (mine.status === 'waiting') throw new ApiError('CONFLICT', '您还在候补中，不能签到')
      const code = personalCode(activity.secret, mine.id, codeWindow(now), secrets.digest)
      return { code, payload: personalPayload(activity.id, code), expiresAt: toChinaIso(codeExpiresAt(now)) }
    },
  },
  {
    // The organiser scans (or types) a volunteer's own code and checks them in or out, by the same rules.
    method: 'POST',
    path: '/activities/:id/scan',
    access: ['staff'],
    handler: async ({ repo, params, body, now, secrets }): Promise<RosterEntry> => {
      const step = body.step === 'check-in' ? checkIn : body.step === 'check-out' ? checkOut : null
      if (!step) throw new ApiError('VALIDATION', '请选择签到或签退', { step: '请选择签到或签退' })
      const activity = await findActivity(repo, params.id)
      const found = signUpOfPersonalCode(body.code, activity, await repo.listSignUpsOfActivity(activity.id), now, secrets.digest)
      const mine = await repo.getSignUp(found.id, { forUpdate: true })
      const next = step(mine, activity, now)
      if (next !== mine) await repo.updateSignUp(next)
      return { ...signUpView(activity, next), name: (await repo.getUser(next.accountId))?.name ?? '' }
    },
  },
  {
    method: 'GET',
    path: '/activities/:id/roster',
    access: ['staff'],
    handler: async ({ repo, params, now }): Promise<ActivityRoster> => {
      const activity = await findActivity(repo, params.id)
      const signUps = await repo.listSignUpsOfActivity(activity.id)
      const shown = signUps.filter((s) => s.status !== 'cancelled')
      const names = new Map<string, string>()
      for (const s of shown) names.set(s.accountId, (await repo.getUser(s.accountId))?.name ?? '')
      return { activity: activityView(activity, signUps, now), signUps: shown.map((s) => ({ ...signUpView(activity, s), name: names.get(s.accountId)! })) }
    },
  },
  {
    method: 'POST',
    path: '/activity-signups/:id/correction',
    access: ['staff'],
    handler: async ({ repo, params, user, body, now }): Promise<SignUpView> => {
      const found = await repo.getSignUp(params.id, { forUpdate: true })
      if (!found) throw new ApiError('NOT_FOUND', '没有找到这个报名')
      const activity = await findActivity(repo, found.activityId)
      const next = correctHours(found, activity, body, { id: user!.id, name: user!.name }, now)
      await repo.updateSignUp(next)
      return signUpView(activity, next)
    },
  },
  {
    method: 'GET',
    path: '/me/service-record',
    access: 'user',
    handler: ({ repo, user }) => serviceRecordOfAccount(repo, user!.id),
  },
  {
    method: 'POST',
    path: '/me/certificates',
    access: 'user',
    handler: async ({ repo, user, now, secrets }): Promise<Certificate> => {
      const record = await serviceRecordOfAccount(repo, user!.id)
      if (record.entries.length === 0) throw new ApiError('CONFLICT', '还没有服务记录，暂不能出具证明')
      // 64 random bits: a code nobody can guess, short enough to type.
      const certificate = issueCertificate(record, user!, secrets.digest(secrets.randomToken()).slice(0, 16).toUpperCase(), now)
      await repo.insertCertificate(certificate)
      return certificate
    },
  },
  {
    method: 'GET',
    path: '/certificates/:code',
    access: 'public',
    handler: async ({ repo, params }): Promise<CertificateCheck> => {
      const code = readCertificateCode(params.code)
      const found = code ? await repo.getCertificate(code) : null
      if (!found) throw new ApiError('NOT_FOUND', '没有找到这份证明，请核对验证码')
      return certificateCheckOf(found)
    },
  },
]

/** 志愿服务记录: the account's activities (the hours that count) and the micro-wishes it completed. */
async function serviceRecordOfAccount(repo: Repository, accountId: string): Promise<ServiceRecord> {
  const mine = (await repo.listSignUpsOfAccount(accountId)).filter((s) => s.status === 'joined')
  const activities = new Map((await repo.getActivities([...new Set(mine.map((s) => s.activityId))])).map((a) => [a.id, a]))
  const wishes = (await repo.listWishesClaimedBy(accountId)).filter((w) => w.hours !== null && w.completedAt)
  return serviceRecordOf([
    ...mine
      .filter((s) => activities.has(s.activityId))
      .map((s) => {
        const a = activities.get(s.activityId)!
        return { kind: 'activity' as const, id: s.id, title: a.theme, organiser: a.unit, date: a.date, hours: creditedHours(s) }
      }),
    ...wishes.map((w) => ({ kind: 'wish' as const, id: w.id, title: w.title, organiser: '微心愿', date: inChina(w.completedAt!).format('YYYY-MM-DD'), hours: w.hours! })),
  ])
}
