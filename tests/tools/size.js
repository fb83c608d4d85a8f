/* Size budgets (npm run size). Reads the builds made by the test command:
 *   dist/weapp-api  weapp against a real API    main package ≤ 450 KB (floor 314 KB)
 *   dist/weapp      weapp with the embedded mock main package ≤ 2 MB (WeChat's limit)
 *   dist/h5-api     H5 against a real API        JS loaded by the home page ≤ 300 KB (floor 209 KB)
 * Each subpackage ≤ 150 KB. Prints every figure; exits 1 when a budget is exceeded. */
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const KB = 1024
const BARE_WEAPP_FLOOR = 314 * KB
const BARE_H5_FLOOR = 209 * KB
const BUDGETS = {
  weappApiMain: 450 * KB,
  weappMockMain: 2048 * KB,
  subpackage: 150 * KB,
  h5ApiHomeJs: 300 * KB,
}

const root = path.join(__dirname, '..', '..')
const dir = (env, fallback) => path.resolve(root, process.env[env] || fallback)
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`

function filesUnder(folder) {
  if (!fs.existsSync(folder)) return []
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** Main package and subpackages of a weapp build, by app.json's subPackages roots. */
function weappPackages(dist) {
  const appJson = path.join(dist, 'app.json')
  if (!fs.existsSync(appJson)) throw new Error(`${dist} has no app.json: build it first`)
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8'))
  const roots = (app.subPackages || app.subpackages || []).map((p) => p.root.replace(/\/?$/, '/'))
  const sizes = { main: 0 }
  for (const pkg of roots) sizes[pkg] = 0
  for (const file of filesUnder(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/')
    if (rel.endsWith('.map') || rel.endsWith('.LICENSE.txt')) continue
    const owner = roots.find((pkg) => rel.startsWith(pkg)) || 'main'
    sizes[owner] += fs.statSync(file).size
  }
  return sizes
}

/** Every script the home page loads in Chromium, measured from the files on disk. */
async function h5HomeScripts(dist) {
  const { chromium } = require('playwright-core')
  const { serveStatic } = require('./static-server')
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: build it first`)
  const server = await serveStatic(dist, { gzip: false })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const page = await browser.newPage()
    const scripts = new Set()
    page.on('request', (request) => {
      if (request.resourceType() === 'script' && request.url().startsWith(server.url)) {
        scripts.add(new URL(request.url()).pathname)
      }
    })
    await page.goto(`${server.url}/?g=DA0103`, { waitUntil: 'networkidle' })
    await page.waitForSelector('.taro_page_stationed', { timeout: 15000 })
    return [...scripts].map((p) => {
      const data = fs.readFileSync(path.join(dist, decodeURIComponent(p)))
      return { file: p, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length }
    })
  } finally {
    await browser.close()
    await server.close()
  }
}

async function main() {
  const failures = []
  const check = (label, value, budget) => {
    const ok = value <= budget
    if (!ok) failures.push(`${label}: ${kb(value)} > ${kb(budget)}`)
    return ok ? 'ok' : 'OVER BUDGET'
  }
  const rows = []

  const api = weappPackages(dir('WEAPP_API_DIST', 'dist/weapp-api'))
  rows.push(['weapp (real API) main package', kb(api.main), `≤ ${kb(BUDGETS.weappApiMain)}`, check('weapp api main', api.main, BUDGETS.weappApiMain)])
  rows.push(['  ratio to bare Taro floor (314 KB)', `${(api.main / BARE_WEAPP_FLOOR).toFixed(2)}×`, '', ''])
  const mock = weappPackages(dir('WEAPP_DIST', 'dist/weapp'))
  rows.push(['weapp (embedded mock) main package', kb(mock.main), `≤ ${kb(BUDGETS.weappMockMain)}`, check('weapp mock main', mock.main, BUDGETS.weappMockMain)])
  rows.push(['  ratio to bare Taro floor (314 KB)', `${(mock.main / BARE_WEAPP_FLOOR).toFixed(2)}×`, '', ''])
  for (const [name, sizes] of [['real API', api], ['embedded mock', mock]]) {
    for (const [pkg, bytes] of Object.entries(sizes)) {
      if (pkg === 'main') continue
      rows.push([`weapp (${name}) subpackage ${pkg}`, kb(bytes), `≤ ${kb(BUDGETS.subpackage)}`, check(`subpackage ${pkg} (${name})`, bytes, BUDGETS.subpackage)])
    }
  }

  const scripts = await h5HomeScripts(dir('H5_API_DIST', 'dist/h5-api'))
  const js = scripts.reduce((sum, s) => sum + s.bytes, 0)
  const gz = scripts.reduce((sum, s) => sum + s.gzip, 0)
  rows.push([`H5 (real API) JS loaded by home (${scripts.length} files)`, kb(js), `≤ ${kb(BUDGETS.h5ApiHomeJs)}`, check('h5 api home js', js, BUDGETS.h5ApiHomeJs)])
  rows.push(['  gzipped', kb(gz), '', ''])
  rows.push(['  ratio to bare Taro floor (209 KB)', `${(js / BARE_H5_FLOOR).toFixed(2)}×`, '', ''])

  const width = Math.max(...rows.map((r) => r[0].length))
  console.log('Size budgets')
  for (const [label, value, budget, verdict] of rows) {
    console.log(`  ${label.padEnd(width)}  ${value.padStart(10)}  ${budget.padEnd(12)} ${verdict}`)
  }
  if (failures.length) {
    console.error(`\nOver budget:\n  ${failures.join('\n  ')}`)
    process.exit(1)
  }
}

main().catch((error) => {
  console.error(error.message || error)
  process.exit(1)
})
