/* HTTP benchmarks (npm run bench): figures, never a gate. With autocannon (32
 * connections), against (a) the mock HTTP server, (b) the server on PGlite,
 * (c) the server on PostgreSQL, and two ceilings of the same framework and
 * driver on the same PostgreSQL: (d) one primary-key SELECT, (e) one
 * conditional UPDATE … RETURNING on a hot row. Routes: the card, a page of
 * open wishes, a booking write (each with sign-in, idempotency and every rule).
 * Then a burst of 500 bookings at the moment a clinic opens, on (c).
 * Uses PG_TEST_URL when set (npm test), else starts tests/tools/postgres.sh.
 * Needs the compiled mock and server (.tmp/node). Writes .tmp/test-results/bench-http.txt. */
const { execFileSync, spawn } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')
const autocannon = require('autocannon')
const { Pool } = require('pg')

const ROOT = path.join(__dirname, '..', '..')
const NODE_OUT = path.join(ROOT, '.tmp', 'node')
const CONNECTIONS = 32
const SECONDS = Number(process.env.BENCH_SECONDS || 5)
const WRITES = Number(process.env.BENCH_WRITES || 3000)
const ACCOUNTS = Math.ceil(WRITES / 4)
const LIMITS = { RATE_LIMIT_PER_ADDRESS: '100000000', RATE_LIMIT_SIGN_IN: '100000000', RATE_LIMIT_WRITES_PER_USER: '100000000' }

/** Starts a process and resolves with the URL it prints. */
function startProcess(script, env, pattern) {
  const child = spawn('node', [script], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60000)
    const onData = (chunk) => {
      output += chunk
      const m = pattern.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve({ url: m[1], stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')))) })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)))
  })
}

async function call(url, method, route, body, token, key) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(method === 'GET' ? {} : { 'Idempotency-Key': key || `${Math.random()}` }) },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  })
  const data = await res.json()
  if (res.status >= 300) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(data)}`)
  return data
}

/** Runs in parallel, at most `width` at a time. */
async function inBatches(items, width, fn) {
  const out = []
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))))
  return out
}

const CLINIC = (date, capacity, slots) => ({
  title: '基准测试义诊',
  specialty: '全科',
  doctors: '刘医生',
  hospital: '碾子山区人民医院',
  place: '东安社区服务站',
  date,
  slots: Array.from({ length: slots }, (_, i) => ({ id: '', start: `${String(8 + i).padStart(2, '0')}:00`, end: `${String(9 + i).padStart(2, '0')}:00`, capacity })),
  opensAt: '2026-01-01T08:00:00+08:00',
  cutoffMinutes: 120,
  notes: '',
})

/** Accounts and clinics for the write benchmark, made through the API. */
async function prepareWrites(url, accounts) {
  const staff = (await call(url, 'POST', '/auth/demo', { accountId: 'staff' })).token
  const volunteer = (await call(url, 'POST', '/auth/demo', { accountId: 'volunteer' })).token
  const clinics = []
  for (let i = 0; i < 20; i++) {
    const s = await call(url, 'POST', '/clinics', CLINIC('2099-12-01', 10, 4), staff)
    clinics.push({ id: s.id, slots: s.slots.map((slot) => slot.id) })
  }
  const tokens = await inBatches(
    Array.from({ length: accounts }, (_, i) => `1380${String(i).padStart(7, '0')}`),
    50,
    async (phone) => ({ phone, token: (await call(url, 'POST', '/auth/phone', { code: `phone:${phone}`, gridCode: 'DA0103' })).token }),
  )
  return { staff, volunteer, clinics, tokens }
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

function row(target, route, r) {
  return { target, route, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts }
}

async function benchTarget(name, url) {
  const { volunteer, clinics, tokens } = await prepareWrites(url, ACCOUNTS)
  const rows = []
  rows.push(row(name, 'card', await run({ url: `${url}/grids/DA0103/card`, duration: SECONDS })))
  rows.push(row(name, 'open wishes', await run({ url: `${url}/wishes/open?limit=20`, headers: { Authorization: `Bearer ${volunteer}` }, duration: SECONDS })))
  let n = 0
  const writes = await run({
    url,
    amount: WRITES,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = n++
          const account = tokens[i % tokens.length]
          const clinic = clinics[i % clinics.length]
          return {
            ...req,
            path: `/clinics/${clinic.id}/slots/${clinic.slots[i % clinic.slots.length]}/bookings`,
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${account.token}`, 'Idempotency-Key': `bench-${i}` },
            body: JSON.stringify({ patientName: `就诊人${i}`, phone: account.phone, age: 70, forWhom: '本人', symptoms: '', assistance: [] }),
          }
        },
      },
    ],
  })
  rows.push(row(name, 'booking write', writes))
  return rows
}

/** 500 accounts book one clinic at the moment it opens; the capacity (3 × 10) decides. */
async function openingBurst(url) {
  const staff = (await call(url, 'POST', '/auth/demo', { accountId: 'staff' })).token
  const clinic = await call(url, 'POST', '/clinics', CLINIC('2099-12-02', 10, 3), staff)
  const residents = await inBatches(Array.from({ length: 500 }, (_, i) => `1370${String(i).padStart(7, '0')}`), 50, async (phone) => ({
    phone,
    token: (await call(url, 'POST', '/auth/phone', { code: `phone:${phone}`, gridCode: 'DA0103' })).token,
  }))
  await Promise.all(Array.from({ length: 64 }, () => call(url, 'GET', '/meta')))
  const start = performance.now()
  const answers = await Promise.all(
    residents.map((r, i) =>
      fetch(`${url}/clinics/${clinic.id}/slots/${clinic.slots[i % 3].id}/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${r.token}`, 'Idempotency-Key': `burst-${i}` },
        body: JSON.stringify({ patientName: `居民${i}`, phone: r.phone, age: 70, forWhom: '本人', symptoms: '', assistance: [] }),
      }).then(async (res) => ({ status: res.status, body: await res.json(), ms: performance.now() - start })),
    ),
  )
  const last = Math.max(...answers.map((a) => a.ms))
  const booked = answers.filter((a) => a.body.status === 'booked').length
  const failed = answers.filter((a) => a.status !== 201).length
  return { last, booked, failed, capacity: 30 }
}

async function main() {
  let pgUrl = process.env.PG_TEST_URL
  let ownPostgres = false
  if (!pgUrl) {
    pgUrl = execFileSync('bash', [path.join(__dirname, 'postgres.sh'), 'start'], { encoding: 'utf8' }).trim()
    ownPostgres = true
  }
  const admin = new Pool({ connectionString: pgUrl, max: 1 })
  const database = async (name) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
    const u = new URL(pgUrl)
    u.pathname = `/${name}`
    return u.toString()
  }
  const serverJs = path.join(NODE_OUT, 'server', 'main.js')
  const rows = []
  let burst = null
  try {
    const mock = await startProcess(path.join(NODE_OUT, 'mock', 'cli.js'), { MOCK_PORT: '0', MOCK_QUIET: '1' }, /listening on (http:\/\/[\d.]+:\d+)/)
    try {
      rows.push(...(await benchTarget('(a) mock HTTP server', mock.url)))
    } finally {
      await mock.stop()
    }
    const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'))
    const onPglite = await startProcess(serverJs, { DEMO: '1', PORT: '0', PGLITE_DIR: path.join(pgliteDir, 'data'), DATABASE_URL: '', ...LIMITS }, /server on (http:\/\/[\d.]+:\d+)/)
    try {
      rows.push(...(await benchTarget('(b) server on PGlite', onPglite.url)))
    } finally {
      await onPglite.stop()
      fs.rmSync(pgliteDir, { recursive: true, force: true })
    }
    const onPostgres = await startProcess(serverJs, { DEMO: '1', PORT: '0', DATABASE_URL: await database('bench_server'), ...LIMITS }, /server on (http:\/\/[\d.]+:\d+)/)
    try {
      rows.push(...(await benchTarget('(c) server on PostgreSQL', onPostgres.url)))
      burst = await openingBurst(onPostgres.url)
    } finally {
      await onPostgres.stop()
    }
    const ceiling = await startProcess(path.join(__dirname, 'bench-ceiling.js'), { PORT: '0', DATABASE_URL: await database('bench_ceiling') }, /ceiling on (http:\/\/[\d.]+:\d+)/)
    try {
      rows.push(row('(d) ceiling: one PK SELECT', 'GET /read', await run({ url: `${ceiling.url}/read`, duration: SECONDS })))
      rows.push(row('(e) ceiling: hot-row UPDATE', 'POST /write', await run({ url: `${ceiling.url}/write`, method: 'POST', duration: SECONDS })))
    } finally {
      await ceiling.stop()
    }
  } finally {
    await admin.end()
    if (ownPostgres) execFileSync('bash', [path.join(__dirname, 'postgres.sh'), 'stop'])
  }

  const find = (target, route) => rows.find((r) => r.target.startsWith(target) && r.route === route)
  const d = find('(d)', 'GET /read')
  const e = find('(e)', 'POST /write')
  const lines = [
    `HTTP benchmarks: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per read route, ${WRITES} booking writes (${ACCOUNTS} accounts, 20 clinics); figures, not gates`,
    `${'target'.padEnd(30)}${'route'.padEnd(15)}${'req/s'.padStart(8)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'non-2xx'.padStart(9)}`,
    ...rows.map((r) => `${r.target.padEnd(30)}${r.route.padEnd(15)}${Math.round(r.rps).toString().padStart(8)}${`${r.p50} ms`.padStart(8)}${`${r.p99} ms`.padStart(8)}${String(r.bad).padStart(9)}`),
  ]
  const ratio = (route, ceilingRow, share, p99) => {
    const c = find('(c)', route)
    const value = c.rps / ceilingRow.rps
    return `(c) ${route} / ${ceilingRow.target.slice(0, 3)}: ${value.toFixed(2)} (target ≥ ${share}), p99 ${c.p99} ms (target ≤ ${p99} ms): ${value >= share && c.p99 <= p99 ? 'met' : 'not met'}`
  }
  lines.push(ratio('card', d, 0.5, 30), ratio('open wishes', d, 0.5, 30), ratio('booking write', e, 0.4, 100))
  if (burst) {
    lines.push(
      `burst of 500 bookings at opening, (c): all answered in ${Math.round(burst.last)} ms (target ≤ 3000 ms), ${burst.booked} booked of capacity ${burst.capacity}, ${burst.failed} failed: ${burst.last <= 3000 && burst.booked === burst.capacity && burst.failed === 0 ? 'met' : 'not met'}`,
    )
  }
  const text = lines.join('\n')
  console.log(text)
  const out = path.join(ROOT, '.tmp', 'test-results')
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(path.join(out, 'bench-http.txt'), `${text}\n`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
