/* Subscribe-message drills: server processes with the outbox worker on one
 * PostgreSQL database, against a local fake WeChat. Each message that a
 * person granted is accepted by WeChat exactly once: when WeChat answers
 * errors first, when the worker is killed mid-send and another takes over
 * after the lease, and when two workers poll at once. The figures are printed
 * and written to .tmp/test-results/outbox.txt. */
import fs from 'fs'
import path from 'path'
import type { MessageDraft } from '../../src/domain/messages'
import { readConfig } from '../../server/config'
import { FieldCipher } from '../../server/fieldCipher'
import { PgStore } from '../../server/pgStore'
import { pgDatabase, type SqlDatabase } from '../../server/sql'
import { CLINIC, PATIENT } from '../contract/drafts'
import { startFakeWechat, type FakeWechat } from '../support/fakeWechat'
import { freshPostgresUrl } from '../support/postgres'
import { RACE_LIMITS, startServerProcess, type ServerProcess } from '../support/serverProcess'

const APPID = 'wx-outbox-appid'
const SECRET = 'outbox-secret'
const LEASE_MS = 3000
const RETRY_MS = 200
const figures: string[] = []

let wechat: FakeWechat
let servers: ServerProcess[] = []
let databases: SqlDatabase[] = []

function envFor(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DEMO: '1',
    WORKER: '1',
    WECHAT_APPID: APPID,
    WECHAT_SECRET: SECRET,
    WECHAT_API_BASE: wechat.url,
    CONTENT_CHECK: 'off',
    SUBSCRIBE_TEMPLATE_BOOKING: 'tmplBooking',
    SUBSCRIBE_TEMPLATE_REMINDER: 'tmplReminder',
    OUTBOX_POLL_MS: '100',
    OUTBOX_LEASE_MS: String(LEASE_MS),
    OUTBOX_RETRY_MS: String(RETRY_MS),
    OUTBOX_MAX_ATTEMPTS: '5',
    ...RACE_LIMITS,
  }
}

/** The store as the server opens it (same data key and templates), for writing messages the way handlers do. */
function storeFor(env: Record<string, string>): PgStore {
  const config = readConfig(env)
  const database = pgDatabase(env.DATABASE_URL, 4)
  databases.push(database)
  return new PgStore(database, new FieldCipher(config.dataKeys), config.subscribe)
}

interface OutboxRow {
  event_key: string
  state: string
  attempts: number
  last_error: string | null
}

/** The outbox as it stands, read beside the store. */
async function outboxRows(_store: PgStore): Promise<OutboxRow[]> {
  const conn = await databases[0].connect()
  try {
    return (await conn.query<OutboxRow>('SELECT event_key, state, attempts, last_error FROM outbox ORDER BY id')).rows
  } finally {
    conn.release()
  }
}

async function until<T>(what: string, read: () => Promise<T> | T, done: (value: T) => boolean, ms = 30000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function call(server: ServerProcess, method: string, url: string, body: unknown, token: string | null): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `k-${Math.random()}`, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

const tokenOf = async (server: ServerProcess, account: string) => (await call(server, 'POST', '/auth/demo', { accountId: account }, null)).token as string

/** A message for each of `count` events to a demo account, each with a grant, written as a handler writes it. */
async function tell(store: PgStore, accountId: string, count: number, label: string): Promise<void> {
  const drafts: MessageDraft[] = Array.from({ length: count }, (_, i) => ({
    accountId,
    title: '候补成功，请按时就诊',
    body: `${label}${i}`,
    link: { kind: 'booking', id: `${label}${i}` },
    createdAt: new Date().toISOString(),
    eventKey: `booking:${label}${i}:promoted`,
  }))
  await store.transaction(async (repo) => {
    for (let i = 0; i < count; i++) await repo.recordSubscribeGrants(accountId, ['tmplBooking'])
    expect(await repo.insertMessages(drafts)).toBe(count)
  })
  // Written again (a retried change, a sweep finding the same event): nothing new, no second outbox row, no id used up.
  const ids = await lastRecordId()
  expect(await store.transaction((repo) => repo.insertMessages(drafts))).toBe(0)
  expect(await lastRecordId()).toBe(ids)
}

async function lastRecordId(): Promise<string> {
  const conn = await databases[0].connect()
  try {
    return (await conn.query<{ n: string }>('SELECT last_value::text AS n FROM record_ids')).rows[0].n
  } finally {
    conn.release()
  }
}

beforeEach(async () => {
  wechat = await startFakeWechat(APPID, SECRET)
})

afterEach(async () => {
  await Promise.all(servers.map((s) => s.kill()))
  servers = []
  await Promise.all(databases.map((d) => d.close()))
  databases = []
  await wechat.close()
})

afterAll(() => {
  const report = `Subscribe-message drills (outbox worker, PostgreSQL, fake WeChat):\n  ${figures.join('\n  ')}`
  console.log(report)
  const out = path.join(__dirname, '..', '..', '.tmp', 'test-results')
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(path.join(out, 'outbox.txt'), `${report}\n`)
})

it('sends a 候补成功 message once after WeChat answers errors twice, with growing waits between tries', async () => {
  const env = envFor(await freshPostgresUrl('outboxretry'))
  const server = await startServerProcess(env)
  servers.push(server)
  const store = storeFor(env)
  wechat.subscribeAnswer = (_request, index) => (index < 2 ? { errcode: -1, errmsg: 'system error' } : 'ok')

  const staff = await tokenOf(server, 'staff')
  const clinic = await call(server, 'POST', '/clinics', { ...CLINIC, date: '2099-12-01', slots: [{ id: '', start: '09:00', end: '10:00', capacity: 1 }] }, staff)
  const slot = (clinic.slots as { id: string }[])[0].id
  const resident = await tokenOf(server, 'resident')
  const elder = await tokenOf(server, 'elder')
  const held = await call(server, 'POST', `/clinics/${clinic.id}/slots/${slot}/bookings`, { ...PATIENT, patientName: '李明', phone: '13804521234' }, resident)
  // The elder taps 确认候补 and accepts the template: one send allowed.
  expect(await call(server, 'POST', '/me/subscriptions', { accepted: ['tmplBooking'] }, elder)).toEqual({ grants: [{ templateId: 'tmplBooking', remaining: 1 }] })
  const waiting = await call(server, 'POST', `/clinics/${clinic.id}/slots/${slot}/bookings`, PATIENT, elder)
  expect(waiting.status).toBe('waiting')
  const start = performance.now()
  await call(server, 'POST', `/bookings/${held.id}/cancel`, {}, resident)

  const rows = await until('the message sent', () => outboxRows(store), (r) => r.length === 1 && r[0].state === 'sent')
  const ms = Math.round(performance.now() - start)
  expect(rows[0]).toMatchObject({ event_key: `booking:${waiting.id}:promoted`, attempts: 3 })
  expect(wechat.delivered).toHaveLength(1)
  expect(wechat.delivered[0]).toMatchObject({ touser: 'demo:elder', template_id: 'tmplBooking', page: `clinic/pages/ticket/index?id=${waiting.id}`, miniprogram_state: 'formal' })
  expect(wechat.delivered[0].data.thing1).toEqual({ value: '候补成功，请按时就诊' })
  expect(wechat.subscribeRequests).toHaveLength(3)
  const [a, b, c] = wechat.subscribeRequests.map((r) => r.at)
  // Backoff: about 200 ms, then about 400 ms (plus the poll interval).
  expect(b - a).toBeGreaterThanOrEqual(RETRY_MS - 20)
  expect(c - b).toBeGreaterThanOrEqual(2 * RETRY_MS - 20)
  // The grant was used: the resident who cancelled, and anyone without a grant, get nothing.
  expect(wechat.delivered.map((d) => d.touser)).toEqual(['demo:elder'])
  figures.push(
    `errors then success: 1 message, ${wechat.subscribeRequests.length} send attempts (2 × errcode -1), 1 sent; waits ${Math.round(b - a)} ms then ${Math.round(c - b)} ms; ${ms} ms from the cancel to sent`,
  )
})

it('sends exactly once when the worker is killed mid-send and another takes over after the lease', async () => {
  const env = envFor(await freshPostgresUrl('outboxkill'))
  const first = await startServerProcess(env)
  servers.push(first)
  const store = storeFor(env)
  // WeChat hangs on the first request: the worker is killed while it waits.
  wechat.subscribeAnswer = (_request, index) => (index === 0 ? 'hang' : 'ok')
  await tell(store, 'elder', 5, 'kill')

  // Killed while WeChat holds the one request, after the others are marked sent (a kill between
  // WeChat's acceptance and that mark would resend: the window worker.ts names).
  await until('the first send to hang', () => outboxRows(store), (r) => wechat.subscribeRequests.length === 5 && r.filter((row) => row.state === 'sent').length === 4)
  const killedAt = performance.now()
  await first.kill()
  const afterKill = await outboxRows(store)
  const inFlight = afterKill.filter((r) => r.state === 'sending')
  expect(inFlight).toHaveLength(1)

  // Restarted (a new process): the killed worker's row waits for its lease to end, the rest go at once.
  const second = await startServerProcess(env)
  servers.push(second)
  const rows = await until('every message sent', () => outboxRows(store), (r) => r.every((row) => row.state === 'sent'))
  const ms = Math.round(performance.now() - killedAt)
  expect(rows).toHaveLength(5)
  const bodies = wechat.delivered.map((d) => d.data.thing2.value).sort()
  expect(bodies).toEqual(['kill0', 'kill1', 'kill2', 'kill3', 'kill4'])
  expect(rows.find((r) => r.event_key === inFlight[0].event_key)!.attempts).toBe(2)
  expect(ms).toBeGreaterThanOrEqual(LEASE_MS - 500)
  figures.push(
    `worker killed mid-send: 5 messages, ${wechat.subscribeRequests.length} send requests (1 hung when the process was SIGKILLed), ${wechat.delivered.length} sent, each once; the hung one resent after the ${LEASE_MS} ms lease, ${ms} ms after the kill`,
  )
})

it('sends each message exactly once with two workers polling one database', async () => {
  const env = envFor(await freshPostgresUrl('outboxtwo'))
  servers = await Promise.all([startServerProcess(env), startServerProcess(env)])
  const store = storeFor(env)
  const accounts = ['resident', 'elder', 'volunteer', 'volunteer2', 'staff']
  const perAccount = 20
  const start = performance.now()
  for (const account of accounts) await tell(store, account, perAccount, `${account}-`)
  const total = accounts.length * perAccount

  const rows = await until('every message sent', () => outboxRows(store), (r) => r.length === total && r.every((row) => row.state === 'sent'))
  const ms = Math.round(performance.now() - start)
  const keys = wechat.delivered.map((d) => `${d.touser} ${d.data.thing2.value}`)
  expect(keys).toHaveLength(total)
  expect(new Set(keys).size).toBe(total)
  expect(rows.every((r) => r.attempts === 1)).toBe(true)
  // No grant is left over, and none went negative.
  const left = await store.transaction((repo) => repo.recordSubscribeGrants('elder', []))
  expect(left).toEqual([{ templateId: 'tmplBooking', remaining: 0 }])
  const byWorker = new Map<string, number>()
  for (const d of wechat.delivered) byWorker.set(d.token, (byWorker.get(d.token) ?? 0) + 1)
  figures.push(
    `two workers at once: ${total} messages, ${wechat.subscribeRequests.length} send requests, ${wechat.delivered.length} sent (0 duplicates; ${[...byWorker.values()].join(' and ')} by each worker), all sent ${ms} ms after the first was written`,
  )
})
