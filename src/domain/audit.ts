/**
 * 操作记录 (个人信息保护法 art. 54–55): who wrote what, for whom, and who read a
 * resident's unmasked details. The backend core asks `auditFactOf` after every
 * answered request and appends the entry in the same transaction as the
 * change, so a write is never stored without its entry, nor an entry without
 * its write. Nothing edits or deletes an entry.
 */
import { isMaskedPhone } from './mask'
import type { Person } from './onBehalf'

export type AuditKind = 'write' | 'read'

export interface AuditEntry {
  id: string
  /** China time, ISO 8601. */
  at: string
  kind: AuditKind
  actor: { id: string; name: string; role: Person['role'] }
  /** The resident whose data it was, when one (their name as it then was). */
  resident: { id: string; name: string } | null
  /** True when a volunteer or staff member acted for the resident (代办). */
  onBehalf: boolean
  /** The route, e.g. `POST /wishes/:id/claim`. */
  action: string
  /** What it was, in words staff read, e.g. 认领心愿. */
  label: string
  /** The wish, booking, clinic, posting, application or account it touched. */
  recordId: string | null
}

/** Staff's filter: entries by or about one account, within a span of China calendar days (inclusive). */
export interface AuditFilter {
  accountId: string | null
  from: string | null
  to: string | null
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The message beside the "到" field when the span makes no sense, or null. */
export function auditSpanError(from: string | null | undefined, to: string | null | undefined): string | null {
  if ((from && !DAY.test(from)) || (to && !DAY.test(to))) return '日期格式应为 2026-11-30'
  if (from && to && from > to) return '结束日期不能早于开始日期'
  return null
}

/** Whether an entry is by or about the filter's account. */
export function concerns(entry: Pick<AuditEntry, 'actor' | 'resident'>, accountId: string | null): boolean {
  return !accountId || entry.actor.id === accountId || entry.resident?.id === accountId
}

/** Words for every route that writes, or reads a resident's unmasked details. */
export const AUDIT_LABEL: Record<string, string> = {
  'POST /auth/login': '微信登录',
  'POST /auth/phone': '验证手机号',
  'POST /auth/logout': '退出登录',
  'POST /auth/demo': '演示账号登录',
  'POST /staff/accounts/:id/role': '调整角色',
  'POST /clinics': '发布义诊',
  'PUT /clinics/:id': '修改义诊',
  'POST /clinics/:id/slots/:slot/bookings': '预约义诊',
  'POST /bookings/:id/cancel': '取消预约',
  'POST /bookings/:id/check-in': '义诊签到',
  'POST /jobs': '发布岗位',
  'PUT /jobs/:id': '修改岗位',
  'POST /jobs/:id/close': '关闭岗位',
  'POST /jobs/:id/applications': '报名岗位',
  'POST /applications/:id/status': '更新报名状态',
  'POST /matters': '我要说事',
  'POST /matters/:id/accept': '受理居民事项',
  'POST /matters/:id/note': '记录事项办理进展',
  'POST /matters/:id/answer': '答复居民事项',
  'POST /matters/:id/confirm': '确认事项已解决',
  'POST /matters/:id/reopen': '重新提出事项',
  'POST /matters/:id/affected': '我也遇到',
  'POST /matters/:id/merge': '合并重复事项',
  'POST /meetings': '安排网格议事会',
  'POST /meetings/:id/agenda': '列入议事会议程',
  'POST /meetings/:id/decisions': '记录议事会决议',
  'POST /meetings/:id/publish': '公布议事会决议',
  'POST /mediation/slots': '发布调解时段',
  'POST /mediation/slots/:id/bookings': '预约调解',
  'POST /mediation/bookings/:id/cancel': '取消调解预约',
  'POST /mediation/bookings/:id/outcome': '记录调解结果',
  'GET /mediation/slots/:id/bookings': '查看调解预约名单',
  'POST /activities': '发布志愿活动',
  'POST /activities/series': '按月发布志愿活动',
  'POST /activities/:id/signups': '报名志愿活动',
  'POST /activity-signups/:id/cancel': '取消活动报名',
  'POST /activities/:id/check-in': '活动签到',
  'POST /activities/:id/scan': '组织者扫码签到签退',
  'POST /me/party-member': '标记在职党员',
  'POST /activities/:id/check-out': '活动签退',
  'POST /activity-signups/:id/correction': '更正服务时长',
  'POST /me/certificates': '出具志愿服务证明',
  'POST /rooms/:id/bookings': '预约功能室',
  'POST /room-bookings/:id/cancel': '取消功能室预约',
  'POST /rooms/:id/check-in': '功能室签到',
  'POST /rooms/:id/visits': '开始使用母婴室',
  'POST /rooms/:id/visits/end': '离开母婴室',
  'POST /rooms/:id/closures': '暂停开放功能室',
  'POST /messages/read': '标记消息已读',
  'POST /me/name': '更正姓名',
  'POST /me/subscriptions': '同意接收订阅消息',
  'POST /me/close': '注销账号',
  'POST /photos': '上传心愿照片',
  'POST /wechat/media-check': '微信照片审核结果',
  'POST /wishes': '发布心愿',
  'POST /wishes/:id/approve': '审核通过心愿',
  'POST /wishes/:id/reject': '驳回心愿',
  'POST /wishes/:id/cancel': '取消心愿',
  'POST /wishes/:id/claim': '认领心愿',
  'POST /wishes/:id/release': '放弃认领心愿',
  'POST /wishes/:id/complete': '完成心愿服务',
  'POST /wishes/:id/confirm': '确认心愿',
  'GET /wishes/:id': '查看心愿的地址和电话',
  'GET /bookings/:id': '查看他人的预约',
  'GET /clinics/:id/roster': '查看义诊名单',
  'GET /jobs/:id/applications': '查看岗位报名名单',
  'GET /activities/:id/roster': '查看活动报名名单',
}

/** What an answered request tells the trail, before the store gives it an id and the resident's name. */
export interface AuditFact {
  kind: AuditKind
  actor: Person
  residentId: string | null
  onBehalf: boolean
  action: string
  recordId: string | null
}

type Answer = Record<string, unknown> | null

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)

/** The account a record belongs to: a wish's owner, a booking's account, an application's applicant. */
function ownerOf(answer: Answer): string | null {
  return text(answer?.ownerId) ?? text(answer?.accountId) ?? text(answer?.applicantId)
}

/** Reads that show a resident's details unmasked to someone else: null when this one did not. */
function readFact(action: string, actor: Person, params: Record<string, string>, answer: Answer): Omit<AuditFact, 'kind' | 'actor' | 'action' | 'onBehalf'> | null {
  switch (action) {
    case 'GET /wishes/:id':
    case 'GET /bookings/:id': {
      const owner = ownerOf(answer)
      // The owner reading their own record, or a masked view (no full phone), is nothing to log.
      if (!owner || owner === actor.id || isMaskedPhone(answer?.phone)) return null
      return { residentId: owner, recordId: params.id }
    }
    case 'GET /clinics/:id/roster':
    case 'GET /mediation/slots/:id/bookings':
    case 'GET /jobs/:id/applications':
    case 'GET /activities/:id/roster':
      return { residentId: null, recordId: params.id }
    default:
      return null
  }
}

/**
 * The trail's entry for an answered request, or null. Every write with a
 * known actor is one (sign-in names the actor in its answer); reads only when
 * they showed someone else's details unmasked.
 */
export function auditFactOf(method: string, pattern: string, params: Record<string, string>, caller: Person | null, answer: unknown): AuditFact | null {
  const action = `${method} ${pattern}`
  const body = answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as Record<string, unknown>) : null
  // Signing in (or switching account) is done by the account the answer names, not the one before it.
  const signedIn = pattern.startsWith('/auth/') ? (body?.user as Person | undefined) : undefined
  const actor = signedIn ?? caller
  if (!actor) return null
  if (method === 'GET') {
    const read = readFact(action, actor, params, body)
    return read && { kind: 'read', actor, action, onBehalf: false, ...read }
  }
  const actedBy = body?.actedBy as { id?: string } | undefined
  const owner = ownerOf(body)
  // Whose data: the record's owner; an account's own changes; the account whose role staff changed.
  const residentId = owner ?? (pattern.startsWith('/staff/accounts/') ? params.id : pattern.startsWith('/me') || pattern.startsWith('/auth') ? actor.id : null)
  return {
    kind: 'write',
    actor,
    residentId,
    onBehalf: !!actedBy && actedBy.id === actor.id && owner !== actor.id,
    action,
    recordId: params.id ?? text(body?.id),
  }
}

/** The label of an action; a route without one shows as itself (a test keeps the list whole). */
export function auditLabel(action: string): string {
  return AUDIT_LABEL[action] ?? action
}

/** Whether an entry (its time is China time, so its first 10 characters are the China day) lies within the filter's span. */
export function withinDays(at: string, filter: Pick<AuditFilter, 'from' | 'to'>): boolean {
  const day = at.slice(0, 10)
  return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to)
}
