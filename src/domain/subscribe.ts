/**
 * WeChat subscribe messages (订阅消息): which template tells of which event,
 * and what a template's fields hold. One template per kind of event; the
 * server sends a message only to someone who accepted that template (each
 * accept allows one send, WeChat's one-time subscription).
 */
import { chinaClock } from './chinaClock'
import type { Message, MessageLink } from './messages'

export const SUBSCRIBE_KINDS = ['booking', 'reminder', 'wish', 'wishOpened', 'application'] as const
export type SubscribeKind = (typeof SUBSCRIBE_KINDS)[number]

/** The kind of event a message tells of, from its event key (messages.ts names them). */
export function subscribeKindOf(eventKey: string): SubscribeKind | null {
  const [record, , event = ''] = eventKey.split(':')
  if (record === 'booking') return event.startsWith('remind-') ? 'reminder' : 'booking'
  if (record === 'clinic') return 'booking'
  if (record === 'wish') return event === 'opened' ? 'wishOpened' : 'wish'
  if (record === 'application') return 'application'
  return null
}

/** What a template field shows: the message's title, its text, or its time. */
export type FieldSource = 'title' | 'body' | 'at'

/** A template's fields, e.g. title → thing1; the keys come from the template chosen in WeChat's console. */
export type TemplateFields = { source: FieldSource; key: string }[]

/** Parses `title:thing1,body:thing2,at:time3`; null when it is not that shape. */
export function parseTemplateFields(spec: string): TemplateFields | null {
  const fields = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const [source, key] = pair.split(':').map((s) => s.trim())
      return { source: source as FieldSource, key }
    })
  const ok = fields.length > 0 && fields.every((f) => ['title', 'body', 'at'].includes(f.source) && /^[a-z_]+\d+$/.test(f.key ?? ''))
  return ok ? fields : null
}

/** WeChat refuses a field longer than its type allows: thing 20 characters, phrase 5, character_string 32. */
const LIMIT: Record<string, number> = { thing: 20, phrase: 5, character_string: 32, name: 10 }

function fit(key: string, text: string): string {
  const type = key.replace(/\d+$/, '')
  const max = LIMIT[type] ?? 20
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

/** "2026年12月3日 09:00": WeChat's time field, on the China clock. */
function timeText(iso: string): string {
  const { year, month, day, hour, minute } = chinaClock(iso)
  return `${year}年${month}月${day}日 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/** The `data` of subscribeMessage.send for a message. */
export function subscribeData(message: Pick<Message, 'title' | 'body' | 'createdAt'>, fields: TemplateFields): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const { source, key } of fields) {
    const value = source === 'at' ? timeText(message.createdAt) : fit(key, source === 'title' ? message.title : message.body)
    data[key] = { value }
  }
  return data
}

/** The mini-program page a message opens, from a pattern with `{id}`. */
export function pageOf(link: MessageLink, patterns: Record<MessageLink['kind'], string>): string {
  return patterns[link.kind].replace('{id}', encodeURIComponent(link.id))
}

/** The pages the subscribe messages open (the app's routes, without the leading slash). */
export const DEFAULT_PAGES: Record<MessageLink['kind'], string> = {
  booking: 'clinic/pages/ticket/index?id={id}',
  wish: 'wish/pages/detail/index?id={id}',
  application: 'jobs/pages/mine/index',
  matter: 'matters/pages/detail/index?id={id}',
  activity: 'activity/pages/detail/index?id={id}',
  roomBooking: 'rooms/pages/mine/index',
}
