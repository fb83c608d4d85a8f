/* Lighthouse (default mobile settings: Moto G Power emulation, simulated slow 4G
 * and 4× CPU throttling) on the production H5 build against a real API: the
 * real-API build (dist/h5-api, built with TARO_APP_API_BASE=http://127.0.0.1:3199)
 * served with gzip, and the mock backend over HTTP. Both on one origin
 * (http://127.0.0.1:3199), as a deployment serves them: the site's files from
 * /, /js/ and /css/, the API beside them, so no request needs a CORS preflight.
 *
 *   npx tsc -p mock/tsconfig.json && node tests/tools/lighthouse.mjs
 *
 * Each page is run 3 times and its median run (by performance) is reported, as
 * Lighthouse advises: one run on a busy 2-core machine varies by ±0.04.
 * Prints a row per page and writes .tmp/test-results/lighthouse.txt. Targets:
 * accessibility 1.00, performance ≥ 0.97, LCP ≤ 1.8 s. Accessibility is
 * deterministic and gates (exit 1 below 1.00); performance and every timing
 * are figures only: a busy machine must never fail the run by chance. */
import fs from 'fs'
import http from 'http'
import path from 'path'
import { createRequire } from 'module'
import { fileURLToPath } from 'url'
import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'

const require = createRequire(import.meta.url)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const { serveStatic } = require('./static-server.js')
const dist = path.join(ROOT, process.env.LIGHTHOUSE_DIST || 'dist/h5-api')
const serverJs = path.join(ROOT, '.tmp', 'node', 'mock', 'server.js')
if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no H5 build at ${dist}: OUTPUT_ROOT=dist/h5-api TARO_APP_API_BASE=http://127.0.0.1:3199 npx taro build --type h5`)
if (!fs.existsSync(serverJs)) throw new Error('mock server not compiled: npx tsc -p mock/tsconfig.json')
const { startMockServer } = require(serverJs)

const PAGES = [
  ['home', '/pages/home/index?g=DA0103'],
  ['wish list', '/wish/pages/list/index?mode=mine'],
  ['clinic list', '/clinic/pages/list/index'],
  ['jobs list', '/jobs/pages/list/index'],
]
const TARGET = { accessibility: 1, performance: 0.97, lcpMs: 1800 }
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3)

const api = await startMockServer()
const files = await serveStatic(dist, { gzip: true })
/** One origin: the build's files from the static server, everything else from the API. */
const front = http.createServer((req, res) => {
  const isFile = req.url === '/' || /^\/(index\.html|favicon\.ico|js\/|css\/|assets\/)/.test(req.url)
  const target = new URL(req.url, isFile ? files.url : api.url)
  const forward = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers)
    answer.pipe(res)
  })
  forward.on('error', () => res.writeHead(502).end())
  req.pipe(forward)
})
await new Promise((resolve) => front.listen(3199, '127.0.0.1', resolve))
const site = { url: 'http://127.0.0.1:3199', close: () => new Promise((done) => front.close(done)) }
const chrome = await launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})

const rows = []
try {
  for (const [name, hash] of PAGES) {
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${site.url}/#${hash}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'performance'],
      })
      runs.push(result.lhr)
    }
    runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score)
    const { categories, audits } = runs[Math.floor(runs.length / 2)]
    rows.push({
      name,
      runs: runs.map((r) => r.categories.performance.score.toFixed(2)).join(' '),
      accessibility: categories.accessibility.score,
      performance: categories.performance.score,
      lcp: audits['largest-contentful-paint'].numericValue,
      fcp: audits['first-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      failing: Object.values(audits)
        .filter((a) => categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
        .map((a) => a.id),
    })
  }
} finally {
  await chrome.kill()
  front.closeAllConnections()
  await site.close()
  await files.close()
  await api.close()
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`
const lines = [
  'Lighthouse 12, default mobile settings, production H5 build and its API on one origin, served with gzip',
  `median of ${RUNS} runs per page`,
  `${'page'.padEnd(13)}${'a11y'.padEnd(7)}${'perf'.padEnd(7)}${'LCP'.padEnd(9)}${'FCP'.padEnd(9)}${'TBT'.padEnd(9)}${'CLS'.padEnd(7)}perf of each run`,
  ...rows.map((r) => `${r.name.padEnd(13)}${r.accessibility.toFixed(2).padEnd(7)}${r.performance.toFixed(2).padEnd(7)}${s(r.lcp).padEnd(9)}${s(r.fcp).padEnd(9)}${`${Math.round(r.tbt)} ms`.padEnd(9)}${r.cls.toFixed(3).padEnd(7)}${r.runs}`),
  `targets: accessibility ${TARGET.accessibility.toFixed(2)}, performance ≥ ${TARGET.performance}, LCP ≤ ${s(TARGET.lcpMs)}; ` +
    `met on ${rows.filter((r) => r.accessibility >= TARGET.accessibility && r.performance >= TARGET.performance && r.lcp <= TARGET.lcpMs).length} of ${rows.length} pages`,
  ...rows.filter((r) => r.failing.length).map((r) => `  ${r.name}: failing accessibility audits: ${r.failing.join(', ')}`),
]
const text = lines.join('\n')
const out = path.join(ROOT, '.tmp', 'test-results')
fs.mkdirSync(out, { recursive: true })
fs.writeFileSync(path.join(out, 'lighthouse.txt'), `${text}\n`)
console.log(text)

const failed = rows.filter((r) => r.accessibility < TARGET.accessibility)
if (failed.length) {
  console.error(`Lighthouse accessibility below ${TARGET.accessibility.toFixed(2)}: ${failed.map((r) => r.name).join(', ')}`)
  process.exit(1)
}
