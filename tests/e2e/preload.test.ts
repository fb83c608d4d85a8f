/* index.html starts downloading the opened page's own code with the app's
 * (config/preloadRouteChunks.ts): every page has its files in the map, and the
 * page's chunk is fetched once, by the preload, not again by the router. */
import fs from 'fs'
import path from 'path'
import { browserAndSite, distDir, newPage } from './browser'

// app.config.ts calls Taro's build-time global; here it just hands back the config.
;

(globalThis as unknown as { defineAppConfig: <T>(config: T) => T }).defineAppConfig = (config) => config
// eslint-disable-next-line @typescript-eslint/no-var-requires
const appConfig = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }

const env = browserAndSite('E2E_DIST', 'dist/h5')

/** Every page of the app as a hash route, e.g. /wish/pages/list/index. */
const ROUTES = [
  ...appConfig.pages.map((p) => `/${p}`),
  ...appConfig.subPackages.flatMap((sub) => sub.pages.map((p) => `/${sub.root}/${p}`)),
]

it('maps every page to its own JS and CSS files, all of them built', () => {
  const dir = distDir('E2E_DIST', 'dist/h5')
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
  const map = JSON.parse(/\}\((\{"\/[\s\S]*?\})\)<\/script>/.exec(html)![1]) as Record<string, string[]>
  expect(Object.keys(map).sort()).toEqual([...ROUTES].sort())
  for (const files of Object.values(map)) {
    expect(files.some((f) => f.endsWith('.js'))).toBe(true)
    for (const file of files) expect(fs.existsSync(path.join(dir, file))).toBe(true)
  }
})

it.each([
  ['the home page from a QR code', '/?g=DA0103'],
  ['a subpackage page', '/#/jobs/pages/list/index'],
])('fetches the code of %s once, starting from the preload', async (_name, url) => {
  const { context, page } = await newPage(env.browser)
  try {
    const chunks: string[] = []
    page.on('request', (request) => {
      if (/\/js\/\d+\.[0-9a-f]+\.js$/.test(request.url())) chunks.push(new URL(request.url()).pathname)
    })
    await page.goto(`${env.site.url}${url}`)
    await page.locator('.taro_page_stationed').first().waitFor()
    const preloaded = await page.evaluate(() => Array.from(document.querySelectorAll('link[rel="preload"][as="script"]'), (l) => new URL((l as HTMLLinkElement).href).pathname))
    expect(preloaded).toHaveLength(1)
    expect(chunks.filter((c) => c === preloaded[0])).toHaveLength(1)
  } finally {
    await context.close()
  }
})
