/* The bad-input catalogue: every writable field of every write endpoint (and
 * the job search's query parameters) gets the same list of bad values over
 * real HTTP, one field at a time on an otherwise valid request. Each must come
 * back 422 VALIDATION naming that field, with a Chinese message that does not
 * echo the input, and change nothing in the database. Optional fields take
 * empty and whitespace-only as empty: those are checked to be stored as empty.
 * The figures are printed and written to .tmp/test-results/bad-input.txt. */
import fs from 'fs'
import path from 'path'
import type { MemoryData, MemoryStore } from '../../backend/memoryStore'
import type { RunningServer } from '../../mock/server'
import { startDemoServer } from '../support/demoServer'
import { ASSISTANCE } from '../../src/domain/clinic'
import { SUITED_TAGS } from '../../src/domain/jobs'
import { nodeRequest } from '../support/nodeRequest'
import { APPLICATION as application, POSTING as posting, CLINIC } from './drafts'

// Wednesday 2026-11-25 10:00 China time, as in the other contract suites.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const now = () => T0

type Account = 'resident' | 'elder' | 'volunteer' | 'staff'
type Kind = 'text' | 'phone' | 'number' | 'enum' | 'list' | 'date' | 'grid'

interface FieldSpec {
  /** The key the backend names in `error.fields`. */
  key: string
  kind: Kind
  /** Where the value goes in the body or query, when not at `key`. */
  at?: string[]
  /** Text: the most characters allowed. */
  max?: number
  /** One step past the limit, for kinds other than text. */
  over?: unknown
  optional?: boolean
}

interface EndpointSpec {
  name: string
  as: Account | null
  method: 'GET' | 'POST'
  path: string
  /** A valid request: the body, or the query of a GET. */
  valid: Record<string, unknown>
  fields: FieldSpec[]
  /** The record a successful write stored, to read an optional field back. */
  stored?: (db: MemoryData, answer: { id: string }) => unknown
}

const resident = { name: '陈淑珍', phone: '13945671234', gridCode: 'DA0103' }
/** Four photo ids: one too many, refused before anyone looks them up. */
const fourPhotos = ['ph1', 'ph2', 'ph3', 'ph4']
const wish = {
  category: '代买代办',
  title: '帮忙买降压药',
  description: '腿脚不便，想请人帮忙去药店买一盒降压药。',
  preferredTime: '周末上午',
  address: { building: '友谊路9号3栋', unit: '2单元', room: '102' },
  phone: '13804521234',
  photos: [],
}
const booking = { patientName: '李明', phone: '13804521234', age: 45, forWhom: '本人', symptoms: '偶尔胸闷', assistance: ['轮椅'] }
const slot = (i: number) => ({ id: `x${i}`, start: `${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${i % 6}0`, end: `${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${i % 6}5`, capacity: 5 })
const clinic = { ...CLINIC, slots: [slot(0)], notes: '请带医保卡' }

const text = (key: string, max: number, optional = false, at?: string[]): FieldSpec => ({ key, kind: 'text', max, optional, at })
const phone = (key: string, at?: string[]): FieldSpec => ({ key, kind: 'phone', at })
const forResidentFields: FieldSpec[] = [
  text('residentName', 20, false, ['forResident', 'name']),
  { ...phone('residentPhone', ['forResident', 'phone']) },
  { key: 'residentGrid', kind: 'grid', at: ['forResident', 'gridCode'], over: 'DA01030' },
]

const wishFields: FieldSpec[] = [
  { key: 'category', kind: 'enum' },
  text('title', 20),
  text('description', 200),
  text('preferredTime', 30, true),
  text('address.building', 20, false, ['address', 'building']),
  text('address.unit', 10, true, ['address', 'unit']),
  text('address.room', 10, false, ['address', 'room']),
  phone('phone'),
  { key: 'photos', kind: 'list', optional: true, over: fourPhotos },
]
const bookingFields: FieldSpec[] = [
  text('patientName', 20),
  phone('phone'),
  { key: 'age', kind: 'number', over: 121 },
  { key: 'forWhom', kind: 'enum' },
  text('symptoms', 200, true),
  { key: 'assistance', kind: 'list', optional: true, over: [...ASSISTANCE, ASSISTANCE[0]] },
]
const applicationFields: FieldSpec[] = [text('name', 20), phone('phone'), text('note', 200, true)]

const wishOf = (db: MemoryData, answer: { id: string }) => db.wishes.find((w) => w.id === answer.id)

const ENDPOINTS: EndpointSpec[] = [
  { name: 'POST /wishes', as: 'resident', method: 'POST', path: '/wishes', valid: wish, fields: wishFields, stored: wishOf },
  { name: 'POST /wishes/{id}/reject', as: 'staff', method: 'POST', path: '/wishes/w6/reject', valid: { reason: '请补充具体的时间' }, fields: [text('reason', 100)] },
  { name: 'POST /wishes/{id}/release', as: 'volunteer', method: 'POST', path: '/wishes/w3/release', valid: { reason: '这周临时出差' }, fields: [text('reason', 100)] },
  {
    name: 'POST /wishes/{id}/complete',
    as: 'volunteer',
    method: 'POST',
    path: '/wishes/w3/complete',
    valid: { note: '陪老人聊了一下午', hours: 2 },
    fields: [text('note', 200), { key: 'hours', kind: 'number', over: 12.5 }],
  },
  {
    name: 'POST /wishes/{id}/confirm',
    as: 'elder',
    method: 'POST',
    path: '/wishes/w2/confirm',
    valid: { rating: 5, thanks: '谢谢小赵' },
    fields: [{ key: 'rating', kind: 'number', over: 6 }, text('thanks', 100, true)],
    stored: wishOf,
  },
  {
    name: 'POST /clinics/{id}/slots/{slot}/bookings',
    as: 'resident',
    method: 'POST',
    path: '/clinics/c1/slots/t2/bookings',
    valid: booking,
    fields: bookingFields,
    stored: (db, answer) => db.bookings.find((b) => b.id === answer.id),
  },
  {
    name: 'POST /clinics',
    as: 'staff',
    method: 'POST',
    path: '/clinics',
    valid: clinic,
    fields: [
      text('title', 30),
      text('specialty', 10),
      text('doctors', 40),
      text('hospital', 30),
      text('place', 40),
      text('notes', 200, true),
      { key: 'date', kind: 'date' },
      { key: 'slots', kind: 'list', over: Array.from({ length: 21 }, (_, i) => slot(i)) },
      { key: 'cutoffMinutes', kind: 'number', over: 10081 },
      { key: 'opensAt', kind: 'date' },
    ],
    stored: (db, answer) => db.clinics.find((c) => c.id === answer.id),
  },
  {
    name: 'POST /jobs/{id}/applications',
    as: 'resident',
    method: 'POST',
    path: '/jobs/j1/applications',
    valid: { ...application },
    fields: applicationFields,
    stored: (db, answer) => db.applications.find((a) => a.id === answer.id),
  },
  {
    name: 'POST /jobs',
    as: 'staff',
    method: 'POST',
    path: '/jobs',
    valid: { ...posting },
    fields: [
      text('title', 30),
      text('employer', 30),
      { key: 'kind', kind: 'enum' },
      { key: 'payMin', kind: 'number', over: 100001 },
      { key: 'payMax', kind: 'number', over: 100001 },
      text('place', 40),
      text('hours', 40),
      text('requirements', 200),
      { key: 'tags', kind: 'list', over: [...SUITED_TAGS, SUITED_TAGS[0]] },
      text('contactName', 20),
      { key: 'contactPhone', kind: 'phone', over: '0452-586110311' },
      { key: 'expiresOn', kind: 'date' },
    ],
  },
  { name: 'POST /wishes + forResident', as: 'volunteer', method: 'POST', path: '/wishes', valid: { ...wish, forResident: resident }, fields: forResidentFields },
  {
    name: 'POST .../bookings + forResident',
    as: 'volunteer',
    method: 'POST',
    path: '/clinics/c1/slots/t2/bookings',
    valid: { ...booking, patientName: resident.name, phone: resident.phone, forResident: resident },
    fields: forResidentFields,
  },
  {
    name: 'POST .../applications + forResident',
    as: 'staff',
    method: 'POST',
    path: '/jobs/j1/applications',
    valid: { ...application, name: resident.name, phone: resident.phone, forResident: resident },
    fields: forResidentFields,
  },
  {
    name: 'GET /jobs (search)',
    as: null,
    method: 'GET',
    path: '/jobs',
    valid: { keyword: '编织', kind: '居家手工', tag: '女性', minPay: '2000' },
    fields: [text('keyword', 30, true), { key: 'kind', kind: 'enum', optional: true }, { key: 'tag', kind: 'enum', optional: true }, { key: 'minPay', kind: 'number', optional: true, over: '100001' }],
  },
]

interface BadValue {
  name: string
  value: unknown
  /** Empty as far as an optional field goes. */
  empty?: boolean
}

const LONG = 'a'.repeat(10_000)
const TEXTS: BadValue[] = [
  { name: 'emoji only', value: '🙏🙏🙏' },
  { name: 'right-to-left letters', value: 'مرحبا' },
  { name: 'direction override U+202E', value: '门\u202E牌' },
  { name: '<script>', value: '<script>alert(1)</script>' },
  { name: '10,000 characters', value: LONG },
]

function valueAt(obj: Record<string, unknown>, at: string[]): unknown {
  return at.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj)
}

/** A deep copy of the valid request with one field replaced. */
function withValue(valid: Record<string, unknown>, at: string[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>
  let target = copy
  for (const k of at.slice(0, -1)) target = target[k] as Record<string, unknown>
  target[at[at.length - 1]] = value
  return copy
}

/** The catalogue for one field: the same list for every field, shaped by its kind. */
function catalogue(endpoint: EndpointSpec, field: FieldSpec): BadValue[] {
  const at = field.at ?? [field.key]
  const valid = valueAt(endpoint.valid, at)
  const over: unknown = field.kind === 'text' ? '字'.repeat(field.max! + 1) : field.over ?? (field.kind === 'phone' ? `${valid}1` : `${String(valid)}0`)
  if (field.kind === 'list') {
    // A list's bad values are lists holding them; wrong types are anything but a list.
    return [
      { name: 'empty', value: [], empty: true },
      { name: 'whitespace only', value: ['  \t\u3000'] },
      { name: 'one over the maximum', value: over },
      ...TEXTS.map((t) => ({ ...t, value: [t.value] })),
      { name: 'type: number', value: 12345 },
      { name: 'type: object', value: { '0': valueAt(endpoint.valid, at) } },
      { name: 'type: string', value: 'x' },
      { name: 'type: null', value: null, empty: true },
      { name: 'type: boolean', value: true },
    ]
  }
  const values: BadValue[] = [
    { name: 'empty', value: '', empty: true },
    { name: 'whitespace only', value: '  \t\u3000 ', empty: true },
    { name: 'one over the maximum', value: over },
    ...TEXTS,
  ]
  // A query string carries text only: it has no types to get wrong.
  if (endpoint.method === 'GET') return values
  return [
    ...values,
    // Numbers are numbers already: their wrong types are the other four.
    ...(field.kind === 'number' ? [] : [{ name: 'type: number', value: 12345 }]),
    { name: 'type: object', value: { text: '帮忙' } },
    { name: 'type: array', value: ['帮忙'] },
    { name: 'type: null', value: null, empty: true },
    { name: 'type: boolean', value: true },
  ]
}

interface Answer {
  status: number
  body: { id: string; error?: { code: string; message: string; fields?: Record<string, string> } }
}

let keyCount = 0

async function send(server: RunningServer, method: 'GET' | 'POST', url: string, data: Record<string, unknown>, token: string | null): Promise<Answer> {
  const query = method === 'GET' ? `?${new URLSearchParams(data as Record<string, string>).toString()}` : ''
  const header: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET') {
    header['Content-Type'] = 'application/json'
    // Every write carries its own key, as the contract asks.
    header['Idempotency-Key'] = `bad-input-${(keyCount += 1)}`
  }
  if (token) header.Authorization = `Bearer ${token}`
  const res = await nodeRequest({ url: `${server.url}${url}${query}`, method, data: method === 'GET' ? undefined : data, header, timeout: 5000, dataType: 'text' })
  return { status: res.statusCode, body: JSON.parse(res.data as string) }
}

async function tokenFor(server: RunningServer, account: Account | null): Promise<string | null> {
  if (!account) return null
  const answer = (await send(server, 'POST', '/auth/demo', { accountId: account }, null)) as unknown as { body: { token: string } }
  return answer.body.token
}

/** Everything a write could store; ids, sessions and idempotency records aside. */
const records = (db: MemoryData) => JSON.stringify([db.users, db.wishes, db.clinics, db.bookings, db.postings, db.applications])

interface Figures {
  fields: number
  tried: number
  rejected: number
  acceptedEmpty: number
  stored: number
}

const figures = new Map<string, Figures>()
let server: RunningServer & { store: MemoryStore }

beforeAll(async () => {
  server = await startDemoServer({ now })
})

afterAll(async () => {
  await server.close()
  report()
})

describe('bad-input catalogue over HTTP', () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s accepts its valid request', async (_, endpoint) => {
    const fresh = await startDemoServer({ now })
    try {
      const answer = await send(fresh, endpoint.method, endpoint.path, endpoint.valid, await tokenFor(fresh, endpoint.as))
      expect([answer.status, answer.body.error]).toEqual([endpoint.method === 'GET' ? 200 : 201, undefined])
    } finally {
      await fresh.close()
    }
  })

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s rejects every bad value, naming the field, and stores nothing', async (_, endpoint) => {
    const token = await tokenFor(server, endpoint.as)
    const tally: Figures = { fields: endpoint.fields.length, tried: 0, rejected: 0, acceptedEmpty: 0, stored: 0 }
    figures.set(endpoint.name, tally)
    const problems: string[] = []
    for (const field of endpoint.fields) {
      const at = field.at ?? [field.key]
      for (const bad of catalogue(endpoint, field)) {
        tally.tried += 1
        const request = withValue(endpoint.valid, at, bad.value)
        const label = `${field.key} ← ${bad.name}`
        if (field.optional && bad.empty) {
          if (await acceptedAsEmpty(endpoint, field, request, problems, label)) tally.acceptedEmpty += 1
          continue
        }
        const before = records(server.store.snapshot())
        const answer = await send(server, endpoint.method, endpoint.path, request, token)
        if (records(server.store.snapshot()) !== before) {
          tally.stored += 1
          problems.push(`${label}: the database changed`)
        }
        const error = answer.body.error
        const message = error?.fields?.[field.key]
        if (answer.status !== 422 || error?.code !== 'VALIDATION' || !message) {
          problems.push(`${label}: ${answer.status} ${JSON.stringify(error ?? null)}`)
        } else if (!/[\u4e00-\u9fff]/.test(message) || message.includes('<script') || message.includes('alert(1)')) {
          problems.push(`${label}: message "${message}" is not a plain Chinese sentence`)
        } else tally.rejected += 1
      }
    }
    expect(problems).toEqual([])
    expect(tally.rejected + tally.acceptedEmpty).toBe(tally.tried)
  })
})

/**
 * An optional field left empty: the search runs, or the write succeeds on a
 * fresh backend (so no limit or duplicate gets in the way) and stores it empty.
 */
async function acceptedAsEmpty(endpoint: EndpointSpec, field: FieldSpec, request: Record<string, unknown>, problems: string[], label: string): Promise<boolean> {
  if (endpoint.method === 'GET') {
    const answer = await send(server, 'GET', endpoint.path, request, null)
    if (answer.status === 200) return true
    problems.push(`${label}: an empty optional search gave ${answer.status}`)
    return false
  }
  const fresh = await startDemoServer({ now })
  try {
    const answer = await send(fresh, endpoint.method, endpoint.path, request, await tokenFor(fresh, endpoint.as))
    const record = answer.status === 201 ? endpoint.stored?.(fresh.store.snapshot(), answer.body) : undefined
    const kept = record === undefined ? undefined : valueAt(record as Record<string, unknown>, field.at ?? [field.key])
    const expected = field.kind === 'list' ? [] : ''
    if (JSON.stringify(kept) === JSON.stringify(expected)) return true
    problems.push(`${label}: expected it stored as ${JSON.stringify(expected)}, got ${answer.status} ${JSON.stringify(kept ?? answer.body.error)}`)
    return false
  } finally {
    await fresh.close()
  }
}

function report(): void {
  const rows = ENDPOINTS.filter((e) => figures.has(e.name)).map((e) => [e.name, figures.get(e.name)!] as const)
  const total: Figures = { fields: 0, tried: 0, rejected: 0, acceptedEmpty: 0, stored: 0 }
  for (const [, f] of rows) for (const k of Object.keys(total) as (keyof Figures)[]) total[k] += f[k]
  const width = Math.max(...rows.map(([name]) => name.length), 10)
  const line = (name: string, f: Figures | Record<keyof Figures, string>) =>
    `${name.padEnd(width)}  ${[f.fields, f.tried, f.rejected, f.acceptedEmpty, f.stored].map((n, i) => String(n).padStart([6, 6, 9, 15, 7][i])).join('  ')}`
  const table = [
    'Bad-input catalogue: each value on an otherwise valid request, over HTTP to the mock server',
    line('endpoint', { fields: 'fields', tried: 'tried', rejected: 'rejected', acceptedEmpty: 'accepted-empty', stored: 'stored' }),
    ...rows.map(([name, f]) => line(name, f)),
    line('total', total),
    'rejected: 422 VALIDATION naming the field, in Chinese, nothing stored; accepted-empty: optional field left empty, stored as empty',
    'values: empty, whitespace only, one over the maximum, emoji only, right-to-left letters, U+202E override, <script>, 10,000 characters,',
    '        and (request bodies only) the wrong types number, object, array (or string for lists), null, boolean',
    '',
  ].join('\n')
  process.stdout.write(`\n${table}`)
  const dir = path.join(__dirname, '../../.tmp/test-results')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'bad-input.txt'), table)
}
