/* Durability drill: a burst of writes while the server process is killed
 * with SIGKILL, then restarted on the same database. Every write that got a
 * 2xx answer is there, and the client's retries with the same keys add
 * nothing: each key is stored exactly once. */
import fs from 'fs'
import path from 'path'
import { POSTING } from '../contract/drafts'
import { freshPostgresUrl } from '../support/postgres'
import { RACE_LIMITS, startServerProcess, type ServerProcess } from '../support/serverProcess'

const WRITES = 300
const CONCURRENCY = 12
/** The kill comes after this many answers, mid-burst. */
const KILL_AFTER = 100

interface Outcome {
  key: string
  title: string
  /** The posting id of a 2xx answer; null when the request failed (connection reset). */
  id: string | null
}

async function post(url: string, token: string, key: string, title: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/jobs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...POSTING, title }),
    })
    if (res.status !== 201) return null
    return ((await res.json()) as { id: string }).id
  } catch {
    return null
  }
}

it('keeps every acknowledged write through a SIGKILL, and stores each key once after retries', async () => {
  const env = { DATABASE_URL: await freshPostgresUrl('drill'), DEMO: '1', ...RACE_LIMITS }
  let server: ServerProcess = await startServerProcess(env)
  const signIn = await fetch(`${server.url}/auth/demo`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'drill-sign-in' }, body: JSON.stringify({ accountId: 'staff' }) })
  const { token } = (await signIn.json()) as { token: string }

  const outcomes: Outcome[] = Array.from({ length: WRITES }, (_, i) => ({ key: `drill-${i}`, title: `演练岗位${i}`, id: null }))
  let answered = 0
  let killed: Promise<void> | null = null
  let next = 0
  const url = server.url
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < WRITES) {
        const outcome = outcomes[next++]
        outcome.id = await post(url, token, outcome.key, outcome.title)
        answered += 1
        if (answered === KILL_AFTER) killed = server.kill()
      }
    }),
  )
  await killed
  const acknowledged = outcomes.filter((o) => o.id !== null)
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER - CONCURRENCY)
  expect(acknowledged.length).toBeLessThan(WRITES)

  server = await startServerProcess(env)
  try {
    // Every acknowledged write survived the kill.
    const missing: string[] = []
    for (const o of acknowledged) {
      const res = await fetch(`${server.url}/jobs/${o.id}`)
      if (res.status !== 200) missing.push(o.key)
    }
    expect(missing).toEqual([])

    // The client retries everything with the same keys: acknowledged ones get their first answer back.
    const retried = await Promise.all(outcomes.map(async (o) => ({ o, id: await post(server.url, token, o.key, o.title) })))
    expect(retried.filter((r) => r.id === null)).toEqual([])
    expect(retried.filter((r) => r.o.id !== null && r.id !== r.o.id)).toEqual([])

    // Each key stored exactly once: as many drill postings as keys, with distinct titles.
    const titles: string[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `?limit=50&cursor=${cursor}` : '?limit=50'
      const page = (await (await fetch(`${server.url}/jobs/all${query}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: { title: string }[]; nextCursor: string | null }
      titles.push(...page.items.map((p) => p.title).filter((t) => t.startsWith('演练岗位')))
      cursor = page.nextCursor
    } while (cursor)
    expect(titles).toHaveLength(WRITES)
    expect(new Set(titles).size).toBe(WRITES)

    const report = `Durability drill (SIGKILL mid-burst, PostgreSQL): ${WRITES} writes, ${acknowledged.length} acknowledged before the kill, all ${acknowledged.length} present after restart; after retries with the same keys ${titles.length} postings for ${WRITES} keys (0 duplicates)`
    console.log(report)
    const out = path.join(__dirname, '..', '..', '.tmp', 'test-results')
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(path.join(out, 'durability.txt'), `${report}\n`)
  } finally {
    await server.stop()
  }
})
