/**
 * 有事先商量 (我要说事), issue 16: a resident raises a matter with their grid,
 * a grid worker (a volunteer of that grid) or staff handle it, and the
 * resident confirms it solved or reopens it once.
 *
 *  submitted --accept--> accepted --note--> in_progress --answer--> answered --confirm--> confirmed
 *                           |---------------answer-------------------^   |
 *                                                     reopened <--reopen-- (once, with a reason)
 *  reopened --note--> in_progress, reopened --answer--> answered
 *
 * Deadlines are on the China clock: accepted by the end of the next working
 * day, answered within 7 days of being raised (or reopened).
 */
import { CHINA_OFFSET_MINUTES, chinaClock } from './chinaClock'
import { toChinaIso } from './chinaTime'
import type { ActedBy } from './onBehalf'
import { RuleError, assertValid } from './rules'
import { checkText, collectErrors, type FieldErrors } from './validation'
import { namesPerson } from './names'
import { PHOTO_ID } from './wish'

export const MATTER_KINDS = ['物业管理', '环境卫生', '设施损坏', '安全隐患', '邻里纠纷', '政策咨询', '其他'] as const
export type MatterKind = (typeof MATTER_KINDS)[number]

/** A dispute between neighbours names people: it stays between the resident and the grid. */
export const PRIVATE_KINDS: readonly MatterKind[] = ['邻里纠纷']

export type MatterStatus = 'submitted' | 'accepted' | 'in_progress' | 'answered' | 'confirmed' | 'reopened' | 'merged'

export const MATTER_STATUS_LABEL: Record<MatterStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  in_progress: '办理中',
  answered: '已答复',
  confirmed: '已解决',
  reopened: '重新办理',
  merged: '已合并办理',
}

export type MatterAction = 'accept' | 'note' | 'answer' | 'confirm' | 'reopen'

export const MATTER_ACTION_LABEL: Record<MatterAction, string> = {
  accept: '受理',
  note: '记录进展',
  answer: '答复',
  confirm: '确认已解决',
  reopen: '重新提出',
}

export type MatterRole = 'resident' | 'elder' | 'volunteer' | 'staff'

export interface MatterActor {
  id: string
  name: string
  role: MatterRole
  gridCode: string | null
}

export interface MatterDraft {
  kind: MatterKind
  text: string
  building: string
  unit: string
  /** Whether neighbours of the grid may see it (without names). */
  public: boolean
  /** Up to 3 photos: ids of the caller's uploads (POST /photos) that nothing has taken yet. */
  photos?: string[]
}

export interface MatterEvent {
  at: string
  action: 'raise' | MatterAction | 'merge'
  byName: string
  /** The note, the reply or the reason to reopen. */
  text?: string
}

export interface Matter extends MatterDraft {
  id: string
  gridCode: string
  ownerId: string
  ownerName: string
  status: MatterStatus
  /** China time, ISO 8601. */
  raisedAt: string
  /** The grid worker who accepted it: named to the resident. */
  handler: { id: string; name: string } | null
  acceptedAt: string | null
  reply: string | null
  answeredAt: string | null
  reopenedAt: string | null
  reopenReason: string | null
  /** How many neighbours said 我也遇到. */
  affected: number
  events: MatterEvent[]
  /** Set when a volunteer or staff member raised it for the resident (代办). */
  actedBy?: ActedBy
  /** Photos taken with it (ids of uploads, POST /photos); at most 3. */
  photos?: string[]
  /** The photo sent with the answer, if any. */
  replyPhoto?: string | null
  /** Set when its text seemed to name a person: it was then stored as not public, whatever was asked. */
  namedPerson?: boolean
  /** Set when staff merged it into another matter of the grid (a duplicate): the one that is handled. */
  mergedInto?: string | null
  /** On the kept matter: the accounts whose duplicates were merged into it; they see it and hear of it. */
  followers?: string[]
}

export const MATTER_TEXT_RULE = { label: '事项内容', max: 300, min: 5 }
export const MATTER_BUILDING_RULE = { label: '楼栋', max: 20 }
export const MATTER_UNIT_RULE = { label: '单元', max: 10, optional: true }
export const MATTER_NOTE_RULE = { label: '办理进展', max: 200 }
export const MATTER_REPLY_RULE = { label: '答复内容', max: 300 }
export const MATTER_REASON_RULE = { label: '重新提出的原因', max: 100 }

/** The message beside the 公开 switch when a matter may not be public, else null. */
export function publicError(kind: unknown, isPublic: unknown): string | null {
  if (typeof isPublic !== 'boolean') return '请选择是否让邻居看到'
  if (isPublic && PRIVATE_KINDS.includes(kind as MatterKind)) return '邻里纠纷涉及他人，不能公开，请选择“不公开”'
  return null
}

export const MAX_MATTER_PHOTOS = 3

/** The message beside the photos when the ids are not uploads' ids, or too many; else null. */
export function photosError(photos: unknown, max = MAX_MATTER_PHOTOS): string | null {
  if (photos === undefined) return null
  if (!Array.isArray(photos)) return '照片格式不正确'
  if (photos.length > max) return `最多上传${max}张照片`
  if (photos.some((p) => typeof p !== 'string' || !PHOTO_ID.test(p))) return '照片格式不正确，请重新选择'
  if (new Set(photos).size !== photos.length) return '同一张照片只能用一次'
  return null
}

export function validateMatterDraft(input: unknown): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof MatterDraft, unknown>>
  return collectErrors({
    photos: photosError(d.photos),
    kind: MATTER_KINDS.includes(d.kind as MatterKind) ? null : '请选择事项类别',
    text: checkText(d.text, MATTER_TEXT_RULE),
    building: checkText(d.building, MATTER_BUILDING_RULE),
    unit: checkText(d.unit, MATTER_UNIT_RULE),
    public: publicError(d.kind, d.public),
  })
}

export function raiseMatter(draft: unknown, owner: MatterActor, id: string, now: number): Matter {
  assertValid(validateMatterDraft(draft))
  if (!owner.gridCode) throw new RuleError('VALIDATION', '请先选择所在网格', { grid: '请先在首页选择所在网格' })
  const d = draft as MatterDraft
  const at = toChinaIso(now)
  // Anything with a person's name is never public (names.ts): kept between the resident and the grid.
  const named = namesPerson(d.text)
  return {
    id,
    gridCode: owner.gridCode,
    ownerId: owner.id,
    ownerName: owner.name,
    kind: d.kind,
    text: d.text.trim(),
    building: d.building.trim(),
    unit: (d.unit ?? '').trim(),
    public: d.public && !named,
    ...(named ? { namedPerson: true } : {}),
    photos: [...(d.photos ?? [])],
    status: 'submitted',
    raisedAt: at,
    handler: null,
    acceptedAt: null,
    reply: null,
    answeredAt: null,
    reopenedAt: null,
    reopenReason: null,
    affected: 0,
    events: [{ at, action: 'raise', byName: owner.name }],
  }
}

/** Grid workers of the matter's grid, and staff everywhere. */
export function mayHandle(matter: Pick<Matter, 'gridCode'>, actor: MatterActor): boolean {
  return actor.role === 'staff' || (actor.role === 'volunteer' && actor.gridCode === matter.gridCode)
}

const FROM: Record<MatterAction, MatterStatus[]> = {
  accept: ['submitted'],
  note: ['accepted', 'in_progress', 'reopened'],
  answer: ['accepted', 'in_progress', 'reopened'],
  confirm: ['answered'],
  reopen: ['answered'],
}

const OWNER_ACTIONS: MatterAction[] = ['confirm', 'reopen']

/** Why this actor may not take this action now, or null when they may. */
export function refusal(matter: Matter, action: MatterAction, actor: MatterActor): RuleError | null {
  const ownerAction = OWNER_ACTIONS.includes(action)
  if (ownerAction ? matter.ownerId !== actor.id : !mayHandle(matter, actor)) {
    return new RuleError('FORBIDDEN', ownerAction ? '只有提出事项的居民可以这样做' : '只有本网格的网格员或工作人员可以办理')
  }
  if (!FROM[action].includes(matter.status)) {
    return new RuleError('CONFLICT', `事项已是“${MATTER_STATUS_LABEL[matter.status]}”，不能${MATTER_ACTION_LABEL[action]}`)
  }
  if (action === 'reopen' && matter.reopenedAt) return new RuleError('CONFLICT', '事项只能重新提出一次，如仍未解决请联系网格员')
  return null
}

export function allowedMatterActions(matter: Matter, actor: MatterActor): MatterAction[] {
  return (Object.keys(FROM) as MatterAction[]).filter((a) => !refusal(matter, a, actor))
}

const INPUT_RULE: Partial<Record<MatterAction, { field: 'text'; rule: typeof MATTER_NOTE_RULE }>> = {
  note: { field: 'text', rule: MATTER_NOTE_RULE },
  answer: { field: 'text', rule: MATTER_REPLY_RULE },
  reopen: { field: 'text', rule: MATTER_REASON_RULE },
}

export function validateMatterActionInput(action: MatterAction, input: unknown): FieldErrors {
  const needs = INPUT_RULE[action]
  if (!needs) return {}
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  // The answer may bring one photo (an upload's id).
  const photo = action === 'answer' && body.photo !== undefined && body.photo !== null ? photosError([body.photo], 1) : null
  return collectErrors({ [needs.field]: checkText(body[needs.field], needs.rule), photo })
}

/** The photo an answer brings, if any. */
export function answerPhotoOf(input: unknown): string | null {
  const photo = (input && typeof input === 'object' ? (input as Record<string, unknown>).photo : null) ?? null
  return typeof photo === 'string' ? photo : null
}

/** The next record after an action; throws FORBIDDEN, CONFLICT or VALIDATION. */
export function applyMatterAction(matter: Matter, action: MatterAction, actor: MatterActor, input: unknown, now: number): Matter {
  const refused = refusal(matter, action, actor)
  if (refused) throw refused
  assertValid(validateMatterActionInput(action, input))
  const text = INPUT_RULE[action] ? String((input as Record<string, unknown>).text).trim() : undefined
  const at = toChinaIso(now)
  const events = [...matter.events, { at, action, byName: actor.name, ...(text ? { text } : {}) }]
  switch (action) {
    case 'accept':
      return { ...matter, status: 'accepted', handler: { id: actor.id, name: actor.name }, acceptedAt: at, events }
    case 'note':
      return { ...matter, status: 'in_progress', events }
    case 'answer':
      return { ...matter, status: 'answered', reply: text!, replyPhoto: answerPhotoOf(input) ?? matter.replyPhoto ?? null, answeredAt: at, events }
    case 'confirm':
      return { ...matter, status: 'confirmed', events }
    case 'reopen':
      return { ...matter, status: 'reopened', reopenedAt: at, reopenReason: text!, events }
  }
}

const DAY_MS = 24 * 3600 * 1000
const OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000
export const ANSWER_DAYS = 7

/** Midnight (China) that starts the China day of a moment, as epoch ms. */
function chinaMidnight(moment: number): number {
  return Math.floor((moment + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
}

/**
 * When a matter raised at `raisedAt` becomes overdue for acceptance: the end
 * of the first working day (Monday–Friday) after the China day it was raised.
 * Public holidays and the weekends worked in their place (调休) are not known
 * to the app, so they count as ordinary weekdays and weekends.
 */
export function acceptDeadline(raisedAt: string): number {
  let day = chinaMidnight(Date.parse(raisedAt)) + DAY_MS
  while ([0, 6].includes(chinaClock(day).weekday)) day += DAY_MS
  return day + DAY_MS
}

/** When a matter becomes overdue for an answer: 7 days after it was raised, or after it was reopened. */
export function answerDeadline(matter: Pick<Matter, 'raisedAt' | 'reopenedAt'>): number {
  return Date.parse(matter.reopenedAt ?? matter.raisedAt) + ANSWER_DAYS * DAY_MS
}

export type Overdue = 'accept' | 'answer' | null

/** Which deadline a matter has passed at `now` (the acceptance one first). */
export function overdueOf(matter: Pick<Matter, 'status' | 'raisedAt' | 'reopenedAt'>, now: number): Overdue {
  if (matter.status === 'submitted' && now >= acceptDeadline(matter.raisedAt)) return 'accept'
  if (['submitted', 'accepted', 'in_progress', 'reopened'].includes(matter.status) && now >= answerDeadline(matter)) return 'answer'
  return null
}

export const OVERDUE_LABEL: Record<Exclude<Overdue, null>, string> = { accept: '超时未受理', answer: '超时未答复' }

/** How much of a matter a viewer may see. */
export type MatterVisibility = 'full' | 'public' | 'none'

export function matterVisibility(matter: Matter, viewer: MatterActor): MatterVisibility {
  if (matter.ownerId === viewer.id || matter.actedBy?.id === viewer.id || mayHandle(matter, viewer)) return 'full'
  if (matter.public && !PRIVATE_KINDS.includes(matter.kind) && viewer.gridCode === matter.gridCode) return 'public'
  // The raiser of a duplicate merged into it follows it, as a neighbour would (its words only if it is public).
  if (matter.followers?.includes(viewer.id)) return 'public'
  return 'none'
}

export interface MatterView extends Matter {
  overdue: Overdue
  /** ISO 8601 China time. */
  acceptBy: string
  answerBy: string
  /** Whether the viewer said 我也遇到. */
  affectedByMe: boolean
  /** Only in the single matter's view: the 网格议事会 it is on, as the viewer may see them. */
  meetings?: import('./meetings').MatterMeeting[]
}

/**
 * The matter as this viewer may see it; neighbours see no names and no
 * notes, only what the matter is, where, and how far it got. Null when the
 * viewer may not see it at all.
 */
export function matterFor(matter: Matter, viewer: MatterActor, now: number, affectedByMe = false): MatterView | null {
  const visibility = matterVisibility(matter, viewer)
  if (visibility === 'none') return null
  const view: MatterView = {
    ...matter,
    overdue: overdueOf(matter, now),
    acceptBy: toChinaIso(acceptDeadline(matter.raisedAt)),
    answerBy: toChinaIso(answerDeadline(matter)),
    affectedByMe,
  }
  if (visibility === 'full') return view
  const { actedBy: _actedBy, followers: _followers, ...rest } = view
  const shown = matter.public && !PRIVATE_KINDS.includes(matter.kind)
  return {
    ...rest,
    ...(shown ? {} : { text: '', building: '', photos: [], reply: null, replyPhoto: null }),
    ownerId: '',
    ownerName: '',
    unit: '',
    handler: null,
    reopenReason: null,
    events: matter.events.filter((e) => e.action !== 'note' && e.action !== 'reopen').map(({ at, action }) => ({ at, action, byName: '' })),
  }
}

/** 我也遇到: on a public matter, by anyone of the grid who sees it but its owner, until it is solved. */
export function joinRefusal(matter: Matter, viewer: MatterActor): RuleError | null {
  if (matterVisibility(matter, viewer) === 'none') return new RuleError('NOT_FOUND', '没有找到这个事项')
  // The count tells the grid how many neighbours are affected: the street office's staff are not among them.
  if (viewer.role === 'staff') return new RuleError('FORBIDDEN', '“我也遇到”是给本网格居民用的，工作人员不用点')
  if (matter.ownerId === viewer.id) return new RuleError('CONFLICT', '这是你自己提出的事项')
  if (!matter.public || PRIVATE_KINDS.includes(matter.kind)) return new RuleError('CONFLICT', '不公开的事项不能点“我也遇到”')
  if (matter.status === 'confirmed') return new RuleError('CONFLICT', '这个事项已经解决了')
  if (matter.status === 'merged') return new RuleError('CONFLICT', '这个事项已合并到另一件事项，请在那里点“我也遇到”')
  return null
}

/** Neighbours' list: safety hazards first, then what is still open, then the most affected, newest first. */
export function publicOrder(a: Matter, b: Matter): number {
  // Open before solved; among each, safety hazards first, then the most affected.
  const rank = (m: Matter) => [m.status === 'confirmed' ? 1 : 0, m.kind === '安全隐患' ? 0 : 1, -m.affected]
  const [ra, rb] = [rank(a), rank(b)]
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i]
  return b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id)
}

/**
 * Merging a duplicate into the matter that is kept (same grid; by staff or a
 * grid worker of that grid): the duplicate becomes merged, pointing to the
 * kept one; its raiser (and those who followed it) now follow the kept one.
 * Returns both records; the caller moves the 我也遇到 accounts and counts them.
 */
export function mergeMatters(duplicate: Matter, kept: Matter, actor: MatterActor, now: number): { duplicate: Matter; kept: Matter } {
  if (!mayHandle(duplicate, actor) || !mayHandle(kept, actor)) throw new RuleError('FORBIDDEN', '只有本网格的网格员或工作人员可以合并事项')
  if (duplicate.id === kept.id) throw new RuleError('VALIDATION', '不能合并到自己', { into: '请选择另一件事项' })
  if (duplicate.gridCode !== kept.gridCode) throw new RuleError('VALIDATION', '只能合并同一网格的事项', { into: '请选择本网格的事项' })
  if (duplicate.status === 'merged') throw new RuleError('CONFLICT', '这个事项已经合并过了')
  if (duplicate.status === 'confirmed') throw new RuleError('CONFLICT', '这个事项已经解决了，不用合并')
  if (kept.status === 'merged') throw new RuleError('CONFLICT', '要保留的事项已合并到别处，请选择它合并到的那件')
  const at = toChinaIso(now)
  const followers = [...(kept.followers ?? []), ...(duplicate.followers ?? []), duplicate.ownerId].filter(
    (id, i, all) => id !== kept.ownerId && all.indexOf(id) === i,
  )
  return {
    duplicate: {
      ...duplicate,
      status: 'merged',
      mergedInto: kept.id,
      events: [...duplicate.events, { at, action: 'merge', byName: actor.name, text: '与邻居反映的同一件事合并办理' }],
    },
    kept: { ...kept, followers },
  }
}

/** The accounts whose 我也遇到 a merge moves to the kept matter: the duplicate's, and its raiser; never the kept one's raiser. */
export function mergedAccounts(duplicate: Matter, kept: Matter, duplicateAffected: string[]): string[] {
  return [...duplicateAffected, duplicate.ownerId].filter((id, i, all) => id !== kept.ownerId && all.indexOf(id) === i)
}
