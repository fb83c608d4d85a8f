/* The real stack in Chromium: the H5 real-API build (E2E_API_DIST, compiled
 * against http://127.0.0.1:3199) served by the server itself on one origin,
 * on PostgreSQL (PG_TEST_URL; npm test starts one), in demo mode for the
 * demo accounts. The card; two volunteers racing for one wish; an elder's
 * booking and ticket. Needs the compiled server (npx tsc -p server/tsconfig.json). */
import type { Browser } from 'playwright-core'
import { freshPostgresUrl } from '../support/postgres'
import { RACE_LIMITS, startServerProcess, type ServerProcess } from '../support/serverProcess'
import { cardTiles, claimRace, distDir, launchBrowser, newPage, openPage, postWishWithPhoto, shot, stationed, switchAccount, type StaticServer } from './browser'
import { seedGrid } from './seed'

let browser: Browser
let server: ServerProcess
let site: StaticServer

beforeAll(async () => {
  server = await startServerProcess({
    PORT: '3199',
    DEMO: '1',
    DATABASE_URL: await freshPostgresUrl('e2e'),
    STATIC_DIR: distDir('E2E_API_DIST', 'dist/h5-api'),
    ...RACE_LIMITS,
  })
  site = { url: server.url, close: async () => undefined }
  browser = await launchBrowser()
}, 60000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('H5 on the real server and PostgreSQL, one origin', () => {
  it('shows the six-colour card from the server', async () => {
    const { context, page } = await newPage(browser)
    try {
      const apiCalls: string[] = []
      page.on('request', (request) => {
        if (!/\.(js|css|png|ico|html)$/.test(new URL(request.url()).pathname)) apiCalls.push(`${request.method()} ${new URL(request.url()).pathname}`)
      })
      await page.goto(`${site.url}/?g=DA0103`)
      const tiles = await cardTiles(page)
      expect(await tiles.count()).toBe(6)
      expect((await (await stationed(page)).locator('.grid-head__name').innerText()).trim()).toBe(seedGrid('DA0103').name)
      expect(apiCalls).toContain('GET /grids/DA0103/card')
      await shot(page, 'server-1-card')
    } finally {
      await context.close()
    }
  })

  it('lets one of two volunteers win the claim of a wish; the other sees 该心愿已被认领', async () => {
    const { a, b } = await claimRace(browser, site)
    try {
      await shot(a.page, 'server-2-claim-refused')
    } finally {
      await a.context.close()
      await b.context.close()
    }
  })

  it('lets an elder book a clinic and shows the ticket', async () => {
    const { context, page } = await newPage(browser)
    try {
      await switchAccount(page, site, '切换为长者张桂兰')
      let root = await openPage(page, site, '/clinic/pages/detail/index?id=c1')
      await root.getByRole('button', { name: '预约 09:30–10:00' }).click()
      await page.waitForURL(/book\/index/)
      root = await stationed(page)
      await root.locator('#book-age').fill('72')
      await root.getByRole('button', { name: '确认预约' }).click()
      await page.waitForURL(/ticket\/index\?id=/)
      root = await stationed(page)
      await root.getByRole('heading', { name: '预约成功' }).waitFor()
      expect(await root.locator('.ticket__queue').innerText()).toBe('第 1 号')
      expect(await root.locator('.ticket__code').innerText()).toMatch(/^签到码 YZ-/)
      await shot(page, 'server-3-elder-ticket')
    } finally {
      await context.close()
    }
  })

  it('uploads a photo as a file and shows it to staff through a signed link', async () => {
    const { context, page } = await newPage(browser)
    try {
      const uploads: string[] = []
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/photos') uploads.push(request.headers()['content-type'] ?? '')
      })
      await switchAccount(page, site, '切换为居民李明')
      const id = await postWishWithPhoto(page, site, '楼下长椅坏了')
      expect(uploads).toEqual([expect.stringMatching(/^multipart\/form-data; boundary=/)])
      await shot(page, 'server-4-wish-photo')

      await switchAccount(page, site, '切换为工作人员刘芳')
      const root = await openPage(page, site, `/wish/pages/detail/index?id=${id}`)
      const src = await root.getByRole('img', { name: '心愿照片1' }).getAttribute('src')
      expect(src).toMatch(new RegExp(`^${server.url}/photos/ph\\d+\\?exp=\\d+&sig=`))
      const unsigned = await page.request.get(src!.replace(/\?.*$/, ''))
      expect(unsigned.status()).toBe(403)
    } finally {
      await context.close()
    }
  })
})
