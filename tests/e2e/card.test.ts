/* The six-colour card, QR entry, grid picker and 长辈模式 in headless Chromium
 * on the production H5 build with the embedded mock backend (E2E_DIST). */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { cardTiles, distDir, launchBrowser, newPage, serve, shot, stationed, telDigits, type StaticServer } from './browser'
import { COLOUR_ORDER, FRIDAY_10, seedColourContacts, seedContact, seedGrid, SUNDAY_12 } from './seed'

let server: StaticServer
let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  server = await serve(distDir('E2E_DIST', 'dist/h5'))
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

afterEach(async () => {
  await context?.close()
  context = undefined
})

async function open(path: string, time = FRIDAY_10): Promise<Page> {
  const opened = await newPage(browser, { time })
  context = opened.context
  await opened.page.goto(server.url + path)
  return opened.page
}

/** Grid name in the card's header. */
async function gridName(page: Page): Promise<string> {
  const root = await stationed(page)
  return (await root.locator('.grid-head__name').innerText()).trim()
}

async function expectSixTilesInOrder(tiles: Locator): Promise<void> {
  expect(await tiles.count()).toBe(6)
  const texts = await tiles.allInnerTexts()
  texts.forEach((text, i) => expect(text).toContain(`${COLOUR_ORDER[i]}色`))
}

async function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
}

/** Taps a bottom tab by its visible name (Taro's tab bar or the app's own, both links). */
async function tabTo(page: Page, label: string): Promise<void> {
  await page.getByRole('link', { name: label, exact: true }).filter({ visible: true }).last().click()
}

/** Heights of the visible elements matched by a selector on the current page. */
async function heightsOf(page: Page, selector: string): Promise<{ text: string; height: number }[]> {
  const root = await stationed(page)
  return root.locator(`${selector} >> visible=true`).evaluateAll((els) =>
    els.map((el) => ({ text: (el as HTMLElement).innerText.trim(), height: Math.round(el.getBoundingClientRect().height * 10) / 10 })),
  )
}

/** Turns 长辈模式 on from 我的 (through the tab bar) and waits until it shows as pressed. */
async function turnOnElderMode(page: Page): Promise<void> {
  await tabTo(page, '我的')
  // The 我的 page once it has settled: signed in, so no re-render races the tap.
  const root = await stationed(page)
  await root.getByText(/^身份：/).waitFor()
  const toggle = root.locator('button[role="switch"][aria-label="长辈模式"]')
  await toggle.waitFor()
  expect(await toggle.evaluate((el) => el.tagName)).toBe('BUTTON')
  expect(await toggle.getAttribute('aria-checked')).toBe('false')
  await toggle.click()
  await root.locator('button[role="switch"][aria-label="长辈模式"][aria-checked="true"]').waitFor()
}

/** Waits (briefly) for an element's font size to reach a minimum, then returns it. */
async function fontSizeAtLeast(page: Page, locator: Locator, min: number): Promise<number> {
  const handle = await locator.elementHandle()
  await page
    .waitForFunction(({ el, px }) => !!el && parseFloat(getComputedStyle(el).fontSize) >= px, { el: handle, px: min }, { timeout: 3000 })
    .catch(() => undefined)
  return fontSize(locator)
}

describe('我的 first (embedded mock build)', () => {
  test('switching the demo account shows only the new account’s wishes, and the card tab opens the account’s grid', async () => {
    const page = await open('/#/pages/me/index')
    let root = await stationed(page)
    await root.locator('button[aria-label="切换为居民李明"]').click()
    await root.getByText('孩子数学作业辅导').waitFor()
    await root.locator('button[aria-label="切换为长者张桂兰"]').click()
    await root.locator('.profile__name', { hasText: '张桂兰' }).waitFor()
    await root.getByText('代买降压药').waitFor()
    expect(await root.getByText('孩子数学作业辅导').count()).toBe(0)

    // Entering through 我的 (no QR code, no grid chosen): the card tab shows the account's grid.
    await tabTo(page, '六色卡')
    root = await stationed(page)
    await root.locator('.tile').first().waitFor()
    expect((await gridName(page)).replace(/\s/g, '')).toBe(seedGrid('DA0103').name)
  })
})

describe('six-colour card (embedded mock build)', () => {
  test('QR entry at the site root (/?g=DA0103) shows the grid card with the red on-duty contact to call', async () => {
    const page = await open('/?g=DA0103')
    const tiles = await cardTiles(page)
    const grid = seedGrid('DA0103')
    expect(await gridName(page)).toBe(grid.name)
    await expectSixTilesInOrder(tiles)

    // Friday 10:00 China time: the day shift of the red roster.
    const onDuty = seedContact('DA0103-red-1')
    const red = tiles.nth(0)
    expect((await red.locator('.duty__name').allInnerTexts()).map((t) => t.trim())).toEqual([onDuty.name])
    // The night-shift person must not show by day (catches a roster read in the wrong time zone).
    expect(await red.innerText()).not.toContain(seedContact('DA0103-red-3').name)

    const call = red.locator('a[href^="tel:"]')
    expect(await call.count()).toBe(1)
    expect(await call.evaluate((el) => el.tagName)).toBe('A')
    const href = await call.getAttribute('href')
    expect(href).toBe(`tel:${telDigits(onDuty.phone)}`)
    expect(href).toMatch(/^tel:\d+$/)
    await shot(page, '1-qr-root')
  })

  test('QR entry through the home page with scene=g%3DDA0103 shows the same grid card', async () => {
    const page = await open('/#/pages/home/index?scene=g%3DDA0103')
    const tiles = await cardTiles(page)
    expect(await gridName(page)).toBe(seedGrid('DA0103').name)
    await expectSixTilesInOrder(tiles)
    expect((await tiles.nth(0).locator('.duty__name').innerText()).trim()).toBe(seedContact('DA0103-red-1').name)
    await shot(page, '2-qr-scene')
  })

  test('nobody on the yellow roster on Sunday 12:00: the tile offers the 24-hour hotline', async () => {
    const page = await open('/?g=DA0103', SUNDAY_12)
    const tiles = await cardTiles(page)
    const yellow = tiles.nth(2)
    const text = await yellow.innerText()
    expect(text).toContain('黄色')
    expect(text).toContain('现在无人值班')
    for (const contact of seedColourContacts('DA0103', 'yellow')) expect(text).not.toContain(contact.name)

    const hotline = seedGrid('DA0103').hotline
    const call = yellow.locator('a[href^="tel:"]')
    expect(await call.count()).toBe(1)
    expect(await call.getAttribute('href')).toBe(`tel:${telDigits(hotline)}`)
    expect(await call.innerText()).toContain(hotline)
    // The red tile is staffed around the clock: someone is on duty at noon.
    expect(await tiles.nth(0).innerText()).not.toContain('现在无人值班')
    await shot(page, '3-sunday-hotline')
  })

  test('长辈模式 set on 我的 enlarges the card, survives a reload and makes buttons at least 48 px tall', async () => {
    const page = await open('/?g=DA0103')
    let tiles = await cardTiles(page)
    const before = await fontSize(tiles.first().locator('.tile__services'))
    expect(before).toBeGreaterThan(0)

    await turnOnElderMode(page)
    expect(await heightsOf(page, '.btn').then((all) => all.filter(({ height }) => height < 48))).toEqual([])
    await shot(page, '4-me-elder')

    await tabTo(page, '六色卡')
    tiles = await cardTiles(page)
    const services = tiles.first().locator('.tile__services')
    await services.waitFor({ state: 'visible' })
    const after = await fontSizeAtLeast(page, services, before * 1.25)
    expect(after).toBeGreaterThanOrEqual(before * 1.25)

    // Persisted: a reload (a new visit) keeps it on.
    await page.reload()
    tiles = await cardTiles(page)
    const reloaded = await fontSizeAtLeast(page, tiles.first().locator('.tile__services'), before * 1.25)
    expect(reloaded).toBeGreaterThanOrEqual(before * 1.25)

    // Every visible button on the card is a big enough touch target.
    const buttons = await heightsOf(page, '.btn')
    expect(buttons.length).toBeGreaterThan(0)
    expect(buttons.filter(({ height }) => height < 48)).toEqual([])
    await shot(page, '4-home-elder')
  })

  // The call links are the card's main touch targets: on H5 they are <a href="tel:"> styled as buttons.
  test('长辈模式: the call links (tel:) are touch targets at least 48 px tall too', async () => {
    const page = await open('/?g=DA0103')
    await cardTiles(page)
    await turnOnElderMode(page)
    await tabTo(page, '六色卡')
    await cardTiles(page)
    const links = await heightsOf(page, 'a[href^="tel:"]')
    expect(links.length).toBeGreaterThanOrEqual(7)
    expect(links.filter(({ height }) => height < 48)).toEqual([])
    await shot(page, '4-call-links-elder')
  })

  test('长辈模式: the grid leader row keeps the name on one line, clear of its call button', async () => {
    const page = await open('/?g=DA0103')
    await cardTiles(page)
    await turnOnElderMode(page)
    await tabTo(page, '六色卡')
    await cardTiles(page)
    const root = await stationed(page)
    const row = root.locator('.grid-head__row', { hasText: '网格长' })
    const layout = await row.evaluate((el) => {
      const button = el.querySelector('a[href^="tel:"]') as HTMLElement
      const value = el.querySelector('.grid-head__value') as HTMLElement
      const range = document.createRange()
      range.selectNodeContents(value)
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0)
      const b = button.getBoundingClientRect()
      return {
        name: value.innerText.replace(/\s+/g, ''),
        lines: new Set(rects.map((r) => Math.round(r.top))).size,
        coveredByButton: rects.some((r) => r.right > b.left + 1 && r.left < b.right - 1 && r.bottom > b.top + 1 && r.top < b.bottom - 1),
      }
    })
    await shot(page, '4-leader-row-elder')
    expect(layout).toEqual({ name: seedGrid('DA0103').leader.name, lines: 1, coveredByButton: false })
  })

  test('unknown grid shows a message and a picker; the picked grid is remembered for the next visit', async () => {
    const page = await open('/?g=ZZ9999')
    const root = await stationed(page)
    await root.getByText('未找到网格「ZZ9999」').waitFor()
    const picker = root.locator('.picker')
    await picker.waitFor()
    expect(await picker.locator('button').count()).toBeGreaterThanOrEqual(7)

    const xinghua = picker.getByRole('group', { name: '兴华社区' })
    await xinghua.getByRole('button', { name: '第一网格' }).click()
    await cardTiles(page)
    const grid = seedGrid('XH0201')
    expect(await gridName(page)).toBe(grid.name)
    await shot(page, '5-picked')

    // A later visit without any parameter opens the remembered grid.
    await page.goto(server.url + '/')
    const tiles = await cardTiles(page)
    expect(await gridName(page)).toBe(grid.name)
    expect(await tiles.count()).toBe(6)
    expect((await tiles.nth(0).locator('.duty__name').innerText()).trim()).toBe(seedContact('XH0201-red-1').name)
    await shot(page, '5-remembered')
  })

  test('H5 page basics: Chinese language, a title and a zoomable viewport', async () => {
    const page = await open('/?g=DA0103')
    await cardTiles(page)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect((await page.title()).trim()).not.toBe('')
    const viewports = await page.locator('meta[name="viewport"]').evaluateAll((els) => els.map((el) => el.getAttribute('content') ?? ''))
    expect(viewports.length).toBeGreaterThan(0)
    for (const content of viewports) {
      const compact = content.replace(/\s+/g, '').toLowerCase()
      expect(compact).not.toContain('user-scalable=no')
      expect(compact).not.toContain('user-scalable=0')
      expect(compact).not.toMatch(/maximum-scale=1(\.0*)?(,|$)/)
    }
    await shot(page, '6-basics')
  })
})
