/* Screenshots of H5 pages for a person to look at: node scripts/shot.js [dist] [outdir] */
const { chromium } = require('playwright-core')
const { serveStatic } = require('./static-server')

async function main() {
  const dist = process.argv[2] || 'dist/h5'
  const out = process.argv[3] || '.tmp/shots'
  require('fs').mkdirSync(out, { recursive: true })
  const server = await serveStatic(dist)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
  const pages = [
    // name, url
    ['home', `${server.url}/?g=DA0103`],
    ['unknown', `${server.url}/?g=ZZ9999`],
    ['me', `${server.url}/#/pages/me/index`],
  ]
  for (const elder of [false, true]) {
    for (const [name, url] of pages) {
      await page.goto(url)
      if (elder) await page.evaluate(() => {
        const raw = localStorage.getItem('dongan-session')
        const s = raw ? JSON.parse(raw) : { state: {}, version: 0 }
        s.state.elderMode = true
        localStorage.setItem('dongan-session', JSON.stringify(s))
      })
      if (elder) await page.reload()
      await page.waitForSelector('.taro_page_stationed', { timeout: 10000 }).catch(() => {})
      await page.waitForTimeout(800)
      await page.screenshot({ path: `${out}/${name}${elder ? '-elder' : ''}.png`, fullPage: true })
    }
  }
  await browser.close()
  await server.close()
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
