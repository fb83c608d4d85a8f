/* Races decided by the database: two server processes on one PostgreSQL
 * database, requests spread over both. Each figure is printed as well. */
import fs from 'fs'
import path from 'path'
import { failureCount } from '../support/tally'
import { freshPostgresUrl } from '../support/postgres'
import { RACE_LIMITS, startServerProcess, type ServerProcess } from '../support/serverProcess'
import { APPLICATION, PATIENT, CLINIC, WISH } from '../contract/drafts'

let servers: ServerProcess[] = []
let keys = 0
const figures: string[] = []

interface Answer {
  status: number
  body: Record<string, unknown> & { id?: string; token?: string; status?: string; error?: { code: string } }
}

async function call(server: ServerProcess, method: string, url: string, body: unknown, token: string | null, key = `race-${(keys += 1)}`): Promise<Answer> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(method === 'GET' ? {} : { 'Idempotency-Key': key }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Answer['body'] }
}

/** Request i goes to server i mod 2. */
const on = (i: number) => servers[i % servers.length]

async function demoToken(account: string): Promise<string> {
  return (await call(servers[0], 'POST', '/auth/demo', { accountId: account }, null)).body.token!
}

/** Opens keep-alive connections to both servers first, so a burst arrives at once and not one handshake at a time. */
async function warmUp(perServer: number): Promise<void> {
  await Promise.all(servers.flatMap((server) => Array.from({ length: perServer }, () => call(server, 'GET', '/meta', undefined, null))))
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await run()
  figures.push(`${label}: ${Math.round(performance.now() - start)} ms`)
  return result
}

beforeAll(async () => {
  const env = { DATABASE_URL: await freshPostgresUrl('races'), DEMO: '1', ...RACE_LIMITS }
  // Started together: migrations and the demo seed run once, under advisory locks.
  servers = await Promise.all([startServerProcess(env), startServerProcess(env)])
}, 60000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  const report = `Races on PostgreSQL, two server processes:\n  ${figures.join('\n  ')}`
  console.log(report)
  const out = path.join(__dirname, '..', '..', '.tmp', 'test-results')
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(path.join(out, 'races.txt'), `${report}\n`)
})

describe('two server processes on one PostgreSQL', () => {
  it('lets exactly 1 of 50 simultaneous claims of one wish win', async () => {
    const tokens = [await demoToken('volunteer'), await demoToken('volunteer2')]
    const open = await call(servers[0], 'GET', '/wishes/open', undefined, tokens[0])
    const id = (open.body.items as { id: string }[])[0].id
    await warmUp(25)
    const answers = await timed('50 claims of one wish', () => Promise.all(Array.from({ length: 50 }, (_, i) => call(on(i), 'POST', `/wishes/${id}/claim`, {}, tokens[i % 2]))))
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(failureCount(answers, 409, 'CONFLICT')).toBe(49)
    const wish = await call(servers[1], 'GET', `/wishes/${id}`, undefined, tokens[0])
    expect(wish.body.status).toBe('claimed')
  })

  it('books exactly 10 of 200 simultaneous bookings of a capacity-10 slot from 200 accounts; the rest wait', async () => {
    const staff = await demoToken('staff')
    const clinic = await call(servers[0], 'POST', '/clinics', { ...CLINIC, date: '2099-12-01', slots: [{ id: '', start: '09:00', end: '10:00', capacity: 10 }] }, staff)
    expect(clinic.status).toBe(201)
    const slot = (clinic.body.slots as { id: string }[])[0].id
    const residents = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const phone = `1390000${String(i).padStart(4, '0')}`
        const signed = await call(on(i), 'POST', '/auth/phone', { code: `phone:${phone}`, gridCode: 'DA0103' }, null)
        return { token: signed.body.token!, phone }
      }),
    )
    await warmUp(50)
    const answers = await timed('200 bookings of a capacity-10 slot', () =>
      Promise.all(
        residents.map((r, i) => call(on(i), 'POST', `/clinics/${clinic.body.id}/slots/${slot}/bookings`, { ...PATIENT, patientName: `居民${i}`, phone: r.phone }, r.token)),
      ),
    )
    expect(answers.every((a) => a.status === 201)).toBe(true)
    expect(answers.filter((a) => a.body.status === 'booked')).toHaveLength(10)
    expect(answers.filter((a) => a.body.status === 'waiting')).toHaveLength(190)
    const roster = await call(servers[1], 'GET', `/clinics/${clinic.body.id}/roster`, undefined, staff)
    expect(roster.body.attendance).toMatchObject({ booked: 10, waiting: 190 })
    const queue = (roster.body.bookings as { status: string; queueNumber: number | null }[]).filter((b) => b.status === 'booked').map((b) => b.queueNumber)
    expect(queue.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('stores 1 of 20 simultaneous applications of one resident to one posting', async () => {
    const resident = await demoToken('resident')
    const jobs = await call(servers[0], 'GET', '/jobs', undefined, null)
    const posting = (jobs.body.items as { id: string }[]).find((p) => p.id !== 'j1')!.id
    const answers = await timed('20 applications of one resident', () =>
      Promise.all(Array.from({ length: 20 }, (_, i) => call(on(i), 'POST', `/jobs/${posting}/applications`, APPLICATION, resident))),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(failureCount(answers, 409, 'CONFLICT')).toBe(19)
    const mine = await call(servers[1], 'GET', '/applications/mine', undefined, resident)
    expect((mine.body as unknown as { posting: { id: string } }[]).filter((a) => a.posting.id === posting)).toHaveLength(1)
  })

  it('stores one record for 10 simultaneous requests with one key, and gives all 10 its answer', async () => {
    const elder = (await call(servers[0], 'POST', '/auth/phone', { code: 'phone:13911112222', gridCode: 'DA0103' }, null)).body.token!
    const answers = await timed('10 requests with one key', () =>
      Promise.all(Array.from({ length: 10 }, (_, i) => call(on(i), 'POST', '/wishes', { ...WISH, phone: '13911112222' }, elder, 'one-key-for-all'))),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201))
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    const mine = await call(servers[1], 'GET', '/wishes/mine', undefined, elder)
    expect((mine.body.items as { id: string }[]).map((w) => w.id)).toEqual([answers[0].body.id])
  })
})
