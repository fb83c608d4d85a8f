/* Screenshots of the H5 pages, normal and 长辈模式, for a person to look at:
 *   npm run shots [-- dist/h5 .tmp/shots]   (build first: npm run build:h5)
 * SHOT_HEIGHT=2400 makes the window taller, to see a long page whole (its content scrolls inside the page, not the window). */
const fs = require('fs')
const { chromium } = require('playwright-core')
const { serveStatic } = require('./static-server')

const PAGES = [
  ['home', '/?g=DA0103'],
  ['unknown-grid', '/?g=ZZ9999'],
  ['me', '/#/pages/me/index'],
  ['wish-post', '/#/wish/pages/post/index'],
  ['wish-mine', '/#/wish/pages/list/index?mode=mine'],
  ['wish-detail', '/#/wish/pages/detail/index?id=w5'],
  ['clinic-list', '/#/clinic/pages/list/index'],
  ['clinic-detail', '/#/clinic/pages/detail/index?id=c1'],
  ['clinic-book', '/#/clinic/pages/book/index?clinic=c1&slot=t2'],
  ['jobs-list', '/#/jobs/pages/list/index'],
  ['dashboard', '/#/staff/pages/dashboard/index'],
  ['messages', '/#/inbox/pages/list/index'],
  ['matters-raise', '/#/matters/pages/raise/index'],
  ['matters-public', '/#/matters/pages/public/index'],
  ['matter-detail', '/#/matters/pages/detail/index?id=mt-seed-1'],
  ['mediation', '/#/matters/pages/mediation/index'],
  ['meetings', '/#/matters/pages/meetings/index'],
  ['meeting-detail', '/#/matters/pages/meeting/index?id=mg-seed-1'],
  ['activity-list', '/#/activity/pages/list/index'],
  ['activity-detail', '/#/activity/pages/detail/index?id=h1'],
  ['activity-record', '/#/activity/pages/record/index'],
  ['activity-certificate', '/#/activity/pages/certificate/index'],
  ['rooms-list', '/#/rooms/pages/list/index'],
  ['room-detail', '/#/rooms/pages/detail/index?id=m2'],
  ['room-nursing', '/#/rooms/pages/detail/index?id=m4'],
  ['rooms-mine', '/#/rooms/pages/mine/index'],
  ['legal-privacy', '/#/legal/pages/privacy/index'],
  ['my-data', '/#/legal/pages/mydata/index'],
]

/** Pages of the street office's staff (刘芳), shot after switching to her demo account. */
const STAFF_PAGES = [
  ['staff-matters', '/#/matters/pages/handle/index'],
  ['staff-matter-detail', '/#/matters/pages/detail/index?id=mt-seed-1'],
  ['staff-mediation', '/#/matters/pages/mediation-manage/index'],
  ['staff-meeting-new', '/#/matters/pages/meeting-new/index'],
  ['staff-activity-publish', '/#/activity/pages/publish/index'],
  ['staff-activity-organiser', '/#/activity/pages/organiser/index?id=h1'],
  ['staff-room-door', '/#/rooms/pages/door/index?id=m2'],
  ['staff-room-detail', '/#/rooms/pages/detail/index?id=m2'],
]

async function main() {
  const dist = process.argv[2] || 'dist/h5'
  const out = process.argv[3] || '.tmp/shots'
  fs.mkdirSync(out, { recursive: true })
  const server = await serveStatic(dist)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    for (const elder of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 390, height: Number(process.env.SHOT_HEIGHT) || 844 } })
      const page = await context.newPage()
      // A first visit: the consent sheet over the card; then agree, as a resident would.
      await page.goto(`${server.url}/?g=DA0103`)
      await page.waitForSelector('[aria-label="隐私保护提示"]', { timeout: 15000 })
      if (!elder) await page.screenshot({ path: `${out}/first-visit.png` })
      await page.getByRole('button', { name: '同意并继续' }).click()
      if (elder) {
        await page.goto(`${server.url}/#/pages/me/index`)
        await page.getByRole('switch', { name: '长辈模式' }).click()
      }
      const shoot = async (name, path) => {
        await page.goto(`${server.url}${path}`)
        await page.waitForSelector('.taro_page_stationed .page', { timeout: 15000 })
        await page.waitForTimeout(600)
        const file = `${out}/${name}${elder ? '-elder' : ''}.png`
        await page.screenshot({ path: file, fullPage: true })
        console.log(file)
      }
      for (const [name, path] of PAGES) await shoot(name, path)
      await page.goto(`${server.url}/#/pages/me/index`)
      await page.locator('button[aria-label="切换为工作人员刘芳"]').click()
      await page.getByText(/^已切换为/).waitFor()
      for (const [name, path] of STAFF_PAGES) await shoot(name, path)
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
