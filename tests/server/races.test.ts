/* Races decided by the database: two server processes on one PostgreSQL
 * database, requests spread over both. Each figure is printed as well. */
import fs from 'fs'
import path from 'path'
import { failureCount } from '../support/tally'
import { freshPostgresUrl } from '../support/postgres'
import { RACE_LIMITS, startServerProcess, type ServerProcess } from '../support/serverProcess'
import { ACTIVITY, APPLICATION, PATIENT, CLINIC, WISH } from '../contract/drafts'

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

/** Signs in `count` new residents of grid DA0103 by phone, over both servers. */
async function residentsByPhone(prefix: string, count: number): Promise<{ token: string; phone: string }[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const phone = `${prefix}${String(i).padStart(4, '0')}`
      const signed = await call(on(i), 'POST', '/auth/phone', { code: `phone:${phone}`, gridCode: 'DA0103' }, null)
      return { token: signed.body.token!, phone }
    }),
  )
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

  it('counts 50 simultaneous 我也遇到 from one account once', async () => {
    const elder = await demoToken('elder')
    await warmUp(25)
    const answers = await timed('50 我也遇到 from one account', () => Promise.all(Array.from({ length: 50 }, (_, i) => call(on(i), 'POST', '/matters/mt-seed-1/affected', {}, elder))))
    expect(answers.filter((a) => a.status >= 300)).toEqual([])
    const matter = await call(servers[1], 'GET', '/matters/mt-seed-1', undefined, elder)
    expect([matter.body.affected, matter.body.affectedByMe]).toEqual([1, true])
  })

  it('books exactly 3 of 100 simultaneous mediation bookings of a 3-place slot', async () => {
    const staff = await demoToken('staff')
    const slot = await call(servers[0], 'POST', '/mediation/slots', { date: '2099-12-01', start: '09:00', end: '10:00', place: '法官工作站', capacity: 3 }, staff)
    expect(slot.status).toBe(201)
    const residents = await residentsByPhone('1370000', 100)
    await warmUp(50)
    const answers = await timed('100 mediation bookings of a 3-place slot', () =>
      Promise.all(residents.map((r, i) => call(on(i), 'POST', `/mediation/slots/${slot.body.id}/bookings`, { name: `居民${i}`, phone: r.phone, description: '楼上邻居家漏水到我家，协商几次都没有结果' }, r.token))),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3)
    expect(failureCount(answers, 409, 'CONFLICT')).toBe(97)
    const booked = await call(servers[1], 'GET', `/mediation/slots/${slot.body.id}/bookings`, undefined, staff)
    expect((booked.body as unknown as { status: string }[]).filter((b) => b.status === 'booked')).toHaveLength(3)
  })

  it('signs up exactly 20 of 100 simultaneous volunteers for a 20-place activity, 20 more waiting', async () => {
    const staff = await demoToken('staff')
    const activity = await call(servers[0], 'POST', '/activities', { ...ACTIVITY, date: '2099-12-05', deadline: '2099-12-04T18:00:00+08:00' }, staff)
    expect(activity.status).toBe(201)
    const people = await residentsByPhone('1380000', 100)
    await warmUp(50)
    const answers = await timed('100 sign-ups for a 20-place activity', () => Promise.all(people.map((p, i) => call(on(i), 'POST', `/activities/${activity.body.id}/signups`, {}, p.token))))
    expect(answers.filter((a) => a.body.status === 'joined')).toHaveLength(20)
    expect(answers.filter((a) => a.body.status === 'waiting')).toHaveLength(20)
    expect(failureCount(answers, 409, 'CONFLICT')).toBe(60)
    const roster = await call(servers[1], 'GET', `/activities/${activity.body.id}/roster`, undefined, staff)
    expect([(roster.body.activity as { placesLeft: number }).placesLeft, (roster.body.signUps as unknown[]).length]).toEqual([0, 40])
  })

  it('books a room hour up to its capacity and no further under 50 simultaneous bookings', async () => {
    // The first bookable hour of the 棋牌室 in the coming days (the server runs on the real clock).
    const slotsOf = async (day: number) => {
      const date = new Date(Date.now() + 8 * 3600_000 + day * 86400_000).toISOString().slice(0, 10)
      return (await call(servers[0], 'GET', `/rooms/m2/slots?date=${date}`, undefined, null)).body as unknown as { date: string; start: string; placesLeft: number; bookable: boolean }[]
    }
    let hour: { date: string; start: string; placesLeft: number } | undefined
    for (let day = 1; !hour && day <= 6; day++) hour = (await slotsOf(day)).find((s) => s.bookable)
    expect(hour).toBeDefined()
    const people = await residentsByPhone('1360000', 50)
    await warmUp(25)
    const answers = await timed(`50 bookings of one room hour (${hour!.placesLeft} places)`, () =>
      Promise.all(people.map((p, i) => call(on(i), 'POST', '/rooms/m2/bookings', { date: hour!.date, start: hour!.start }, p.token))),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(hour!.placesLeft)
    expect(failureCount(answers, 409, 'CONFLICT')).toBe(50 - hour!.placesLeft)
    const after = (await call(servers[1], 'GET', `/rooms/m2/slots?date=${hour!.date}`, undefined, null)).body as unknown as { start: string; placesLeft: number }[]
    expect(after.find((s) => s.start === hour!.start)?.placesLeft).toBe(0)
  })
})
