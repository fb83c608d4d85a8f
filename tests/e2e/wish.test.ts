/* 微心愿 end to end on the production H5 builds: the whole life of a wish on
 * the embedded backend (one browser, switching demo accounts), a claim race
 * between two volunteers on the HTTP backend, bad input, and elder mode. */
import fs from 'fs'
import path from 'path'
import type { Browser, Page } from 'playwright-core'
import { startMockServer } from '../../mock/server'
import { ROOT, claimRace, distDir, launchBrowser, newPage, openPage, serve, shot, stationed, switchAccount, type StaticServer } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())



async function fill(page: Page, values: Record<string, string>) {
  const root = await stationed(page)
  for (const [id, value] of Object.entries(values)) await root.locator(`#${id}`).fill(value)
}

const button = async (page: Page, name: string) => (await stationed(page)).getByRole('button', { name, exact: true })

describe('微心愿 on the embedded backend', () => {
  let site: StaticServer
  beforeAll(async () => {
    site = await serve(distDir('E2E_DIST', 'dist/h5'))
  })
  afterAll(() => site?.close())

  it('goes from a resident’s wish to a confirmed rating through staff and a volunteer', async () => {
    const { context, page } = await newPage(browser)
    try {
      await switchAccount(page, site, '切换为居民李明')
      await openPage(page, site, '/wish/pages/post/index')
      await (await stationed(page)).getByRole('radio', { name: '维修' }).click()
      await fill(page, {
        'wish-title': '卫生间灯泡坏了',
        'wish-description': '卫生间顶灯不亮了，够不着，想请人帮忙换个灯泡。',
        'wish-building': '友谊路9号3栋',
        'wish-unit': '2单元',
        'wish-room': '301',
      })
      await (await button(page, '提交心愿')).click()
      await page.waitForURL(/detail\/index\?id=/)
      const id = new URL(page.url().replace('#', '')).searchParams.get('id')!
      let root = await stationed(page)
      await root.getByText('心愿已提交').waitFor()
      expect(await root.locator('.badge').first().innerText()).toBe('待审核')

      await switchAccount(page, site, '切换为工作人员刘芳')
      root = await openPage(page, site, '/wish/pages/list/index?mode=review')
      await root.getByRole('button', { name: '查看详情：卫生间灯泡坏了' }).click()
      await (await button(page, '审核通过')).click()
      await (await stationed(page)).getByText('已审核通过').waitFor()

      await switchAccount(page, site, '切换为网格志愿者赵志强')
      // How long the open list takes to show its first page after navigation.
      const started = Date.now()
      root = await openPage(page, site, '/wish/pages/list/index?mode=open')
      await root.locator('.wish-item').first().waitFor()
      recordFigure('h5WishListFirstPageMs', Date.now() - started)
      const card = root.locator('.wish-item', { hasText: '卫生间灯泡坏了' })
      expect(await card.innerText()).not.toContain('301')
      await root.getByRole('button', { name: '认领心愿：卫生间灯泡坏了' }).click()
      await page.waitForURL(new RegExp(`detail/index\\?id=${id}`))
      root = await stationed(page)
      await root.getByText('地址：友谊路9号3栋 2单元 301').waitFor()
      await fill(page, { 'wish-note': '换了一个节能灯泡，已经亮了', 'wish-hours': '1' })
      await (await button(page, '完成服务')).click()
      await root.getByText('已完成服务').waitFor()

      await switchAccount(page, site, '切换为居民李明')
      root = await openPage(page, site, `/wish/pages/detail/index?id=${id}`)
      await root.getByRole('button', { name: '5颗星' }).click()
      await fill(page, { 'wish-thanks': '谢谢小赵，又快又好' })
      await (await button(page, '确认并评价')).click()
      await root.getByText('评价：★★★★★ 谢谢小赵，又快又好').waitFor()
      expect(await root.locator('.badge').first().innerText()).toBe('已确认')
      expect(await root.locator('.timeline').innerText()).toMatch(/发布心愿[\s\S]*审核通过[\s\S]*认领[\s\S]*完成服务[\s\S]*确认完成/)
      await shot(page, 'wish-1-confirmed')
    } finally {
      await context.close()
    }
  })

  it('keeps everything typed and explains each bad field beside it', async () => {
    const { context, page } = await newPage(browser)
    try {
      await switchAccount(page, site, '切换为长者张桂兰')
      const root = await openPage(page, site, '/wish/pages/post/index')
      await fill(page, {
        'wish-title': '想请人帮忙把冬天的厚被子从柜子顶上拿下来吧',
        'wish-description': '<img src=x onerror=alert(1)>',
        'wish-building': '3栋',
        'wish-phone': '1390452',
      })
      await (await button(page, '提交心愿')).click()
      await root.getByText('还有几项需要修改').waitFor()
      expect(await root.locator('#wish-title-error').innerText()).toMatch(/标题不能超过20个字/)
      expect(await root.locator('#wish-description-error').innerText()).toMatch(/网页代码/)
      expect(await root.locator('#wish-phone-error').innerText()).toMatch(/11位手机号/)
      expect(await root.locator('#wish-room-error').innerText()).toBe('请填写门牌号')
      expect(await root.locator('#wish-title').inputValue()).toBe('想请人帮忙把冬天的厚被子从柜子顶上拿下来吧')
      expect(await root.locator('#wish-description').inputValue()).toBe('<img src=x onerror=alert(1)>')
      expect(await root.locator('img[src="x"]').count()).toBe(0)
      // The draft survives a reload.
      await page.reload()
      expect(await (await stationed(page)).locator('#wish-title').inputValue()).toBe('想请人帮忙把冬天的厚被子从柜子顶上拿下来吧')
      await shot(page, 'wish-2-bad-input')
    } finally {
      await context.close()
    }
  })

  it('keeps the wish pages large in 长辈模式', async () => {
    const { context, page } = await newPage(browser)
    try {
      let root = await openPage(page, site, '/pages/me/index')
      await root.locator('button[role="switch"][aria-label="长辈模式"]').click()
      root = await openPage(page, site, '/wish/pages/post/index')
      await root.locator('#wish-title').waitFor()
      const sizes = await root.evaluate((el) => {
        const px = (sel: string) => Array.from(el.querySelectorAll(sel)).map((n) => parseFloat(getComputedStyle(n).fontSize))
        const heights = Array.from(el.querySelectorAll('button, input, textarea')).map((n) => n.getBoundingClientRect().height)
        return { labels: px('.field__label'), inputs: px('.field__input'), minHeight: Math.min(...heights) }
      })
      expect(Math.min(...sizes.labels)).toBeGreaterThanOrEqual(20)
      expect(Math.min(...sizes.inputs)).toBeGreaterThanOrEqual(20)
      expect(sizes.minHeight).toBeGreaterThanOrEqual(48)
      root = await openPage(page, site, '/wish/pages/detail/index?id=w5')
      await root.getByText('楼道灯不亮了').waitFor()
      expect(parseFloat(await root.locator('.card__title').first().evaluate((n) => getComputedStyle(n).fontSize))).toBeGreaterThanOrEqual(22)
      await shot(page, 'wish-3-elder')
    } finally {
      await context.close()
    }
  })
})

describe('微心愿 claim race on the HTTP backend', () => {
  it('refuses the second volunteer with 该心愿已被认领 and refreshes their list', async () => {
    const api = await startMockServer({ port: 3199, host: '127.0.0.1' })
    const site = await serve(distDir('E2E_API_DIST', 'dist/h5-api'))
    try {
      const { a, b, listA } = await claimRace(browser, site)
      try {
        await listA.locator('.wish-item', { hasText: '教我用手机挂号' }).waitFor({ state: 'detached' })
        await shot(a.page, 'wish-4-claim-refused')
      } finally {
        await a.context.close()
        await b.context.close()
      }
    } finally {
      await site.close()
      await api.close()
    }
  })
})

/** Benchmark figures measured in passing, printed by tests/tools/bench.js. */
function recordFigure(name: string, value: number) {
  const file = path.join(ROOT, '.tmp', 'bench', 'e2e.json')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const figures = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
  fs.writeFileSync(file, JSON.stringify({ ...figures, [name]: value }, null, 2))
}
