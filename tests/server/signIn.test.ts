/* The real server with demo mode off, on PostgreSQL: WeChat sign-in against a
 * local fake WeChat API, the demo doors shut, the hard edges of HTTP, safe
 * request logs, migrations and the staff command. */
import { execFile } from 'child_process'
import { randomBytes } from 'crypto'
import fs from 'fs'
import path from 'path'
import { Writable } from 'stream'
import { promisify } from 'util'
import { seedDb } from '../../mock/seed'
import { buildApp } from '../../server/app'
import { ConfigError, readConfig, type ServerConfig } from '../../server/config'
import { migrate } from '../../server/migrations'
import { pgDatabase } from '../../server/sql'
import { serverBackend, startServer, type RunningApp } from '../../server/start'
import { PATIENT, CLINIC } from '../contract/drafts'
import { startFakeWechat, type FakeWechat } from '../support/fakeWechat'
import { freshPostgresUrl } from '../support/postgres'

const ROOT = path.join(__dirname, '..', '..')
/** A data key for this run only, as an operator would make one (openssl rand -base64 32). */
const DATA_KEY = randomBytes(32).toString('base64')
const APPID = 'wx-test-appid'
const SECRET = 'test-secret'

let wechat: FakeWechat
let databaseUrl: string
let config: ServerConfig
let server: RunningApp
let keys = 0

interface Answer {
  status: number
  body: { token?: string; user?: { id: string; role: string; name: string; phone: string }; error?: { code: string; message: string; fields?: Record<string, string> } } & Record<string, unknown>
}

async function call(method: string, url: string, body?: unknown, token?: string | null, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'Idempotency-Key': `k${(keys += 1)}` }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : {} }
}

/** Signs in with WeChat as `openid`, then confirms `phone`: what a resident does on 我的. */
async function signIn(openid: string, phone?: string): Promise<Answer['body']> {
  const login = await call('POST', '/auth/login', { code: wechat.loginCode(openid) })
  expect(login.status).toBe(201)
  if (!phone) return login.body
  const linked = await call('POST', '/auth/phone', { code: wechat.phoneCode(phone) }, login.body.token)
  expect(linked.status).toBe(201)
  return linked.body
}

beforeAll(async () => {
  wechat = await startFakeWechat(APPID, SECRET)
  databaseUrl = await freshPostgresUrl('server')
  config = {
    ...readConfig({ DATABASE_URL: databaseUrl, DATA_KEY, WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_API_BASE: wechat.url, RATE_LIMIT_SIGN_IN: '1000', RATE_LIMIT_WRITES_PER_USER: '1000' }),
    port: 0,
  }
  server = await startServer(config)
  // The sub-district's places (demo off: no seed, so the test loads them).
  const places = seedDb(Date.now())
  await server.store.transaction(async (repo) => {
    for (const c of places.communities) await repo.insertCommunity(c)
    for (const g of places.grids) await repo.insertGrid(g)
    await repo.insertUser({ id: 's-first', name: '刘芳', phone: '13704520011', role: 'staff', gridCode: null, openid: null })
  })
})

afterAll(async () => {
  await server?.close()
  await wechat?.close()
})

describe('configuration', () => {
  it('refuses to start without WeChat credentials unless demo mode is on, saying what is missing', () => {
    expect(() => readConfig({})).toThrow(ConfigError)
    expect(() => readConfig({})).toThrow(/WECHAT_APPID and WECHAT_SECRET missing/)
    expect(() => readConfig({ WECHAT_APPID: 'x' })).toThrow(/WECHAT_SECRET missing/)
    expect(readConfig({ DEMO: '1' }).demo).toBe(true)
    expect(() => readConfig({ DEMO: '1', PORT: 'abc' })).toThrow(/PORT/)
  })

  it('refuses to start without a data key unless demo mode is on, and names a malformed one', () => {
    const credentials = { WECHAT_APPID: 'x', WECHAT_SECRET: 'y' }
    expect(() => readConfig(credentials)).toThrow(/DATA_KEY missing/)
    expect(() => readConfig({ ...credentials, DATA_KEY: 'c2hvcnQ=' })).toThrow(/DATA_KEY must be 32 random bytes/)
    expect(() => readConfig({ ...credentials, DATA_KEY, DATA_KEY_PREVIOUS: 'c2hvcnQ=' })).toThrow(/DATA_KEY_PREVIOUS must be 32 random bytes/)
    expect(readConfig({ ...credentials, DATA_KEY }).dataKeys).toHaveLength(1)
    expect(readConfig({ DEMO: '1' }).demoDataKey).toBe(true)
  })
})

describe('demo doors with demo mode off', () => {
  it.each([
    ['POST', '/auth/demo', { accountId: 'staff' }],
    ['GET', '/auth/demo-accounts', undefined],
    ['POST', '/demo/reset', {}],
    ['POST', '/auth/login', { code: 'demo:staff' }],
    ['POST', '/auth/phone', { code: 'phone:13704520011' }],
  ])('%s %s answers 404', async (method, url, body) => {
    const answer = await call(method, url, body)
    expect([answer.status, answer.body.error?.code]).toEqual([404, 'NOT_FOUND'])
  })
})

describe('WeChat sign-in', () => {
  it('creates a resident at the first sign-in and finds the same account the next time', async () => {
    const first = await signIn('openid-li')
    expect(first.user).toMatchObject({ role: 'resident', name: '微信用户', phone: '' })
    const again = await signIn('openid-li')
    expect(again.user!.id).toBe(first.user!.id)
    expect(again.token).not.toBe(first.token)
    expect((await call('GET', '/me', undefined, first.token)).status).toBe(200)
  })

  it('answers a bad or used code with a typed error beside the field', async () => {
    const code = wechat.loginCode('openid-once')
    expect((await call('POST', '/auth/login', { code })).status).toBe(201)
    for (const bad of [code, 'never-issued']) {
      const answer = await call('POST', '/auth/login', { code: bad })
      expect([answer.status, answer.body.error?.code]).toEqual([422, 'VALIDATION'])
      expect(answer.body.error?.fields?.code).toMatch(/登录凭证/)
    }
  })

  it('links a booking made through 代办 to the resident who later signs in with that phone', async () => {
    const staff = await signIn('openid-liufang', '13704520011')
    expect(staff.user).toMatchObject({ id: 's-first', role: 'staff' })
    const clinic = await call('POST', '/clinics', { ...CLINIC, date: '2099-12-01', opensAt: '2026-01-01T08:00:00+08:00' }, staff.token)
    expect(clinic.status).toBe(201)
    const slot = (clinic.body.slots as { id: string }[])[0].id
    const booked = await call(
      'POST',
      `/clinics/${clinic.body.id}/slots/${slot}/bookings`,
      { ...PATIENT, patientName: '陈阿姨', phone: '13912345678', forResident: { name: '陈阿姨', phone: '13912345678', gridCode: 'DA0103' } },
      staff.token,
    )
    expect(booked.status).toBe(201)

    const chen = await signIn('openid-chen', '13912345678')
    expect(chen.user).toMatchObject({ name: '陈阿姨', phone: '13912345678', role: 'resident' })
    const mine = await call('GET', '/bookings/mine', undefined, chen.token)
    expect((mine.body as unknown as { id: string }[]).map((b) => b.id)).toEqual([booked.body.id])
    // The next sign-in with WeChat opens the same account straight away.
    expect((await signIn('openid-chen')).user!.id).toBe(chen.user!.id)
  })

  it('fetches the access token again once when WeChat says it expired', async () => {
    await signIn('openid-zhou', '13600001234')
    const before = wechat.tokensIssued()
    wechat.expireTokens()
    const zhou2 = await signIn('openid-zhou2', '13600005678')
    expect(zhou2.user!.phone).toBe('13600005678')
    expect(wechat.tokensIssued()).toBe(before + 1)
    // And the new token is kept: the next exchange fetches none.
    await signIn('openid-zhou3', '13600009999')
    expect(wechat.tokensIssued()).toBe(before + 1)
  })

  it('ends a session on logout', async () => {
    const { token } = await signIn('openid-logout')
    expect((await call('POST', '/auth/logout', {}, token)).status).toBe(201)
    expect((await call('GET', '/me', undefined, token)).status).toBe(401)
  })
})

describe("WeChat's content check", () => {
  it('refuses a wish whose title WeChat finds risky, beside the title, storing nothing; a clean one goes through', async () => {
    const login = await call('POST', '/auth/login', { code: wechat.loginCode('o-content'), gridCode: 'DA0103' })
    const token = login.body.token!
    wechat.refuseWords.add('赌博')
    const wish = { category: '生活帮扶', title: '想找人一起赌博', description: '周末在家', preferredTime: '', address: { building: '3栋', unit: '', room: '101' }, phone: '13811112222', photos: [] }
    const refused = await call('POST', '/wishes', wish, token)
    expect([refused.status, refused.body.error?.code, Object.keys(refused.body.error?.fields ?? {})]).toEqual([422, 'CONTENT_REFUSED', ['title']])
    expect(refused.body.error?.fields?.title).toBe('标题含有不适宜发布的内容，请修改')
    expect(((await call('GET', '/wishes/mine', undefined, token)).body.items as unknown[]).length).toBe(0)
    expect(wechat.checkedTexts).toContainEqual({ content: '想找人一起赌博', openid: 'o-content' })

    const clean = await call('POST', '/wishes', { ...wish, title: '帮忙修门锁' }, token)
    expect(clean.status).toBe(201)
    expect(readConfig({ WECHAT_APPID: 'x', WECHAT_SECRET: 'y', DATA_KEY, CONTENT_CHECK: 'off' }).contentCheck).toBe(false)
    expect(readConfig({ WECHAT_APPID: 'x', WECHAT_SECRET: 'y', DATA_KEY }).contentCheck).toBe(true)
  })
})

describe('hard edges of HTTP', () => {
  it('takes JSON only (415), in the contract error shape', async () => {
    const answer = await call('POST', '/auth/login', 'code=1', null, { 'Content-Type': 'text/plain' })
    expect([answer.status, answer.body.error?.code]).toEqual([415, 'VALIDATION'])
    expect(answer.body.error?.message).toMatch(/JSON/)
  })

  it('answers a body over 64 KB with 413, not a reset connection', async () => {
    const answer = await call('POST', '/auth/login', { code: 'x'.repeat(70 * 1024) })
    expect([answer.status, answer.body.error?.code]).toEqual([413, 'VALIDATION'])
    expect(answer.body.error?.message).toMatch(/太大/)
  })

  it('answers malformed JSON with 400 and deeply nested JSON with 422, never 500', async () => {
    const malformed = await call('POST', '/auth/login', '{"code": "abc"', null)
    expect([malformed.status, malformed.body.error?.code]).toEqual([400, 'VALIDATION'])
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
    const nested = await call('POST', '/auth/login', deep, null)
    expect([nested.status, nested.body.error?.code]).toEqual([422, 'VALIDATION'])
    const poisoned = await call('POST', '/auth/login', '{"code":"a","__proto__":{"x":1}}', null)
    expect(poisoned.status).toBe(400)
  })

  it('limits sign-in per address with a typed 429 in Chinese', async () => {
    const strict = { ...config, rateLimit: { ...config.rateLimit, signIn: 3 } }
    const app = await buildApp({ backend: serverBackend(server.store, strict), config: strict })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const statuses: number[] = []
      let last: Answer['body'] = {}
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `rl${i}` }, body: JSON.stringify({ code: `nope-${i}` }) })
        statuses.push(res.status)
        last = (await res.json()) as Answer['body']
      }
      expect(statuses).toEqual([422, 422, 422, 429])
      expect(last.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/太频繁/) })
    } finally {
      await app.close()
    }
  })
})

describe('request logs', () => {
  it('write one line per request with route, status and time, and never a phone number or a token', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const app = await buildApp({ backend: serverBackend(server.store, config), config, logger: { level: 'info', stream: sink } })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const login = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'log1' }, body: JSON.stringify({ code: wechat.loginCode('openid-logs') }) })
      const { token } = (await login.json()) as { token: string }
      await fetch(`${url}/auth/phone`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'log2', Authorization: `Bearer ${token}` }, body: JSON.stringify({ code: wechat.phoneCode('13512345678') }) })
      await fetch(`${url}/residents?q=5678`, { headers: { Authorization: `Bearer ${token}` } })
    } finally {
      await app.close()
    }
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request')
    expect(requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ['POST', '/auth/login', 201],
      ['POST', '/auth/phone', 201],
      ['GET', '/residents', 403],
    ])
    expect(requests.every((r) => typeof r.ms === 'number')).toBe(true)
    const all = lines.join('\n')
    expect(all).not.toMatch(/13512345678|5678/)
    expect(all).not.toContain('Bearer')
  })
})

describe('database and operators', () => {
  it('migrates an empty database to the latest version, and a second run does nothing', async () => {
    const database = pgDatabase(await freshPostgresUrl('migrate'))
    try {
      expect(await migrate(database)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
      expect(await migrate(database)).toEqual([])
      const conn = await database.connect()
      const tables = (await conn.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows[0].n
      conn.release()
      expect(tables).toBeGreaterThanOrEqual(12)
    } finally {
      await database.close()
    }
  })

  it('the audit trail takes new entries and refuses any change or deletion, whoever asks', async () => {
    const database = pgDatabase(await freshPostgresUrl('audit'))
    try {
      await migrate(database)
      const conn = await database.connect()
      try {
        await conn.query(`INSERT INTO audit_log (at, actor_id, resident_id, doc) VALUES ('2026-11-25T10:00:00+08:00', 'staff', 'elder', '{"label":"查看义诊名单"}')`)
        await expect(conn.query("UPDATE audit_log SET actor_id = 'someone-else'")).rejects.toThrow(/append-only/)
        await expect(conn.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
        expect((await conn.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE actor_id = 'staff'")).rows[0].n).toBe(1)
      } finally {
        conn.release()
      }
    } finally {
      await database.close()
    }
  })

  it('upgrades a booking stored before version 3: its clinic keeps the same id', async () => {
    const database = pgDatabase(await freshPostgresUrl('upgrade'))
    try {
      expect(await migrate(database, 2)).toEqual([1, 2])
      const conn = await database.connect()
      await conn.query("INSERT INTO users (id, name, role) VALUES ('u1', '陈阿姨', 'elder')")
      await conn.query(`INSERT INTO clinics (id, date, specialty, doc) VALUES ('c1', '2026-12-01', '内科', '{"id":"c1"}')`)
      await conn.query(
        `INSERT INTO bookings (id, session_id, slot_id, account_id, status, patient_key, doc) VALUES ('b1', 'c1', 't1', 'u1', 'booked', 'k', '{"id":"b1","sessionId":"c1"}')`,
      )
      conn.release()
      expect(await migrate(database)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
      const after = await database.connect()
      const row = (await after.query<{ clinic_id: string; doc: Record<string, unknown> }>('SELECT clinic_id, doc FROM bookings')).rows[0]
      after.release()
      expect(row).toEqual({ clinic_id: 'c1', doc: { id: 'b1', clinicId: 'c1' } })
    } finally {
      await database.close()
    }
  })

  it('upgrades rooms stored before version 13: each gets a door-code secret of its own and no photo; accounts are not 在职党员', async () => {
    const database = pgDatabase(await freshPostgresUrl('rooms13'))
    try {
      await migrate(database, 11)
      const conn = await database.connect()
      await conn.query("INSERT INTO users (id, name, role) VALUES ('u1', '陈阿姨', 'elder')")
      await conn.query(`INSERT INTO rooms (id, doc) VALUES ('m1', '{"id":"m1","name":"乒乓室"}'), ('m2', '{"id":"m2","name":"棋牌室"}')`)
      conn.release()
      expect(await migrate(database)).toEqual([12, 13])
      const after = await database.connect()
      const rooms = (await after.query<{ doc: { secret: string; photo: null } }>('SELECT doc FROM rooms ORDER BY id')).rows.map((r) => r.doc)
      const party = (await after.query<{ party_member: boolean }>("SELECT party_member FROM users WHERE id = 'u1'")).rows[0].party_member
      after.release()
      expect(rooms.map((r) => [r.secret.length, r.photo])).toEqual([
        [64, null],
        [64, null],
      ])
      expect(rooms[0].secret).not.toBe(rooms[1].secret)
      expect(party).toBe(false)
    } finally {
      await database.close()
    }
  })

  it('imports the sub-district’s places from a file, twice without duplicates, and names what is wrong in a bad one', async () => {
    const url = await freshPostgresUrl('places')
    const run = promisify(execFile)
    const main = path.join(ROOT, '.tmp/node/server/main.js')
    const env = { ...process.env, DATABASE_URL: url, DATA_KEY }
    for (let i = 0; i < 2; i++) {
      const { stdout } = await run('node', [main, 'import-places', path.join(ROOT, 'docs/places.example.json')], { env })
      expect(stdout).toMatch(/imported 3 communities and 7 grids/)
    }
    const database = pgDatabase(url)
    const conn = await database.connect()
    const grids = (await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM grids')).rows[0].n
    conn.release()
    await database.close()
    expect(grids).toBe(7)
    const bad = path.join(ROOT, '.tmp', 'bad-places.json')
    fs.writeFileSync(bad, JSON.stringify({ communities: [{ code: 'DA01', name: '东安社区' }], grids: [{ code: 'DA0109', communityCode: 'ZZ' }] }))
    await expect(run('node', [main, 'import-places', bad], { env })).rejects.toMatchObject({ stderr: expect.stringMatching(/communityCode must name a community/) })
  })

  it('creates the first staff account from the command line', async () => {
    const url = await freshPostgresUrl('cli')
    const run = promisify(execFile)
    const { stdout } = await run('node', [path.join(ROOT, '.tmp/node/server/main.js'), 'add-staff', '--phone', '137 0000 1111', '--name', '王主任'], {
      env: { ...process.env, DATABASE_URL: url, DATA_KEY },
    })
    expect(stdout).toMatch(/staff account s\d+: 王主任, 137\*\*\*\*1111/)
    const database = pgDatabase(url)
    const conn = await database.connect()
    const rows = (await conn.query<{ role: string; phone: string; phone_last4: string }>("SELECT role, phone, phone_last4 FROM users WHERE name = '王主任'")).rows
    conn.release()
    await database.close()
    // Stored sealed: the number itself is not in the row.
    expect(rows).toEqual([{ role: 'staff', phone: expect.stringMatching(/^enc1\./), phone_last4: '1111' }])
    expect(rows[0].phone).not.toContain('13700001111')
    await expect(run('node', [path.join(ROOT, '.tmp/node/server/main.js'), 'add-staff', '--name', '缺手机号'], { env: { ...process.env, DATABASE_URL: url, DATA_KEY } })).rejects.toMatchObject({
      stderr: expect.stringMatching(/--phone is required/),
    })
  })
})
