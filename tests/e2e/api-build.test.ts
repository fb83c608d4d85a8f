/* The H5 build against a real HTTP backend (E2E_API_DIST, built with
 * TARO_APP_API_BASE=http://127.0.0.1:3199): the mock server runs in-process on
 * that port. Also static checks that each build carries only its own transport. */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startMockServer, type RunningServer } from '../../mock/server'
import { GRIDS } from '../../mock/seed/places'
import { builtScripts, cardTiles, distDir, launchBrowser, newPage, serve, shot, stationed, type StaticServer } from './browser'
import { FRIDAY_10, seedContact, seedGrid, seedUser } from './seed'

/** The base URL compiled into the api build. */
const API_PORT = 3199
const API_ORIGIN = `http://127.0.0.1:${API_PORT}`

async function startApi(): Promise<RunningServer> {
  try {
    return await startMockServer({ port: API_PORT, host: '127.0.0.1' })
  } catch (error) {
    throw new Error(
      `E2E: cannot start the mock HTTP server on ${API_ORIGIN} (${(error as Error).message}). ` +
        'The api build is compiled against this port: stop whatever else listens there (npm run mock:server?).',
    )
  }
}

describe('H5 build against the mock HTTP server', () => {
  let site: StaticServer
  let browser: Browser
  let context: BrowserContext | undefined
  let api: RunningServer | undefined

  beforeAll(async () => {
    site = await serve(distDir('E2E_API_DIST', 'dist/h5-api'))
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  afterEach(async () => {
    await context?.close()
    context = undefined
    await api?.close()
    api = undefined
  })

  /** A fresh page that records every request it sends to the API origin. */
  async function openPage(): Promise<{ page: Page; apiCalls: string[] }> {
    const opened = await newPage(browser, { time: FRIDAY_10 })
    context = opened.context
    const apiCalls: string[] = []
    opened.page.on('request', (request) => {
      if (request.url().startsWith(`${API_ORIGIN}/`)) apiCalls.push(`${request.method()} ${new URL(request.url()).pathname}`)
    })
    return { page: opened.page, apiCalls }
  }

  test('the card loads over HTTP, and the last card shows with an offline notice once the server is gone', async () => {
    api = await startApi()
    const { page, apiCalls } = await openPage()
    await page.goto(`${site.url}/?g=DA0103`)
    let tiles = await cardTiles(page)
    expect(await tiles.count()).toBe(6)
    expect((await (await stationed(page)).locator('.grid-head__name').innerText()).trim()).toBe(seedGrid('DA0103').name)
    expect((await tiles.nth(0).locator('.duty__name').innerText()).trim()).toBe(seedContact('DA0103-red-1').name)
    expect(apiCalls).toContain('GET /grids/DA0103/card')
    await shot(page, '7-api-online')

    // The network goes away: a reload shows the card kept on the phone.
    await api.close()
    api = undefined
    await page.reload()
    const root = await stationed(page)
    await root.getByText('已离线，显示上次数据').waitFor()
    tiles = await cardTiles(page)
    expect(await tiles.count()).toBe(6)
    expect((await root.locator('.grid-head__name').innerText()).trim()).toBe(seedGrid('DA0103').name)
    expect((await tiles.nth(0).locator('.duty__name').innerText()).trim()).toBe(seedContact('DA0103-red-1').name)
    await shot(page, '7-api-offline')
  })

  test('a ticket once opened opens again without a network, marked as possibly out of date', async () => {
    api = await startApi()
    const { page } = await openPage()
    await page.goto(`${site.url}/#/pages/me/index`)
    let root = await stationed(page)
    await root.locator(`button[aria-label="切换为长者${seedUser('elder').name}"]`).click()
    await root.getByText(/^已切换为/).waitFor()
    await page.goto(`${site.url}/#/clinic/pages/book/index?clinic=c1&slot=t3`)
    root = await stationed(page)
    await root.locator('#book-age').fill('72')
    await root.getByRole('button', { name: '确认预约' }).click()
    await page.waitForURL(/ticket\/index\?id=/)
    root = await stationed(page)
    const code = await root.locator('.ticket__code').innerText()

    // At the clinic door: the server cannot be reached.
    await api.close()
    api = undefined
    await page.reload()
    root = await stationed(page)
    await root.getByText(/保存在手机上的凭证，可能不是最新状态/).waitFor()
    expect(await root.locator('.ticket__code').innerText()).toBe(code)
    expect(await root.getByRole('button', { name: '取消预约' }).count()).toBe(0)
    await shot(page, '7-api-ticket-offline')
  })

  test('我的 over HTTP: switching the demo account to 工作人员 shows 刘芳', async () => {
    api = await startApi()
    const { page, apiCalls } = await openPage()
    await page.goto(`${site.url}/#/pages/me/index`)
    const root = await stationed(page)
    const staff = seedUser('staff')
    // The demo panel says it talks to the demo server (not the embedded data).
    await root.getByText('当前连接演示服务器', { exact: false }).waitFor()
    await root.locator(`button[aria-label="切换为工作人员${staff.name}"]`).click()
    await root.locator('.profile__name', { hasText: staff.name }).waitFor()
    expect((await root.locator('.profile__name').innerText()).trim()).toBe(staff.name)
    expect(await root.innerText()).toContain('身份：工作人员')
    expect(apiCalls).toContain('POST /auth/demo')
    await shot(page, '7-api-me-staff')
  })
})

describe('each build carries only its own transport (static check of the built JS)', () => {
  const HTTP_ONLY = '服务器返回了无法识别的数据'
  // Strings that exist only in the mock backend and its seed (mock/), never in src/.
  const MOCK_ONLY = ['dongan-mock-db', GRIDS[2].leaderPhone, GRIDS[2].address]

  function filesContaining(dir: string, needle: string): string[] {
    return builtScripts(dir)
      .filter(({ text }) => text.includes(needle))
      .map(({ file }) => file)
  }

  test('the embedded-mock build has the mock backend and no HTTP transport', () => {
    const dir = distDir('E2E_DIST', 'dist/h5')
    // Sanity: this really is the embedded build, so the check below means something.
    expect(filesContaining(dir, 'dongan-mock-db')).not.toEqual([])
    // A message only the HTTP transport has (the core names Idempotency-Key too).
    expect(filesContaining(dir, HTTP_ONLY)).toEqual([])
    expect(filesContaining(dir, 'createHttpTransport')).toEqual([])
  })

  test('the api build has the HTTP transport pointed at the server', () => {
    const dir = distDir('E2E_API_DIST', 'dist/h5-api')
    expect(filesContaining(dir, API_ORIGIN)).not.toEqual([])
    expect(filesContaining(dir, HTTP_ONLY)).not.toEqual([])
  })

  // webpack drops only an explicit else branch: code after `if (...) return` is still bundled.
  test('the api build does not carry the mock backend or its seed data', () => {
    const dir = distDir('E2E_API_DIST', 'dist/h5-api')
    const found = MOCK_ONLY.map((needle) => ({ needle, files: filesContaining(dir, needle) })).filter(({ files }) => files.length)
    expect(found).toEqual([])
  })
})
