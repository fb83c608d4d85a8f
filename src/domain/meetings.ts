/**
 * 网格议事会, issue 16: staff schedule a meeting for a grid (China date and
 * time, place, who attends by role), put matters of that grid on its agenda,
 * record the decision on each, and publish the minutes (决议). Once
 * published, a meeting is read-only and the grid's residents see it.
 */
import { CHINA_OFFSET_MINUTES } from './chinaClock'
import { toChinaIso } from './chinaTime'
import type { Matter, MatterKind } from './matters'
import { RuleError, assertValid } from './rules'
import { checkText, collectErrors, type FieldErrors } from './validation'

export const ATTENDEE_ROLES = ['网格书记', '网格员', '楼栋长', '单元长', '居民代表'] as const
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number]

export interface Attendee {
  role: AttendeeRole
  name: string
}

export interface MeetingDraft {
  gridCode: string
  /** China date, YYYY-MM-DD. */
  date: string
  /** HH:mm, China time. */
  start: string
  place: string
  attendees: Attendee[]
}

export interface AgendaItem {
  matterId: string
  kind: MatterKind
  text: string
  /** Whether the matter is public: a private one is shown to the grid without its words. */
  public: boolean
  ownerId: string
  /** The decision recorded at the meeting; null until recorded. */
  decision: string | null
}

export type MeetingStatus = 'scheduled' | 'published'

export interface Meeting extends MeetingDraft {
  id: string
  status: MeetingStatus
  agenda: AgendaItem[]
  /** 决议: the minutes' summary, set when published. */
  minutes: string | null
  createdAt: string
  createdBy: { id: string; name: string }
  publishedAt: string | null
}

export interface MeetingActor {
  id: string
  name: string
  role: 'resident' | 'elder' | 'volunteer' | 'staff'
  gridCode: string | null
}

export const MEETING_PLACE_RULE = { label: '地点', max: 40 }
export const ATTENDEE_NAME_RULE = { label: '姓名', max: 10 }
export const DECISION_RULE = { label: '决议', max: 200 }
export const MINUTES_RULE = { label: '会议决议', max: 300 }
export const MAX_ATTENDEES = 20
export const MAX_AGENDA = 10

const DATE = /^\d{4}-\d{2}-\d{2}$/
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

/** The instant a meeting starts: its China date and time. */
export function meetingStartsAt(m: Pick<MeetingDraft, 'date' | 'start'>): number {
  return Date.parse(`${m.date}T${m.start}:00Z`) - CHINA_OFFSET_MINUTES * 60_000
}

function attendeesError(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return '请至少添加一位参会人员'
  if (value.length > MAX_ATTENDEES) return `参会人员最多${MAX_ATTENDEES}位`
  for (const a of value as Partial<Attendee>[]) {
    if (!a || typeof a !== 'object' || !ATTENDEE_ROLES.includes(a.role as AttendeeRole)) return '请为每位参会人员选择身份'
    const name = checkText(a.name, ATTENDEE_NAME_RULE)
    if (name) return `参会人员${name}`
  }
  return null
}

export function validateMeetingDraft(input: unknown, now: number): FieldErrors {
  const d = (input && typeof input === 'object' ? input : {}) as Partial<Record<keyof MeetingDraft, unknown>>
  const date = typeof d.date === 'string' && DATE.test(d.date) && !Number.isNaN(Date.parse(`${d.date}T00:00:00Z`)) ? d.date : null
  const start = typeof d.start === 'string' && CLOCK.test(d.start) ? d.start : null
  return collectErrors({
    gridCode: typeof d.gridCode === 'string' && d.gridCode ? null : '请选择网格',
    date: !date ? '请填写日期，如2026-12-08' : null,
    start: !start ? '请填写开始时间，如19:00' : date && meetingStartsAt({ date, start }) <= now ? '会议时间已经过去了' : null,
    place: checkText(d.place, MEETING_PLACE_RULE),
    attendees: attendeesError(d.attendees),
  })
}

const mayManage = (actor: MeetingActor) => actor.role === 'staff'

function assertManager(actor: MeetingActor): void {
  if (!mayManage(actor)) throw new RuleError('FORBIDDEN', '只有工作人员可以安排网格议事会')
}

function assertOpen(meeting: Meeting): void {
  if (meeting.status === 'published') throw new RuleError('CONFLICT', '决议已公布，不能再修改')
}

export function scheduleMeeting(input: unknown, actor: MeetingActor, id: string, now: number): Meeting {
  assertManager(actor)
  assertValid(validateMeetingDraft(input, now))
  const d = input as MeetingDraft
  return {
    id,
    gridCode: d.gridCode,
    date: d.date,
    start: d.start,
    place: d.place.trim(),
    attendees: d.attendees.map((a) => ({ role: a.role, name: a.name.trim() })),
    status: 'scheduled',
    agenda: [],
    minutes: null,
    createdAt: toChinaIso(now),
    createdBy: { id: actor.id, name: actor.name },
    publishedAt: null,
  }
}

/** Puts a matter of the meeting's grid on its agenda, once. */
export function addToAgenda(meeting: Meeting, matter: Matter, actor: MeetingActor): Meeting {
  assertManager(actor)
  assertOpen(meeting)
  if (matter.gridCode !== meeting.gridCode) throw new RuleError('VALIDATION', '只能讨论本网格的事项', { matterId: '这个事项不属于本网格' })
  if (meeting.agenda.some((i) => i.matterId === matter.id)) throw new RuleError('CONFLICT', '这个事项已经在议程上了')
  if (meeting.agenda.length >= MAX_AGENDA) throw new RuleError('CONFLICT', `一次议事会最多讨论${MAX_AGENDA}件事项`)
  const item: AgendaItem = { matterId: matter.id, kind: matter.kind, text: matter.text, public: matter.public, ownerId: matter.ownerId, decision: null }
  return { ...meeting, agenda: [...meeting.agenda, item] }
}

export function validateDecision(input: unknown): FieldErrors {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  return collectErrors({ decision: checkText(body.decision, DECISION_RULE) })
}

/** Records (or corrects, until published) the decision on one agenda item. */
export function recordDecision(meeting: Meeting, matterId: string, input: unknown, actor: MeetingActor): Meeting {
  assertManager(actor)
  assertOpen(meeting)
  if (!meeting.agenda.some((i) => i.matterId === matterId)) throw new RuleError('NOT_FOUND', '议程上没有这个事项')
  assertValid(validateDecision(input))
  const decision = String((input as Record<string, unknown>).decision).trim()
  return { ...meeting, agenda: meeting.agenda.map((i) => (i.matterId === matterId ? { ...i, decision } : i)) }
}

export function validateMinutes(meeting: Meeting, input: unknown): FieldErrors {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const undecided = meeting.agenda.filter((i) => !i.decision).length
  return collectErrors({
    minutes: checkText(body.minutes, MINUTES_RULE),
    agenda: meeting.agenda.length === 0 ? '议程上还没有事项' : undecided > 0 ? `还有${undecided}件事项没有记录决议` : null,
  })
}

/** Publishes the minutes: the grid's residents see them, and nothing changes after. */
export function publishMeeting(meeting: Meeting, input: unknown, actor: MeetingActor, now: number): Meeting {
  assertManager(actor)
  assertOpen(meeting)
  assertValid(validateMinutes(meeting, input))
  const minutes = String((input as Record<string, unknown>).minutes).trim()
  return { ...meeting, status: 'published', minutes, publishedAt: toChinaIso(now) }
}

/**
 * Staff see every meeting; grid workers their grid's, scheduled ones too;
 * residents of the grid only published ones. Others see nothing.
 */
export function mayViewMeeting(meeting: Pick<Meeting, 'gridCode' | 'status'>, viewer: MeetingActor): boolean {
  if (viewer.role === 'staff') return true
  if (viewer.gridCode !== meeting.gridCode) return false
  return viewer.role === 'volunteer' || meeting.status === 'published'
}

/** The meeting as this viewer may see it: a private matter on the agenda keeps its words from all but its owner, grid workers and staff. */
export function meetingFor(meeting: Meeting, viewer: MeetingActor): Meeting | null {
  if (!mayViewMeeting(meeting, viewer)) return null
  if (viewer.role === 'staff' || viewer.role === 'volunteer') return meeting
  return {
    ...meeting,
    createdBy: { id: '', name: meeting.createdBy.name },
    agenda: meeting.agenda.map((i) => (i.public || i.ownerId === viewer.id ? { ...i, ownerId: i.ownerId === viewer.id ? i.ownerId : '' } : { ...i, text: '', ownerId: '' })),
  }
}

/** What a matter's detail shows of a meeting it is on. */
export interface MatterMeeting {
  id: string
  date: string
  start: string
  place: string
  status: MeetingStatus
  decision: string | null
}

export function matterMeetingOf(meeting: Meeting, matterId: string): MatterMeeting | null {
  const item = meeting.agenda.find((i) => i.matterId === matterId)
  if (!item) return null
  return { id: meeting.id, date: meeting.date, start: meeting.start, place: meeting.place, status: meeting.status, decision: item.decision }
}

/** Newest meeting first (by its date and time), then by id. */
export function meetingOrder(a: Meeting, b: Meeting): number {
  return `${b.date} ${b.start}`.localeCompare(`${a.date} ${a.start}`) || b.id.localeCompare(a.id)
}
