/**
 * Jobs and entrepreneurship (就业创业), PRODUCT.md §6: postings, search and
 * filters, applications and their status. Dates in China time: a posting is
 * listed through the last China calendar day before it expires.
 */
import { inChina } from './chinaTime'
import type { ActedBy } from './onBehalf'
import { RuleError, assertValid } from './rules'
import { checkPhone, checkText, collectErrors, normalisePhone, type FieldErrors } from './validation'

export const JOB_KINDS = ['全职', '兼职', '灵活就业', '居家手工', '技能培训'] as const
export type JobKind = (typeof JOB_KINDS)[number]
export const SUITED_TAGS = ['女性', '残障人士', '长者', '青年', '不限'] as const
export type SuitedTag = (typeof SUITED_TAGS)[number]

export interface PostingDraft {
  title: string
  employer: string
  kind: JobKind
  /** Monthly pay in yuan: 0 < payMin ≤ payMax. */
  payMin: number
  payMax: number
  place: string
  hours: string
  requirements: string
  tags: SuitedTag[]
  contactName: string
  contactPhone: string
  /** The last China calendar day the posting is listed, "YYYY-MM-DD". */
  expiresOn: string
}

export interface Posting extends PostingDraft {
  id: string
  publishedAt: string
  status: 'open' | 'closed'
}

export type ApplicationStatus = 'submitted' | 'contacted' | 'hired' | 'rejected'
export const APPLICATION_STATUS_LABEL: Record<ApplicationStatus, string> = {
  submitted: '已提交',
  contacted: '已联系',
  hired: '已录用',
  rejected: '未录用',
}

export interface ApplicationDraft {
  name: string
  phone: string
  note: string
}

export interface Application extends ApplicationDraft {
  id: string
  postingId: string
  applicantId: string
  status: ApplicationStatus
  createdAt: string
  updatedAt: string
  /** Set when a volunteer or staff member applied for the applicant (代办). */
  actedBy?: ActedBy
}

export interface JobQuery {
  keyword?: string
  kind?: JobKind
  tag?: SuitedTag
  /** Postings that can pay at least this much a month. */
  minPay?: number
}

/** The China calendar day of a moment, "YYYY-MM-DD": compute once per search, not per posting. */
export const chinaDay = (now: number) => inChina(now).format('YYYY-MM-DD')
const today = chinaDay

export function isListedOn(posting: Pick<Posting, 'status' | 'expiresOn'>, day: string): boolean {
  return posting.status === 'open' && day <= posting.expiresOn
}

/** Open and not past its last day: what residents see, and what takes applications. */
export function isListed(posting: Pick<Posting, 'status' | 'expiresOn'>, now: number): boolean {
  return isListedOn(posting, today(now))
}

/**
 * Whether a posting matches the search: every keyword word in the title,
 * employer or requirements; the kind; the tag (postings for 不限 suit everyone);
 * a top of the pay range at least minPay.
 */
export function matchesQuery(posting: Posting, query: JobQuery): boolean {
  if (query.kind && posting.kind !== query.kind) return false
  if (query.tag && !posting.tags.includes(query.tag) && !posting.tags.includes('不限')) return false
  if (query.minPay && posting.payMax < query.minPay) return false
  const words = (query.keyword ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length) {
    // Each field on its own, and lower-cased only for Latin letters: a search runs over every posting.
    const latin = /[a-z]/i.test(query.keyword ?? '')
    const fields = [posting.title, posting.employer, posting.requirements].map((f) => (latin ? f.toLowerCase() : f))
    if (!words.every((w) => fields.some((f) => f.includes(w)))) return false
  }
  return true
}

export const KEYWORD_RULE = { label: '搜索词', max: 30, optional: true }

/** Checks a search as typed; an empty object means it can run. */
export function validateQuery(query: Record<string, unknown>): FieldErrors {
  const minPay = query.minPay === undefined || query.minPay === '' ? undefined : Number(query.minPay)
  // A filter left blank (or only spaces) is no filter.
  const kind = typeof query.kind === 'string' ? query.kind.trim() : query.kind
  const tag = typeof query.tag === 'string' ? query.tag.trim() : query.tag
  return collectErrors({
    keyword: checkText(query.keyword, KEYWORD_RULE),
    kind: kind && !JOB_KINDS.includes(kind as JobKind) ? '请选择列表中的工作类型' : null,
    tag: tag && !SUITED_TAGS.includes(tag as SuitedTag) ? '请选择列表中的适合人群' : null,
    minPay: minPay !== undefined && (!Number.isInteger(minPay) || minPay < 0 || minPay > 100000) ? '最低月薪须为0到100000之间的整数' : null,
  })
}

/** Landlines (0452-5861103) and mobiles both reach a contact. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/

export function validatePostingDraft(input: unknown, now: number): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof PostingDraft, unknown>>
  const pay = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 100000 ? v : null)
  const payMin = pay(d.payMin)
  const payMax = pay(d.payMax)
  const tags = Array.isArray(d.tags) ? d.tags : null
  const phone = typeof d.contactPhone === 'string' ? d.contactPhone.replace(/\s/g, '') : d.contactPhone
  return collectErrors({
    title: checkText(d.title, { label: '岗位名称', max: 30 }),
    employer: checkText(d.employer, { label: '用工单位', max: 30 }),
    kind: JOB_KINDS.includes(d.kind as JobKind) ? null : '请选择工作类型',
    payMin: payMin === null ? '最低月薪须为1到100000之间的整数（元）' : null,
    payMax:
      payMax === null ? '最高月薪须为1到100000之间的整数（元）' : payMin !== null && payMax < payMin ? '最高月薪不能低于最低月薪' : null,
    place: checkText(d.place, { label: '工作地点', max: 40 }),
    hours: checkText(d.hours, { label: '工作时间', max: 40 }),
    requirements: checkText(d.requirements, { label: '岗位要求', max: 200 }),
    tags:
      !tags || tags.length === 0
        ? '请至少选择一个适合人群'
        : tags.some((t) => !SUITED_TAGS.includes(t as SuitedTag))
          ? '请从列表中选择适合人群'
          : new Set(tags).size !== tags.length
            ? '每个适合人群只能选一次'
            : null,
    contactName: checkText(d.contactName, { label: '联系人', max: 20 }),
    contactPhone: typeof phone === 'string' && LANDLINE.test(phone) ? null : checkPhone(phone, '联系电话'),
    expiresOn:
      typeof d.expiresOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.expiresOn)
        ? '请填写截止日期，如2026-12-31'
        : d.expiresOn < today(now)
          ? '截止日期不能早于今天'
          : null,
  })
}

export const APPLICANT_NAME_RULE = { label: '姓名', max: 20 }
export const APPLICATION_NOTE_RULE = { label: '留言', max: 200, optional: true }

export function validateApplicationDraft(input: unknown): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof ApplicationDraft, unknown>>
  return collectErrors({
    name: checkText(d.name, APPLICANT_NAME_RULE),
    phone: checkPhone(d.phone),
    note: checkText(d.note, APPLICATION_NOTE_RULE),
  })
}

/** A new application: only to a listed posting, once per resident. */
export function applyTo(
  posting: Posting,
  draft: unknown,
  applicantId: string,
  existing: Application[],
  id: string,
  now: number,
): Application {
  if (posting.status === 'closed') throw new RuleError('CONFLICT', '该岗位已停止招聘')
  if (!isListed(posting, now)) throw new RuleError('CONFLICT', '该岗位已过报名截止日期')
  assertValid(validateApplicationDraft(draft))
  if (existing.some((a) => a.postingId === posting.id && a.applicantId === applicantId)) {
    throw new RuleError('CONFLICT', '您已经报名过这个岗位，请在“我的报名”查看进度')
  }
  const d = draft as ApplicationDraft
  const at = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  return {
    id,
    postingId: posting.id,
    applicantId,
    name: d.name.trim(),
    phone: normalisePhone(d.phone),
    note: (d.note ?? '').trim(),
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
  }
}

const NEXT: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ['contacted', 'rejected'],
  contacted: ['hired', 'rejected'],
  hired: [],
  rejected: [],
}

/** The statuses staff may move an application to next. */
export function nextStatuses(status: ApplicationStatus): ApplicationStatus[] {
  return NEXT[status]
}

export function moveApplication(app: Application, to: unknown, now: number): Application {
  if (typeof to !== 'string' || !(to in APPLICATION_STATUS_LABEL)) {
    throw new RuleError('VALIDATION', '状态不正确', { status: '请选择已联系、已录用或未录用' })
  }
  if (!NEXT[app.status].includes(to as ApplicationStatus)) {
    throw new RuleError('CONFLICT', `报名已是“${APPLICATION_STATUS_LABEL[app.status]}”，不能改为“${APPLICATION_STATUS_LABEL[to as ApplicationStatus]}”`)
  }
  return { ...app, status: to as ApplicationStatus, updatedAt: inChina(now).format('YYYY-MM-DDTHH:mm:ssZ') }
}

/** "2000–6000元/月"; a free course says so, with the pay of the jobs it leads to. */
export function describePay(p: Pick<PostingDraft, 'payMin' | 'payMax' | 'kind'>): string {
  const range = p.payMin === p.payMax ? `${p.payMin}元` : `${p.payMin}–${p.payMax}元`
  return p.kind === '技能培训' ? `免费培训，结业后月薪${range}` : `${range}/月`
}

/** 适合女性, and 不限 as 人人适合 (never 适合不限). */
export function describeSuitedTag(tag: SuitedTag): string {
  return tag === '不限' ? '人人适合' : `适合${tag}`
}

/** "女性、长者" for the posting's 适合人群 line; 不限 reads 所有人. */
export function describeSuitedTags(tags: SuitedTag[]): string {
  return tags.map((t) => (t === '不限' ? '所有人' : t)).join('、')
}

/** A validated posting draft as stored: text trimmed, phone without spaces, each tag once. */
export function normalisePostingDraft(d: PostingDraft): PostingDraft {
  const text = (v: string) => v.trim()
  return {
    title: text(d.title),
    employer: text(d.employer),
    kind: d.kind,
    payMin: d.payMin,
    payMax: d.payMax,
    place: text(d.place),
    hours: text(d.hours),
    requirements: text(d.requirements),
    tags: Array.from(new Set(d.tags)),
    contactName: text(d.contactName),
    contactPhone: d.contactPhone.replace(/\s/g, ''),
    expiresOn: d.expiresOn,
  }
}

/** Staff stop a posting: it leaves the list; applications stay. */
export function closePosting(posting: Posting): Posting {
  if (posting.status === 'closed') throw new RuleError('CONFLICT', '这个岗位已经停止招聘了')
  return { ...posting, status: 'closed' }
}
