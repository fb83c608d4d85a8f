/**
 * 志愿活动 (issue 17): staff publish an activity, volunteers and residents sign
 * up (never beyond the capacity; a waiting list moves in on cancellation),
 * check in and out on site with a code that changes every 30 seconds, and
 * their hours are computed from those two moments, never typed. Pure rules,
 * all times in China time.
 */
import { inChina, toChinaIso } from './chinaTime'
import { RECOGNISED_WINDOWS, codeWindow, liveCode, matchLiveCode } from './liveCode'
import { maskName } from './mask'
import type { AccountRole as Role } from './roles'
import { RuleError, assertValid } from './rules'
import { checkText, collectErrors, type FieldErrors } from './validation'

export const ACTIVITY_KINDS = ['党员责任区集中奉献日', '社区工作日', '植树护绿', '爱心义诊', '主题宣讲', '节前走访', '城市清洁', '其他'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** Who may join: 志愿者 (volunteer accounts), 在职党员 and 居民 (resident and elder accounts). */
export const AUDIENCES = ['volunteers', 'party', 'residents'] as const
export type Audience = (typeof AUDIENCES)[number]
export const AUDIENCE_LABEL: Record<Audience, string> = { volunteers: '志愿者', party: '在职党员', residents: '居民' }

export interface ActivityDraft {
  theme: string
  kind: ActivityKind
  /** The organising unit (one of the alliance units, or the community itself). */
  unit: string
  /** "YYYY-MM-DD", a China calendar date. */
  date: string
  /** "HH:mm" China time on that date; end later than start. */
  start: string
  end: string
  place: string
  capacity: number
  /** 需携带: what to bring; may be empty. */
  bring: string
  audience: Audience[]
  /** Sign-ups and cancellations are taken strictly before this moment (ISO with offset), at the latest the start. */
  deadline: string
}

export interface Activity extends ActivityDraft {
  id: string
  publishedBy: { id: string; name: string }
  publishedAt: string
  /** The server-side secret the live check-in code is derived from; never leaves the backend. */
  secret: string
}

export type SignUpStatus = 'joined' | 'waiting' | 'cancelled'
export const SIGN_UP_STATUS_LABEL: Record<SignUpStatus, string> = { joined: '已报名', waiting: '候补中', cancelled: '已取消' }

/** An organiser's correction of the hours, kept beside what the check-in and check-out gave. */
export interface HoursCorrection {
  hours: number
  reason: string
  by: { id: string; name: string }
  at: string
}

export interface SignUp {
  id: string
  activityId: string
  accountId: string
  status: SignUpStatus
  createdAt: string
  /** When the waiting list moved this sign-up in. */
  promotedAt: string | null
  cancelledAt: string | null
  checkedInAt: string | null
  checkedOutAt: string | null
  /** The hours the two moments gave (0 until checked out): never overwritten. */
  hours: number
  correction: HoursCorrection | null
}

export const THEME_RULE = { label: '活动主题', max: 30 }
export const UNIT_RULE = { label: '组织单位', max: 30 }
export const ACTIVITY_PLACE_RULE = { label: '活动地点', max: 40 }
export const BRING_RULE = { label: '需携带', max: 100, optional: true }
export const CORRECTION_REASON_RULE = { label: '更正原因', max: 100 }
export const MAX_CAPACITY = 500
/** Check-in opens this long before the start. */
export const CHECK_IN_OPENS_MS = 30 * 60 * 1000
/** Check-out stays open this long after the end (people forget; the hours are clamped anyway). */
export const CHECK_OUT_GRACE_MS = 2 * 3600 * 1000
const HALF_HOUR_MS = 30 * 60 * 1000

const DAY = /^\d{4}-\d{2}-\d{2}$/
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export const startsAt = (a: Pick<ActivityDraft, 'date' | 'start'>) => Date.parse(`${a.date}T${a.start}:00+08:00`)
export const endsAt = (a: Pick<ActivityDraft, 'date' | 'end'>) => Date.parse(`${a.date}T${a.end}:00+08:00`)

/** Staff's form: every bad field named, in Chinese. */
export function validateActivityDraft(input: unknown, now: number): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof ActivityDraft, unknown>>
  const date = typeof d.date === 'string' && DAY.test(d.date) && !Number.isNaN(Date.parse(`${d.date}T00:00:00+08:00`)) ? d.date : null
  const start = typeof d.start === 'string' && CLOCK.test(d.start) ? d.start : null
  const end = typeof d.end === 'string' && CLOCK.test(d.end) ? d.end : null
  const audience = Array.isArray(d.audience) ? d.audience : null
  const deadline = typeof d.deadline === 'string' && DATE_TIME.test(d.deadline) ? Date.parse(d.deadline) : NaN
  const begins = date && start ? startsAt({ date, start }) : NaN
  return collectErrors({
    theme: checkText(d.theme, THEME_RULE),
    kind: ACTIVITY_KINDS.includes(d.kind as ActivityKind) ? null : '请选择活动类型',
    unit: checkText(d.unit, UNIT_RULE),
    date: !date ? '请填写日期，如2026-12-05' : date < inChina(now).format('YYYY-MM-DD') ? '不能安排在过去的日期' : null,
    start: start ? null : '请填写开始时间，如09:00',
    end: !end ? '请填写结束时间，如11:30' : start && end <= start ? '结束时间须晚于开始时间' : null,
    place: checkText(d.place, ACTIVITY_PLACE_RULE),
    capacity: Number.isInteger(d.capacity) && (d.capacity as number) >= 1 && (d.capacity as number) <= MAX_CAPACITY ? null : `人数上限须为1到${MAX_CAPACITY}之间的整数`,
    bring: checkText(d.bring ?? '', BRING_RULE),
    audience:
      !audience || audience.length === 0
        ? '请至少选择一类可参加的人'
        : audience.some((a) => !AUDIENCES.includes(a as Audience)) || new Set(audience).size !== audience.length
          ? '请从列表中选择可参加的人'
          : null,
    deadline: Number.isNaN(deadline)
      ? '请填写报名截止时间'
      : deadline <= now
        ? '报名截止时间须晚于现在'
        : !Number.isNaN(begins) && deadline > begins
          ? '报名截止时间不能晚于活动开始'
          : null,
  })
}

/** A validated draft as stored: text trimmed, each audience once, the deadline in China time. */
export function normaliseActivityDraft(d: ActivityDraft): ActivityDraft {
  return {
    theme: d.theme.trim(),
    kind: d.kind,
    unit: d.unit.trim(),
    date: d.date,
    start: d.start,
    end: d.end,
    place: d.place.trim(),
    capacity: d.capacity,
    bring: (d.bring ?? '').trim(),
    audience: AUDIENCES.filter((a) => d.audience.includes(a)),
    deadline: toChinaIso(d.deadline),
  }
}

// Repeating activities (the monthly 党员责任区集中奉献日), created from a rule

export const MAX_REPEAT_MONTHS = 12
const ORDINAL = ['第一个', '第二个', '第三个', '第四个', '最后一个']

/** The same weekday of the month as `date` (its 1st–4th, or the last when it is a 5th), for `months` months from it. */
export function monthlyDates(date: string, months: number): string[] {
  const first = inChina(`${date}T12:00:00+08:00`)
  const nth = Math.ceil(first.date() / 7)
  const dates: string[] = []
  for (let i = 0; i < months; i++) {
    const month = first.startOf('month').add(i, 'month')
    const day = month.add((first.day() - month.day() + 7) % 7, 'day').add(nth - 1, 'week')
    // A 5th weekday most months lack: the last one instead.
    dates.push((day.month() === month.month() ? day : day.subtract(1, 'week')).format('YYYY-MM-DD'))
  }
  return dates
}

/** "每月第二个周六" for a date, as the form says what the rule will do. */
export function describeMonthlyRule(date: string): string {
  const d = inChina(`${date}T12:00:00+08:00`)
  return `每月${ORDINAL[Math.min(Math.ceil(d.date() / 7), 5) - 1]}${d.format('ddd')}`
}

export function checkRepeatMonths(value: unknown): string | null {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_REPEAT_MONTHS ? null : `重复月数须为1到${MAX_REPEAT_MONTHS}之间的整数`
}

/** One draft per month by the rule; each deadline keeps its distance from its start. */
export function repeatMonthly(draft: ActivityDraft, months: number): ActivityDraft[] {
  const lead = startsAt(draft) - Date.parse(draft.deadline)
  return monthlyDates(draft.date, months).map((date) => ({ ...draft, date, deadline: toChinaIso(startsAt({ date, start: draft.start }) - lead) }))
}

export function isSignUpOpen(activity: Pick<ActivityDraft, 'deadline'>, now: number): boolean {
  return now < Date.parse(activity.deadline)
}

/** Listed until it ends. */
export function isListedActivity(activity: Pick<ActivityDraft, 'date' | 'end'>, now: number): boolean {
  return now < endsAt(activity)
}

/** Who is asking to join: the account's role, and whether its profile marks it 在职党员 (in-service party member). */
export interface Joiner {
  role: Role
  partyMember?: boolean
}

/** Whether an account may join: by its role (志愿者, 居民), or as 在职党员 when its profile says so; never staff. */
export function mayJoin(activity: Pick<ActivityDraft, 'audience'>, account: Joiner): boolean {
  if (account.role === 'staff') return false
  if (activity.audience.includes('party') && account.partyMember === true) return true
  if (account.role === 'volunteer') return activity.audience.includes('volunteers')
  return activity.audience.includes('residents')
}

export function audienceText(audience: Audience[]): string {
  return audience.map((a) => AUDIENCE_LABEL[a]).join('、')
}

const holdsPlace = (s: Pick<SignUp, 'status'>) => s.status === 'joined'

export function placesLeft(activity: Pick<ActivityDraft, 'capacity'>, signUps: Pick<SignUp, 'status'>[]): number {
  return Math.max(0, activity.capacity - signUps.filter(holdsPlace).length)
}

export function waitingCount(signUps: Pick<SignUp, 'status'>[]): number {
  return signUps.filter((s) => s.status === 'waiting').length
}

/**
 * A new sign-up, decided from every sign-up of the activity read while its
 * row is locked: a place, else the waiting list (as long as the capacity),
 * else refused. One active sign-up per person.
 */
export function signUp(activity: Activity, signUps: SignUp[], account: Joiner & { id: string }, id: string, now: number): SignUp {
  if (!mayJoin(activity, account)) throw new RuleError('FORBIDDEN', `这项活动面向${audienceText(activity.audience)}`)
  if (!isSignUpOpen(activity, now)) throw new RuleError('CONFLICT', '报名已截止')
  if (signUps.some((s) => s.accountId === account.id && s.status !== 'cancelled')) {
    throw new RuleError('CONFLICT', '您已经报名了这项活动，请在“我的活动”查看')
  }
  const full = placesLeft(activity, signUps) === 0
  if (full && waitingCount(signUps) >= activity.capacity) throw new RuleError('CONFLICT', '名额和候补都已满，请关注其他活动')
  return {
    id,
    activityId: activity.id,
    accountId: account.id,
    status: full ? 'waiting' : 'joined',
    createdAt: toChinaIso(now),
    promotedAt: null,
    cancelledAt: null,
    checkedInAt: null,
    checkedOutAt: null,
    hours: 0,
    correction: null,
  }
}

/** Cancels before the deadline; a place it frees goes to the first on the waiting list. Returns every changed sign-up, the cancelled one first. */
export function cancelSignUp(mine: SignUp, activity: Activity, signUps: SignUp[], now: number): SignUp[] {
  if (mine.status === 'cancelled') throw new RuleError('CONFLICT', '这个报名已经取消了')
  if (!isSignUpOpen(activity, now)) throw new RuleError('CONFLICT', '已过报名截止时间，不能取消；如有变化请联系组织者')
  const at = toChinaIso(now)
  const cancelled: SignUp = { ...mine, status: 'cancelled', cancelledAt: at }
  if (mine.status !== 'joined') return [cancelled]
  const next = signUps.find((s) => s.status === 'waiting' && s.id !== mine.id)
  return next ? [cancelled, { ...next, status: 'joined', promotedAt: at }] : [cancelled]
}

/**
 * 注销账号: the account's sign-up of an activity yet to start is withdrawn
 * whatever the deadline, and a place it frees goes to the waiting list.
 * Returns the changed sign-ups (none when there is nothing to withdraw).
 */
export function withdrawForClosure(signUps: SignUp[], accountId: string, activity: Activity, now: number): SignUp[] {
  const mine = signUps.find((s) => s.accountId === accountId && s.status !== 'cancelled')
  if (!mine || now >= startsAt(activity)) return []
  const at = toChinaIso(now)
  const cancelled: SignUp = { ...mine, status: 'cancelled', cancelledAt: at }
  const next = mine.status === 'joined' ? signUps.find((s) => s.status === 'waiting' && s.id !== mine.id) : undefined
  return next ? [cancelled, { ...next, status: 'joined', promotedAt: at }] : [cancelled]
}

// The live check-in code

export { CODE_WINDOW_MS, codeExpiresAt, codeWindow } from './liveCode'

const ACTIVITY_CODE = 'activity-code'

/** The six-digit code of a window, derived from the activity's secret (see liveCode.ts). */
export function checkInCode(secret: string, window: number, digest: (text: string) => string): string {
  return liveCode(ACTIVITY_CODE, secret, window, digest)
}

/** What a scanned QR carries: the activity and the code, so a scan needs no typing. */
export function codePayload(activityId: string, code: string): string {
  return `HD:${activityId}:${code}`
}

/** A typed code (digits, spaces ignored) or a scanned payload → the activity it names (if any) and the code. */
export function readCode(input: unknown): { activityId: string | null; code: string } | null {
  if (typeof input !== 'string') return null
  const text = input.trim()
  const scanned = /^HD:([A-Za-z0-9]+):(\d{6})$/.exec(text)
  if (scanned) return { activityId: scanned[1], code: scanned[2] }
  const digits = text.replace(/\s/g, '')
  return /^\d{6}$/.test(digits) ? { activityId: null, code: digits } : null
}

/** Accepts the current and the previous window's code only; tells an expired code from a wrong one. */
export function checkCode(input: unknown, activityId: string, secret: string, now: number, digest: (text: string) => string): void {
  const read = readCode(input)
  if (!read) throw new RuleError('VALIDATION', '请输入组织者手机上的6位签到码', { code: '请输入6位数字签到码' })
  if (read.activityId && read.activityId !== activityId) throw new RuleError('VALIDATION', '这是另一项活动的签到码', { code: '这是另一项活动的签到码' })
  const match = matchLiveCode(read.code, ACTIVITY_CODE, secret, now, digest)
  if (match === 'valid') return
  if (match === 'expired') throw new RuleError('CONFLICT', '签到码已过期，请扫描组织者手机上的最新签到码', { code: '签到码已过期，请用最新的签到码' })
  throw new RuleError('VALIDATION', '签到码不正确', { code: '签到码不正确，请核对组织者手机上的数字' })
}

// The volunteer's own code: shown on their phone for the organiser to scan

const PERSONAL_CODE = 'volunteer-code'
const PERSONAL_DIGITS = 8

/**
 * A joined volunteer's code of a window: eight digits keyed by the activity's
 * secret and the sign-up, so only the server can make one, it changes every 30
 * seconds, and it carries nothing of the person (the server finds the sign-up
 * by computing the codes of the activity's sign-ups).
 */
export function personalCode(secret: string, signUpId: string, window: number, digest: (text: string) => string): string {
  return liveCode(PERSONAL_CODE, `${secret}\n${signUpId}`, window, digest, PERSONAL_DIGITS)
}

/** What the volunteer's QR carries: the activity and the code. */
export const personalPayload = (activityId: string, code: string) => `VP:${activityId}:${code}`

/** A scanned personal payload or eight typed digits (spaces ignored), or null. */
export function readPersonalCode(input: unknown): { activityId: string | null; code: string } | null {
  if (typeof input !== 'string') return null
  const scanned = /^VP:([A-Za-z0-9]+):(\d{8})$/.exec(input.trim())
  if (scanned) return { activityId: scanned[1], code: scanned[2] }
  const digits = input.replace(/\s/g, '')
  return /^\d{8}$/.test(digits) ? { activityId: null, code: digits } : null
}

/**
 * The joined sign-up whose code this is (the current or the previous window),
 * or why not: another activity's code, an expired one (a photo, a replay), or
 * a wrong one. Two sign-ups matching at once (rare) is refused: refreshing the
 * volunteer's code settles it.
 */
export function signUpOfPersonalCode(input: unknown, activity: Pick<Activity, 'id' | 'secret'>, signUps: SignUp[], now: number, digest: (text: string) => string): SignUp {
  const read = readPersonalCode(input)
  if (!read) throw new RuleError('VALIDATION', '请扫描志愿者手机上的签到码，或输入码下方的8位数字', { code: '请输入志愿者手机上的8位数字' })
  if (read.activityId && read.activityId !== activity.id) throw new RuleError('VALIDATION', '这是另一项活动的志愿者签到码', { code: '这是另一项活动的签到码' })
  const joined = signUps.filter((s) => s.status === 'joined')
  const window = codeWindow(now)
  const valid = joined.filter((s) => [window, window - 1].some((w) => personalCode(activity.secret, s.id, w, digest) === read.code))
  if (valid.length === 1) return valid[0]
  if (valid.length > 1) throw new RuleError('CONFLICT', '请志愿者刷新签到码后再扫一次', { code: '请志愿者刷新签到码后再试' })
  for (let w = window - 2; w > window - RECOGNISED_WINDOWS; w--) {
    if (joined.some((s) => personalCode(activity.secret, s.id, w, digest) === read.code)) {
      throw new RuleError('CONFLICT', '志愿者的签到码已过期，请对方打开最新的签到码', { code: '签到码已过期' })
    }
  }
  throw new RuleError('VALIDATION', '没有找到这个签到码：请确认对方已报名这项活动，并核对数字', { code: '签到码不正确，或对方没有报名这项活动' })
}

// Check-in, check-out and hours

export const checkInOpensAt = (a: Pick<ActivityDraft, 'date' | 'start'>) => startsAt(a) - CHECK_IN_OPENS_MS

/** Check-in with a valid code, from 30 minutes before the start until the end; a second one changes nothing. */
export function checkIn(mine: SignUp | null, activity: Activity, now: number): SignUp {
  if (!mine || mine.status === 'cancelled') throw new RuleError('CONFLICT', '您没有报名这项活动')
  if (mine.status === 'waiting') throw new RuleError('CONFLICT', '您还在候补中，不能签到')
  if (mine.checkedInAt) return mine
  if (now < checkInOpensAt(activity)) throw new RuleError('CONFLICT', `签到在活动开始前30分钟开放（${inChina(checkInOpensAt(activity)).format('M月D日 HH:mm')}起）`)
  if (now >= endsAt(activity)) throw new RuleError('CONFLICT', '活动已结束，不能签到')
  return { ...mine, checkedInAt: toChinaIso(now) }
}

/** Check-out after check-in, until two hours after the end; the hours follow from the two moments. */
export function checkOut(mine: SignUp | null, activity: Activity, now: number): SignUp {
  if (!mine || mine.status !== 'joined' || !mine.checkedInAt) throw new RuleError('CONFLICT', '请先签到')
  if (mine.checkedOutAt) return mine
  if (now >= endsAt(activity) + CHECK_OUT_GRACE_MS) throw new RuleError('CONFLICT', '签退已关闭，请联系组织者更正时长')
  const checkedOutAt = toChinaIso(now)
  return { ...mine, checkedOutAt, hours: serviceHours(activity, mine.checkedInAt, checkedOutAt) }
}

/** Hours from check-in to check-out, within the activity's time, rounded down to half hours. */
export function serviceHours(activity: Pick<ActivityDraft, 'date' | 'start' | 'end'>, checkedInAt: string, checkedOutAt: string): number {
  const from = Math.max(Date.parse(checkedInAt), startsAt(activity))
  const to = Math.min(Date.parse(checkedOutAt), endsAt(activity))
  if (!(to > from)) return 0
  return Math.floor((to - from) / HALF_HOUR_MS) / 2
}

/** The hours that count: the organiser's correction where there is one. */
export const creditedHours = (s: Pick<SignUp, 'hours' | 'correction'>) => s.correction?.hours ?? s.hours

/** The organiser corrects the hours with a reason; what the check-in and check-out gave stays beside it. */
export function correctHours(mine: SignUp, activity: Activity, input: { hours?: unknown; reason?: unknown }, by: { id: string; name: string }, now: number): SignUp {
  if (mine.status !== 'joined') throw new RuleError('CONFLICT', '只能更正已报名人员的时长')
  const length = (endsAt(activity) - startsAt(activity)) / 3600000
  const hours = input.hours
  assertValid(
    collectErrors({
      hours: typeof hours === 'number' && hours >= 0 && hours <= length && Number.isInteger(hours * 2) ? null : `时长须为0到${length}之间、以0.5小时计`,
      reason: checkText(input.reason, CORRECTION_REASON_RULE),
    }),
  )
  return { ...mine, correction: { hours: hours as number, reason: (input.reason as string).trim(), by, at: toChinaIso(now) } }
}

/** "1.5小时", "2小时". */
export const describeHours = (hours: number) => `${hours}小时`

/** "12月5日 周六 09:00–11:30". */
export function describeActivityTime(a: Pick<ActivityDraft, 'date' | 'start' | 'end'>): string {
  return `${inChina(startsAt(a)).format('M月D日 ddd HH:mm')}–${a.end}`
}

// 志愿服务记录

/** One service: an activity (its credited hours) or a completed micro-wish (the hours its volunteer gave). */
export interface ServiceEntry {
  kind: 'activity' | 'wish'
  id: string
  title: string
  organiser: string
  /** China calendar day, "YYYY-MM-DD". */
  date: string
  hours: number
}

export interface ServiceRecord {
  entries: ServiceEntry[]
  /** Newest year first. */
  yearly: { year: number; hours: number }[]
  totalHours: number
}

/** Newest first, with hours per China calendar year and in all; services without hours are left out. */
export function serviceRecordOf(entries: ServiceEntry[]): ServiceRecord {
  const counted = entries.filter((e) => e.hours > 0).sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
  const years = new Map<number, number>()
  for (const e of counted) years.set(Number(e.date.slice(0, 4)), (years.get(Number(e.date.slice(0, 4))) ?? 0) + e.hours)
  return {
    entries: counted,
    yearly: [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, hours]) => ({ year, hours })),
    totalHours: counted.reduce((sum, e) => sum + e.hours, 0),
  }
}

// 出具证明: a certificate of the service record, and its public check

export const CERTIFICATE_ISSUER = '东安社区党群服务中心'

/** A certificate as issued: a snapshot of the record, found again by its code. */
export interface Certificate {
  code: string
  accountId: string
  holder: string
  issuer: string
  issuedAt: string
  record: ServiceRecord
}

/** What anyone with the code may see: the same totals, the holder's name masked, nothing else of theirs. */
export interface CertificateCheck {
  code: string
  holder: string
  issuer: string
  issuedAt: string
  totalHours: number
  serviceCount: number
  yearly: { year: number; hours: number }[]
}

/** A certificate of the record: micro-wishes are named only as such (their titles are other residents' requests). */
export function issueCertificate(record: ServiceRecord, holder: { id: string; name: string }, code: string, now: number): Certificate {
  const entries = record.entries.map((e) => (e.kind === 'wish' ? { ...e, title: '微心愿服务' } : e))
  return { code, accountId: holder.id, holder: holder.name, issuer: CERTIFICATE_ISSUER, issuedAt: toChinaIso(now), record: { ...record, entries } }
}

export function certificateCheckOf(c: Certificate): CertificateCheck {
  return {
    code: c.code,
    // 张*强: enough to match the paper, not enough to find the person.
    holder: maskName(c.holder),
    issuer: c.issuer,
    issuedAt: c.issuedAt,
    totalHours: c.record.totalHours,
    serviceCount: c.record.entries.length,
    yearly: c.record.yearly,
  }
}

/** A typed or scanned verification code, or null: 16 hexadecimal characters, any case, spaces ignored. */
export function readCertificateCode(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const code = input.replace(/\s/g, '').toUpperCase()
  return /^[0-9A-F]{16}$/.test(code) ? code : null
}
