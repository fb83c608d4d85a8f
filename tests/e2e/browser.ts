/* Shared harness for the end-to-end tests: headless Chromium (playwright-core
 * with Debian's /usr/bin/chromium) against a production H5 build served by
 * tests/tools/static-server.js. One browser per test file, a fresh context (fresh
 * localStorage) per test. */
import fs from 'fs'
import path from 'path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { PRIVACY_VERSION } from '../../src/domain/consent'

// A CommonJS script shared with the size and screenshot tools.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serveStatic } = require('../tools/static-server') as {
  serveStatic: (root: string, options?: { port?: number; host?: string; gzip?: boolean }) => Promise<StaticServer>
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export const ROOT = path.resolve(__dirname, '..', '..')
export const SHOTS_DIR = path.join(ROOT, '.tmp', 'e2e-shots')

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** How each build is made, for the message when a folder is missing. */
const BUILD_HINT: Record<string, string> = {
  E2E_DIST: 'OUTPUT_ROOT=dist/h5 npx taro build --type h5',
  E2E_API_DIST: 'OUTPUT_ROOT=dist/h5-api TARO_APP_API_BASE=http://127.0.0.1:3199 npx taro build --type h5',
}

/**
 * The H5 build folder named by an environment variable (relative paths are
 * taken from the repo root). Throws a clear error when it was not built.
 */
export function distDir(envName: 'E2E_DIST' | 'E2E_API_DIST', fallback: string): string {
  const dir = path.resolve(ROOT, process.env[envName] || fallback)
  const index = path.join(dir, 'index.html')
  if (!fs.existsSync(index)) {
    throw new Error(
      `E2E: no H5 build at ${dir} (index.html missing; set by ${envName}, default ${fallback}).\n` +
        `Build it first: ${BUILD_HINT[envName]}`,
    )
  }
  return dir
}

/** The built JavaScript of a dist folder, file by file (for static checks). */
export function builtScripts(dir: string): { file: string; text: string }[] {
  const jsDir = path.join(dir, 'js')
  const files = fs.existsSync(jsDir) ? fs.readdirSync(jsDir).filter((f) => f.endsWith('.js')) : []
  if (files.length === 0) throw new Error(`E2E: no built JS files in ${jsDir}`)
  return files.map((f) => ({ file: path.join('js', f), text: fs.readFileSync(path.join(jsDir, f), 'utf8') }))
}

export function serve(dir: string): Promise<StaticServer> {
  return serveStatic(dir)
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}

export interface OpenOptions {
  /** Fixes Date.now()/new Date() (timers keep running), e.g. '2026-11-27T10:00:00+08:00'. */
  time?: string
  /** False: a phone that never opened the app, so the consent sheet asks first. */
  consented?: boolean
}

/** The consent the app keeps on the phone (src/stores/consent.ts), as Taro's H5 storage writes it. */
const CONSENT_KEY = 'dongan-consent'
const CONSENT_VALUE = JSON.stringify({ data: JSON.stringify(PRIVACY_VERSION) })

/** A fresh context (own localStorage) with a phone-sized viewport and China locale. */
export async function newPage(browser: Browser, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    // Not the app's zone on purpose: the roster must be computed in China time anyway.
    timezoneId: 'Europe/Berlin',
    hasTouch: false,
  })
  context.setDefaultTimeout(10_000)
  if (options.consented !== false) {
    // Set once: a reload must keep whatever the app stored since.
    // (about:blank, which openPage passes through, has no localStorage.)
    await context.addInitScript(
      ([key, value]) => {
        if (window.location.protocol.startsWith('http') && localStorage.getItem(key) === null) localStorage.setItem(key, value)
      },
      [CONSENT_KEY, CONSENT_VALUE],
    )
  }
  const page = await context.newPage()
  if (options.time) await page.clock.setFixedTime(new Date(options.time))
  // Surface app crashes in the test output.
  page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`))
  return { context, page }
}

/**
 * The page that has finished sliding in (Taro marks it taro_page_stationed),
 * and is the page of the current URL: right after a navigation the previous
 * page is still stationed for a moment, and must not be taken for the new one.
 * (Taro's page element has the route as its id, e.g. /jobs/pages/detail/index?stamp=2.)
 */
export async function stationed(page: Page): Promise<Locator> {
  const route = new URL(page.url()).hash.replace(/^#/, '').split('?')[0]
  const ofRoute = route && route !== '/' ? `:is([id^="${route}?"], [id="${route}"])` : ''
  const current = page.locator(`.taro_page.taro_page_stationed:visible${ofRoute}`).last()
  await current.waitFor({ state: 'visible' })
  return current
}

/** The six-colour card of the current page, once its tiles are there. */
export async function cardTiles(page: Page): Promise<Locator> {
  const root = await stationed(page)
  const tiles = root.locator('.tile')
  await tiles.first().waitFor({ state: 'visible' })
  return tiles
}

/**
 * A screenshot of the whole current page for a person to look at (not compared).
 * Taro scrolls inside the page element, so the viewport is stretched to its
 * full height for the shot and restored afterwards.
 */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  const viewport = page.viewportSize()
  const height = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page_stationed')).filter((el) => el.getClientRects().length > 0)
    const current = pages[pages.length - 1]
    const tabBar = document.querySelector('.weui-tabbar')
    return (current?.scrollHeight ?? 0) + (tabBar?.getBoundingClientRect().height ?? 0)
  })
  const stretch = viewport !== null && height > viewport.height
  if (stretch) await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height), 6000) })
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) })
  if (stretch) await page.setViewportSize(viewport)
}

/** Digits (and a leading +) only, as a tel: link must carry them. */
export function telDigits(phone: string): string {
  return phone.replace(/[^\d+]/g, '')
}

/** Opens a page of the site as a fresh load (a bare hash change would let the router reuse a page). */
export async function openPage(page: Page, site: StaticServer, hashPath: string): Promise<Locator> {
  await page.goto('about:blank')
  await page.goto(`${site.url}/#${hashPath}`)
  return stationed(page)
}

/** Signs in as a demo account on 我的, by its button's label (e.g. 切换为居民李明). */
export async function switchAccount(page: Page, site: StaticServer, label: string): Promise<void> {
  const root = await openPage(page, site, '/pages/me/index')
  await root.locator(`button[aria-label="${label}"]`).click()
  await root.getByText(/^已切换为/).waitFor()
}

/**
 * Two volunteers (赵志强 on page a, 孙丽娟 on page b) open the open-wish list;
 * b claims 教我用手机挂号 first, then a taps it and is told 该心愿已被认领.
 * The caller closes both contexts.
 */
export async function claimRace(browser: Browser, site: StaticServer) {
  const a = await newPage(browser)
  const b = await newPage(browser)
  await switchAccount(a.page, site, '切换为网格志愿者赵志强')
  await switchAccount(b.page, site, '切换为网格志愿者孙丽娟')
  const listA = await openPage(a.page, site, '/wish/pages/list/index?mode=open')
  const listB = await openPage(b.page, site, '/wish/pages/list/index?mode=open')
  await listA.getByText('教我用手机挂号').waitFor()
  await listB.getByText('教我用手机挂号').waitFor()
  await listB.getByRole('button', { name: '认领心愿：教我用手机挂号' }).click()
  await b.page.waitForURL(/detail\/index\?id=w4/)
  await listA.getByRole('button', { name: '认领心愿：教我用手机挂号' }).click()
  await listA.getByText('该心愿已被认领').waitFor()
  return { a, b, listA }
}

/**
 * Chromium and a served build for the tests of one file: started before them,
 * closed after. Read `.browser` and `.site` inside tests.
 */
export function browserAndSite(envName: 'E2E_DIST' | 'E2E_API_DIST', fallback: string) {
  const env = {} as { browser: Browser; site: StaticServer }
  beforeAll(async () => {
    env.browser = await launchBrowser()
    env.site = await serve(distDir(envName, fallback))
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.site?.close()
  })
  return env
}

/**
 * Posts a wish with one photo on the current account, as a resident would:
 * the form, a picture from the phone's album (drawn here in the page, a real
 * PNG), 提交心愿; waits for the wish's page and answers its id once the photo
 * shows there.
 */
export async function postWishWithPhoto(page: Page, site: StaticServer, title: string): Promise<string> {
  const root = await openPage(page, site, '/wish/pages/post/index')
  await root.getByRole('radio', { name: '维修' }).click()
  const fields: Record<string, string> = {
    'wish-title': title,
    'wish-description': '楼下的长椅断了一根木条，老人坐着不安全。',
    'wish-building': '友谊路9号3栋',
    'wish-room': '101',
  }
  for (const [id, value] of Object.entries(fields)) await root.locator(`#${id}`).fill(value)
  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 120
    canvas.height = 80
    const g = canvas.getContext('2d')!
    g.fillStyle = 'rgb(140, 100, 60)'
    g.fillRect(0, 0, 120, 80)
    return canvas.toDataURL('image/png').split(',')[1]
  })
  await root.locator('input.photos__file').setInputFiles({ name: 'bench.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') })
  await root.getByRole('img', { name: '第1张照片' }).waitFor()
  await root.getByRole('button', { name: '提交心愿', exact: true }).click()
  await page.waitForURL(/detail\/index\?id=/)
  const detail = await stationed(page)
  const photo = detail.getByRole('img', { name: '心愿照片1' })
  await photo.waitFor()
  // Shown, not only placed: the browser decoded the picture the link brought.
  await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth === 120, await photo.elementHandle())
  return new URL(page.url().replace('#', '')).searchParams.get('id')!
}
