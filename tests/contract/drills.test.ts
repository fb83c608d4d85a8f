/* Fault drills: the real http client → a fault-injecting proxy → the mock
 * backend over HTTP. Each drill records expected vs observed; afterAll prints
 * the table and writes it to .tmp/test-results/fault-drills.txt. */
import fs from 'fs'
import path from 'path'
import { createClient, newIdempotencyKey } from '../../src/api/client'
import type { Api } from '../../src/api/contract'
import { createHttpTransport } from '../../src/api/httpTransport'
import type { MemoryData, MemoryStore } from '../../backend/memoryStore'
import { revokeSession, startDemoServer } from '../support/demoServer'
import { startFaultProxy, type FaultProxy, type ProxyFault } from '../support/faultProxy'
import { nodeRequest } from '../support/nodeRequest'
import { APPLICATION as application, PATIENT as patient, WISH as wish } from './drafts'

// Wednesday 10:00 China time: clinic c1 (Thursday) is open for booking.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const TIMEOUT_MS = 500
const SLOW_MS = 1200 // the proxy's "slow" answer comes well after the client gave up


interface Rig {
  api: Api
  store: MemoryStore
  proxy: FaultProxy
  logins: number
  /** Re-login hands out a session the backend has already dropped. */
  revokeFreshSessions: boolean
  token: string | null
  signInAs(accountId: string): Promise<void>
  close(): Promise<void>
}

/** A fresh backend, its HTTP server, the proxy in front, and a client with silent re-login. */
async function startRig(): Promise<Rig> {
  const server = await startDemoServer({ now: () => T0 })
  const store = server.store
  const proxy = await startFaultProxy(server.url, SLOW_MS)
  const transport = createHttpTransport({ baseUrl: proxy.url, request: nodeRequest, timeoutMs: TIMEOUT_MS, readRetries: 2, backoffMs: 10 })
  let account = 'resident'
  const rig: Rig = {
    store,
    proxy,
    logins: 0,
    revokeFreshSessions: false,
    token: null,
    api: createClient({
      transport,
      getToken: () => rig.token,
      // What the app does: a silent sign-in as the same person (demo:<id> on the mock).
      reauthenticate: async () => {
        rig.logins += 1
        const { token } = await rig.api.login(`demo:${account}`)
        if (rig.revokeFreshSessions) await revokeSession(store, token)
        return (rig.token = token)
      },
    }),
    async signInAs(accountId) {
      account = accountId
      rig.token = (await rig.api.switchDemoAccount(accountId)).token
      proxy.seen.length = 0
    },
    async close() {
      await proxy.close()
      await server.close()
    },
  }
  return rig
}

let rig: Rig
beforeEach(async () => {
  rig = await startRig()
})
afterEach(() => rig.close())

/** 'ok' or the error code the call failed with. */
const outcome = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? String(error),
  )

const requests = () => rig.proxy.seen.length
const times = (n: number) => `${n} request${n === 1 ? '' : 's'}`

// The table: one row per drill.
interface Row {
  drill: string
  expected: string
  observed: string
  records: string
}
const rows: Row[] = []

function check(drill: string, expected: string, observed: string, records = '–') {
  rows.push({ drill, expected, observed, records })
  expect(observed).toBe(expected)
}

afterAll(() => {
  const header: Row = { drill: 'drill', expected: 'expected', observed: 'observed', records: 'records stored' }
  const all = [header, ...rows]
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length))
  const line = (r: Row) =>
    [r.drill.padEnd(width('drill')), r.expected.padEnd(width('expected')), r.observed.padEnd(width('observed')), r.records.padEnd(width('records')), r === header ? 'verdict' : r.expected === r.observed ? 'PASS' : 'FAIL'].join(' | ')
  const text = [
    'Fault drills: http client → fault proxy → mock backend over HTTP',
    `(client timeout ${TIMEOUT_MS} ms, reads retried twice, writes never retried by the client)`,
    '',
    line(header),
    ...rows.map(line),
    '',
    'Typed input kept after a failed write, and the retry reuses the Idempotency-Key (page tests, npx jest -c tests/jest.pages.config.js):',
    '  post a wish:     tests/pages/wish.test.tsx   "keeps the draft and its key after a network failure, and the retry posts once"',
    '  book a clinic:   tests/pages/clinic.test.tsx "keeps everything after a network failure and retries with the same key"',
    '  apply for a job: tests/pages/jobs.test.tsx   "keeps the note after a network failure and retries with the same key"',
    '',
  ].join('\n')
  const dir = path.join(__dirname, '..', '..', '.tmp', 'test-results')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'fault-drills.txt'), text)
  process.stdout.write(`\n${text}`)
})

describe('fault drills: reads', () => {
  const read = () => rig.api.getMeta()

  it.each<[string, ProxyFault[], string]>([
    ['slow server, every attempt', ['slow', 'slow', 'slow'], `TIMEOUT after ${times(3)}`],
    ['slow server once', ['slow'], `ok after ${times(2)}`],
    ['500, every attempt', ['500', '500', '500'], `SERVER after ${times(3)}`],
    ['500 once', ['500'], `ok after ${times(2)}`],
    ['connection closed before the answer', ['reset', 'reset', 'reset'], `NETWORK after ${times(3)}`],
    ['response cut mid-body', ['cut', 'cut', 'cut'], `NETWORK after ${times(3)}`],
    ['malformed JSON', ['badjson', 'badjson', 'badjson'], `SERVER after ${times(3)}`],
  ])('read (GET /meta): %s', async (drill, faults, expected) => {
    rig.proxy.fail(...faults)
    const result = await outcome(read())
    check(`read: ${drill}`, expected, `${result} after ${times(requests())}`)
  })

  it('read: connection refused', async () => {
    await rig.proxy.setOffline(true)
    const result = await outcome(read())
    await rig.proxy.setOffline(false)
    const recovered = await outcome(read())
    check('read: connection refused, then back', 'NETWORK, then ok', `${result}, then ${recovered}`)
  })
})

describe('fault drills: expired token (401)', () => {
  it('three concurrent requests share one silent re-login, each retried once', async () => {
    await rig.signInAs('resident')
    const before = rig.store.snapshot().wishes.length
    await revokeSession(rig.store, rig.token!) // the session expires on the server
    const results = await Promise.all([
      outcome(rig.api.getMe()),
      outcome(rig.api.listMyWishes()),
      outcome(rig.api.postWish(wish, { idempotencyKey: 'wish-401' })),
    ])
    const keys = rig.proxy.seen.filter((s) => s.method === 'POST' && s.path === '/wishes').map((s) => s.idempotencyKey)
    const retried = rig.proxy.seen.filter((s) => !s.path.startsWith('/auth/')).length
    check(
      '401 expired token: getMe + listMyWishes + postWish at once',
      'ok ok ok, 1 login, 6 requests, write key kept',
      `${results.join(' ')}, ${rig.logins} login, ${times(retried)}, write key ${keys.length === 2 && keys[0] === keys[1] && keys[0] === 'wish-401' ? 'kept' : `changed (${keys.join(', ')})`}`,
      `${rig.store.snapshot().wishes.length - before} wish`,
    )
  })

  it('a 401 after the re-login reaches the caller as UNAUTHORIZED', async () => {
    await rig.signInAs('resident')
    await revokeSession(rig.store, rig.token!)
    rig.revokeFreshSessions = true
    const result = await outcome(rig.api.getMe())
    const sent = rig.proxy.seen.filter((s) => !s.path.startsWith('/auth/')).length
    check('401 again after the re-login', `UNAUTHORIZED, 1 login, ${times(2)}`, `${result}, ${rig.logins} login, ${times(sent)}`)
  })
})

interface Flow {
  name: string
  account: string
  submit: (api: Api, idempotencyKey: string) => Promise<{ id: string }>
  records: (db: MemoryData) => { id: string }[]
  noun: string
}

const FLOWS: Flow[] = [
  { name: 'post a wish', account: 'resident', submit: (api, idempotencyKey) => api.postWish(wish, { idempotencyKey }), records: (db) => db.wishes, noun: 'wish' },
  { name: 'book a clinic', account: 'elder', submit: (api, idempotencyKey) => api.bookClinic('c1', 't2', patient, { idempotencyKey }), records: (db) => db.bookings, noun: 'booking' },
  { name: 'apply for a job', account: 'resident', submit: (api, idempotencyKey) => api.applyForJob('j1', application, { idempotencyKey }), records: (db) => db.applications, noun: 'application' },
]

interface Mode {
  name: string
  /** The proxy fault, or 'refused' for a proxy that stops listening. */
  fault: ProxyFault | 'refused'
  code: string
  /** Whether the backend stored the write although the client saw a failure. */
  stored: boolean
}

const MODES: Mode[] = [
  { name: 'connection refused', fault: 'refused', code: 'NETWORK', stored: false },
  { name: '500 before storing', fault: '500', code: 'SERVER', stored: false },
  { name: 'timeout before storing', fault: 'hang', code: 'TIMEOUT', stored: false },
  { name: 'timeout after storing', fault: 'slow', code: 'TIMEOUT', stored: true },
  { name: 'answer dropped after storing', fault: 'drop', code: 'NETWORK', stored: true },
  { name: 'answer cut mid-body after storing', fault: 'cut', code: 'NETWORK', stored: true },
  { name: 'malformed JSON after storing', fault: 'badjson', code: 'SERVER', stored: true },
]

describe.each(FLOWS)('fault drills: $name, then the user retries with the same key', (flow) => {
  it.each(MODES)('$name', async (mode) => {
    await rig.signInAs(flow.account)
    const records = () => flow.records(rig.store.snapshot())
    const before = records().length
    const key = newIdempotencyKey()

    if (mode.fault === 'refused') await rig.proxy.setOffline(true)
    else rig.proxy.fail(mode.fault)
    const first = await outcome(flow.submit(rig.api, key))
    const afterFirst = records().length - before
    if (mode.fault === 'refused') await rig.proxy.setOffline(false)
    const attempts = rig.proxy.seen.length // what reached the proxy on the first try

    const retry = await flow.submit(rig.api, key)
    const stored = records().slice(before)
    const sameRecord = stored.length === 1 && retry.id === stored[0].id

    check(
      `${flow.name}: ${mode.name}`,
      `${mode.code} (${mode.fault === 'refused' ? 0 : 1} sent, ${mode.stored ? 'stored' : 'not stored'}) → retry ok, same record`,
      `${first} (${attempts} sent, ${afterFirst ? 'stored' : 'not stored'}) → retry ok, ${sameRecord ? 'same record' : `answer ${retry.id}, stored ${stored.map((r) => r.id).join(',')}`}`,
      `${stored.length} ${flow.noun}`,
    )
    expect(stored).toHaveLength(1)
  })
})
