/**
 * Micro-wishes (微心愿), PRODUCT.md §4: fields, states and who may move them.
 *
 *  pending_review --approve--> open --claim--> claimed --complete--> completed --confirm--> confirmed
 *        |--reject--> rejected        ^--release--|
 *        |--cancel--> cancelled (also from open)
 *
 * A completed wish that its owner has not confirmed by the end of the 7th China
 * calendar day after completion counts as confirmed.
 */
import { inChina } from './chinaTime'
import type { ActedBy } from './onBehalf'
import { maskName, maskPhone } from './mask'
import { RuleError, assertValid } from './rules'
import { checkNumber, checkPhone, checkText, collectErrors, normalisePhone, type FieldErrors } from './validation'

export const WISH_CATEGORIES = ['生活帮扶', '维修', '陪伴聊天', '代买代办', '学习辅导', '其他'] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]

export type WishStatus = 'pending_review' | 'open' | 'claimed' | 'completed' | 'confirmed' | 'rejected' | 'cancelled'

export const WISH_STATUS_LABEL: Record<WishStatus, string> = {
  pending_review: '待审核',
  open: '待认领',
  claimed: '已认领',
  completed: '已完成',
  confirmed: '已确认',
  rejected: '未通过',
  cancelled: '已取消',
}

export type WishAction = 'approve' | 'reject' | 'cancel' | 'claim' | 'release' | 'complete' | 'confirm'

export const WISH_ACTION_LABEL: Record<WishAction, string> = {
  approve: '审核通过',
  reject: '驳回',
  cancel: '取消心愿',
  claim: '认领',
  release: '放弃认领',
  complete: '完成服务',
  confirm: '确认并评价',
}

/** The roles that matter to wishes; elders post like residents. */
export type WishRole = 'resident' | 'elder' | 'volunteer' | 'staff'

export interface WishActor {
  id: string
  name: string
  role: WishRole
  gridCode: string | null
}

export interface WishAddress {
  building: string
  unit: string
  room: string
}

export interface WishDraft {
  category: WishCategory
  title: string
  description: string
  preferredTime: string
  address: WishAddress
  phone: string
  photos: string[]
}

export interface WishEvent {
  at: string
  action: 'post' | WishAction | 'auto_confirm'
  byName: string
  note?: string
}

export interface Wish extends WishDraft {
  id: string
  gridCode: string
  ownerId: string
  ownerName: string
  status: WishStatus
  createdAt: string
  claimedBy: string | null
  claimedByName: string | null
  completedAt: string | null
  completionNote: string | null
  hours: number | null
  rating: number | null
  thanks: string | null
  rejectReason: string | null
  events: WishEvent[]
  /** Set when a volunteer or staff member posted it for the owner (代办). */
  actedBy?: ActedBy
}

export const MAX_ACTIVE_WISHES = 3
export const MAX_PHOTOS = 3
/** A photo of a wish is the id an upload answered with (POST /photos). */
export const PHOTO_ID = /^ph\d{1,15}$/
export const AUTO_CONFIRM_DAYS = 7

export const TITLE_RULE = { label: '标题', max: 20 }
export const DESCRIPTION_RULE = { label: '描述', max: 200 }
export const PREFERRED_TIME_RULE = { label: '期望时间', max: 30, optional: true }
export const BUILDING_RULE = { label: '楼栋', max: 20 }
export const UNIT_RULE = { label: '单元', max: 10, optional: true }
export const ROOM_RULE = { label: '门牌号', max: 10 }
export const REASON_RULE = { label: '原因', max: 100 }
export const NOTE_RULE = { label: '服务记录', max: 200 }
export const THANKS_RULE = { label: '感谢的话', max: 100, optional: true }
export const HOURS_RULE = { label: '服务时长', min: 0.5, max: 12, step: 0.5, unit: '小时' }

/** Per-field messages for a wish as typed; an empty object means it can be posted. */
export function validateWishDraft(input: unknown): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof WishDraft, unknown>>
  const address = (d.address && typeof d.address === 'object' ? d.address : {}) as Partial<Record<keyof WishAddress, unknown>>
  const photos = d.photos ?? []
  let photoError: string | null = null
  if (!Array.isArray(photos)) photoError = '照片格式不正确'
  else if (photos.length > MAX_PHOTOS) photoError = `最多上传${MAX_PHOTOS}张照片`
  else if (photos.some((p) => typeof p !== 'string' || !PHOTO_ID.test(p))) photoError = '照片格式不正确，请重新选择'
  else if (new Set(photos).size !== photos.length) photoError = '同一张照片只能用一次'
  return collectErrors({
    category: WISH_CATEGORIES.includes(d.category as WishCategory) ? null : '请选择心愿类别',
    title: checkText(d.title, TITLE_RULE),
    description: checkText(d.description, DESCRIPTION_RULE),
    preferredTime: checkText(d.preferredTime, PREFERRED_TIME_RULE),
    'address.building': checkText(address.building, BUILDING_RULE),
    'address.unit': checkText(address.unit, UNIT_RULE),
    'address.room': checkText(address.room, ROOM_RULE),
    phone: checkPhone(d.phone, '联系电话'),
    photos: photoError,
  })
}

/** The draft as stored: trimmed, phone without spaces. Call after validation. */
export function normaliseWishDraft(d: WishDraft): WishDraft {
  return {
    category: d.category,
    title: d.title.trim(),
    description: d.description.trim(),
    preferredTime: (d.preferredTime ?? '').trim(),
    address: {
      building: d.address.building.trim(),
      unit: (d.address.unit ?? '').trim(),
      room: d.address.room.trim(),
    },
    phone: normalisePhone(d.phone),
    photos: [...(d.photos ?? [])],
  }
}

/** Pending, open or claimed: the wishes that count against a resident's limit of 3. */
export function isActive(status: WishStatus): boolean {
  return status === 'pending_review' || status === 'open' || status === 'claimed'
}

/** The moment a completed wish counts as confirmed: 00:00 China time, 8 calendar days after completion. */
export function autoConfirmAt(completedAt: string): string {
  return inChina(completedAt).startOf('day').add(AUTO_CONFIRM_DAYS + 1, 'day').format('YYYY-MM-DDTHH:mm:ssZ')
}

/** The status as it stands at `now`, applying the 7-day rule. */
export function effectiveStatus(wish: Pick<Wish, 'status' | 'completedAt'>, now: number | Date | string): WishStatus {
  if (wish.status === 'completed' && wish.completedAt && inChina(now).valueOf() >= inChina(autoConfirmAt(wish.completedAt)).valueOf()) {
    return 'confirmed'
  }
  return wish.status
}

const FROM: Record<WishAction, WishStatus[]> = {
  approve: ['pending_review'],
  reject: ['pending_review'],
  cancel: ['pending_review', 'open'],
  claim: ['open'],
  release: ['claimed'],
  complete: ['claimed'],
  confirm: ['completed'],
}

const TO: Record<WishAction, WishStatus> = {
  approve: 'open',
  reject: 'rejected',
  cancel: 'cancelled',
  claim: 'claimed',
  release: 'open',
  complete: 'completed',
  confirm: 'confirmed',
}

const isResident = (actor: WishActor) => actor.role === 'resident' || actor.role === 'elder'

/** Whether this actor is the kind of person who may take the action on this wish (ignoring its status). */
function mayAct(action: WishAction, wish: Wish, actor: WishActor): boolean {
  switch (action) {
    case 'approve':
    case 'reject':
      return actor.role === 'staff'
    case 'cancel':
    case 'confirm':
      return wish.ownerId === actor.id
    case 'claim':
      return actor.role === 'volunteer' && actor.gridCode === wish.gridCode && wish.ownerId !== actor.id
    case 'release':
    case 'complete':
      return actor.role === 'volunteer' && wish.claimedBy === actor.id
  }
}

/** The actions to offer this actor now: the UI shows exactly these. */
export function allowedActions(wish: Wish, actor: WishActor, now: number | Date | string): WishAction[] {
  const status = effectiveStatus(wish, now)
  return (Object.keys(FROM) as WishAction[]).filter((action) => FROM[action].includes(status) && mayAct(action, wish, actor))
}

/** The extra input some actions need. */
export interface WishActionInput {
  reason?: unknown
  note?: unknown
  hours?: unknown
  rating?: unknown
  thanks?: unknown
}

/** Per-field messages for an action's input; the forms check it before sending, the backend again. */
export function validateWishActionInput(action: WishAction, input: WishActionInput): FieldErrors {
  switch (action) {
    case 'reject':
    case 'release':
      return collectErrors({ reason: checkText(input.reason, REASON_RULE) })
    case 'complete':
      return collectErrors({ note: checkText(input.note, NOTE_RULE), hours: checkNumber(input.hours, HOURS_RULE) })
    case 'confirm': {
      const r = input.rating
      const ratingOk = typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= 5
      return collectErrors({ rating: ratingOk ? null : '请选择1到5颗星', thanks: checkText(input.thanks, THANKS_RULE) })
    }
    default:
      return {}
  }
}

const CONFLICT_MESSAGE: Partial<Record<WishAction, string>> = {
  claim: '该心愿已被认领',
  approve: '该心愿已审核过了',
  reject: '该心愿已审核过了',
}

/**
 * Applies an action and returns the wish after it; throws RuleError when the
 * actor may not (FORBIDDEN), the wish has moved on (CONFLICT) or the input is
 * bad (VALIDATION). Pure: the caller stores the result.
 */
export function applyWishAction(wish: Wish, action: WishAction, actor: WishActor, input: WishActionInput, now: number): Wish {
  if (!mayAct(action, wish, actor)) {
    if (action === 'claim' && actor.role === 'volunteer' && actor.gridCode !== wish.gridCode) {
      throw new RuleError('FORBIDDEN', '只能认领本网格的心愿')
    }
    throw new RuleError('FORBIDDEN', `您不能对这个心愿进行“${WISH_ACTION_LABEL[action]}”`)
  }
  const status = effectiveStatus(wish, now)
  if (!FROM[action].includes(status)) {
    throw new RuleError('CONFLICT', CONFLICT_MESSAGE[action] ?? `心愿现在是“${WISH_STATUS_LABEL[status]}”，不能${WISH_ACTION_LABEL[action]}`)
  }
  assertValid(validateWishActionInput(action, input))

  const at = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  const next: Wish = { ...wish, status: TO[action], events: [...wish.events] }
  let note: string | undefined
  switch (action) {
    case 'reject':
      next.rejectReason = String(input.reason).trim()
      note = next.rejectReason
      break
    case 'claim':
      next.claimedBy = actor.id
      next.claimedByName = actor.name
      break
    case 'release':
      note = String(input.reason).trim()
      next.claimedBy = null
      next.claimedByName = null
      break
    case 'complete':
      next.completedAt = at
      next.completionNote = String(input.note).trim()
      next.hours = Number(input.hours)
      note = `${next.completionNote}（${next.hours}小时）`
      break
    case 'confirm':
      next.rating = input.rating as number
      next.thanks = typeof input.thanks === 'string' ? input.thanks.trim() : ''
      note = `${'★'.repeat(next.rating)}${next.thanks ? ` ${next.thanks}` : ''}`
      break
  }
  next.events.push({ at, action, byName: actor.name, ...(note ? { note } : {}) })
  return next
}

/** A new wish from a validated draft. Enforces the limit of 3 active wishes. */
export function createWish(
  draft: unknown,
  owner: WishActor,
  ownerActiveCount: number,
  id: string,
  now: number,
): Wish {
  if (!isResident(owner)) throw new RuleError('FORBIDDEN', '只有居民可以发布微心愿')
  if (!owner.gridCode) throw new RuleError('VALIDATION', '请先选择您所在的网格', { gridCode: '请先选择网格' })
  assertValid(validateWishDraft(draft))
  if (ownerActiveCount >= MAX_ACTIVE_WISHES) {
    throw new RuleError(
      'CONFLICT',
      `您已有${MAX_ACTIVE_WISHES}个进行中的心愿，等它们完成或取消后才能再发布`,
    )
  }
  const at = inChina(now).format('YYYY-MM-DDTHH:mm:ssZ')
  return {
    ...normaliseWishDraft(draft as WishDraft),
    id,
    gridCode: owner.gridCode,
    ownerId: owner.id,
    ownerName: owner.name,
    status: 'pending_review',
    createdAt: at,
    claimedBy: null,
    claimedByName: null,
    completedAt: null,
    completionNote: null,
    hours: null,
    rating: null,
    thanks: null,
    rejectReason: null,
    events: [{ at, action: 'post', byName: owner.name }],
  }
}

/** A wish as sent to one viewer, with its status after the 7-day rule. */
export interface WishView extends Wish {
  effectiveStatus: WishStatus
}

/** How much of a wish a viewer may see. */
export type WishVisibility = 'full' | 'limited' | 'none'

export function visibilityFor(wish: Wish, viewer: WishActor): WishVisibility {
  if (wish.ownerId === viewer.id || wish.actedBy?.id === viewer.id || viewer.role === 'staff') return 'full'
  if (viewer.role === 'volunteer' && viewer.gridCode === wish.gridCode) {
    if (wish.claimedBy === viewer.id) return 'full'
    // Before review, and after a rejection, a wish is between its owner and the staff.
    return wish.status === 'pending_review' || wish.status === 'rejected' ? 'none' : 'limited'
  }
  return 'none'
}

/**
 * The wish as this viewer may see it: before a volunteer claims it, others see
 * the building only, a masked phone and every person's name masked.
 * Returns null when the viewer may not see it at all.
 */
export function wishFor(wish: Wish, viewer: WishActor, now: number | Date | string): WishView | null {
  const visibility = visibilityFor(wish, viewer)
  if (visibility === 'none') return null
  const base: WishView = { ...wish, effectiveStatus: effectiveStatus(wish, now) }
  if (visibility === 'full') return base
  return {
    ...base,
    ownerName: maskName(wish.ownerName),
    phone: maskPhone(wish.phone),
    address: { building: wish.address.building, unit: '', room: '' },
    claimedByName: wish.claimedByName && maskName(wish.claimedByName),
    // Every name in the history: the owner's, the reviewer's and other volunteers'.
    events: wish.events.map((e) => ({ ...e, byName: maskName(e.byName) })),
    ...(wish.actedBy ? { actedBy: { ...wish.actedBy, name: maskName(wish.actedBy.name) } } : {}),
  }
}
