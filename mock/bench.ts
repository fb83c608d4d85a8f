/* Benchmarks (npm run bench): prints figures against their targets; never fails
 * on timing, which depends on the machine. Figures measured by the e2e run
 * (.tmp/bench/e2e.json) are printed too. */
import fs from 'fs'
import path from 'path'
import { performance } from 'perf_hooks'
import type { ApiRequest } from '../src/api/contract'
import { toChinaIso } from '../src/domain/chinaTime'
import type { Posting } from '../src/domain/jobs'
import type { Wish } from '../src/domain/wish'
import { Backend } from '../backend/core'
import { MemoryStore, type MemoryData } from '../backend/memoryStore'
import { nodeSecrets } from '../backend/nodeSecrets'
import { demoIdentity, demoRoutes } from './demo'
import { seedDb } from './seed'

const WISHES_IN_GRID = 5000
const POSTINGS = 10000
const RUNS = 300

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** A demo backend over exactly this data. */
function backendOver(data: MemoryData): Backend {
  const store = new MemoryStore({ initial: () => data })
  return new Backend({ store, identity: demoIdentity, secrets: nodeSecrets, demoRoutes })
}

async function time(backend: Backend, request: ApiRequest): Promise<{ median: number; p95: number }> {
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    const { status } = await backend.dispatch(request)
    samples.push(performance.now() - start)
    if (status !== 200) throw new Error(`${request.path} answered ${status}`)
  }
  samples.sort((a, b) => a - b)
  return { median: percentile(samples, 50), p95: percentile(samples, 95) }
}

/** A grid with years of wishes: 5,000 in DA0103 (a third still open), 1,000 elsewhere. */
function bigBackend(): Backend {
  const now = Date.now()
  const db = seedDb(now)
  const template = db.wishes[3]
  const extra: Wish[] = []
  for (let i = 0; i < WISHES_IN_GRID + 1000; i++) {
    const inGrid = i < WISHES_IN_GRID
    extra.push({
      ...template,
      id: `bench${i}`,
      gridCode: inGrid ? 'DA0103' : 'XH0201',
      category: (['生活帮扶', '维修', '陪伴聊天', '代买代办', '学习辅导', '其他'] as const)[i % 6],
      status: i % 3 === 0 ? 'open' : 'confirmed',
      createdAt: toChinaIso(now - (WISHES_IN_GRID - i) * 3600 * 1000),
    })
  }
  db.wishes = [...extra, ...db.wishes]
  return backendOver(db)
}

/** 10,000 postings: the seed's, repeated with fresh ids and dates. */
function manyPostings(): Backend {
  const now = Date.now()
  const db = seedDb(now)
  const seed = db.postings
  const postings: Posting[] = []
  for (let i = 0; i < POSTINGS; i++) {
    const p = seed[i % seed.length]
    postings.push({ ...p, id: `bj${i}`, title: `${p.title}${i}`, publishedAt: toChinaIso(now - (POSTINGS - i) * 60000) })
  }
  db.postings = postings
  return backendOver(db)
}

async function main() {
  const backend = bigBackend()
  const { body } = await backend.dispatch({ method: 'POST', path: '/auth/demo', body: { accountId: 'volunteer' }, idempotencyKey: 'bench-sign-in' })
  const token = (body as { token: string }).token
  const open = (query: Record<string, string>) => ({ method: 'GET' as const, path: '/wishes/open', token, query })

  const rows: [string, string, string][] = []
  const first = await time(backend, open({ limit: '20' }))
  rows.push([`first page of open wishes, grid of ${WISHES_IN_GRID}`, `${first.median.toFixed(3)} ms (p95 ${first.p95.toFixed(3)})`, '≤ 5 ms'])
  const filtered = await time(backend, open({ limit: '20', category: '代买代办' }))
  rows.push(['  same, filtered by category', `${filtered.median.toFixed(3)} ms (p95 ${filtered.p95.toFixed(3)})`, '≤ 5 ms'])
  const deep = await time(backend, open({ limit: '20', cursor: String(2000) }))
  rows.push(['  a page deep in the list (cursor 2000)', `${deep.median.toFixed(3)} ms (p95 ${deep.p95.toFixed(3)})`, '≤ 5 ms'])

  const jobs = manyPostings()
  const search = await time(jobs, { method: 'GET', path: '/jobs', query: { keyword: '缝纫', kind: '全职', tag: '女性', minPay: '5000', limit: '20' } })
  rows.push([`jobs: searched and filtered query, ${POSTINGS} postings`, `${search.median.toFixed(3)} ms (p95 ${search.p95.toFixed(3)})`, '≤ 10 ms'])
  const rare = await time(jobs, { method: 'GET', path: '/jobs', query: { keyword: '宇航员', limit: '20' } })
  rows.push(['  same, a keyword nothing matches (full scan)', `${rare.median.toFixed(3)} ms (p95 ${rare.p95.toFixed(3)})`, '≤ 10 ms'])

  const e2eFile = path.join(__dirname, '..', '..', '..', '.tmp', 'bench', 'e2e.json')
  const e2e = fs.existsSync(e2eFile) ? (JSON.parse(fs.readFileSync(e2eFile, 'utf8')) as Record<string, number>) : {}
  rows.push([
    'H5 open-wish list: first page after navigation (e2e)',
    e2e.h5WishListFirstPageMs === undefined ? 'not measured (run the e2e tests)' : `${e2e.h5WishListFirstPageMs} ms`,
    '≤ 1000 ms',
  ])

  const width = Math.max(...rows.map((r) => r[0].length))
  console.log('Benchmarks')
  for (const [label, value, target] of rows) console.log(`  ${label.padEnd(width)}  ${value.padEnd(28)} target ${target}`)
}

void main()
