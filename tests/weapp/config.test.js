// The weapp build's app.json and sitemap.json, as WeChat reads them.
const fs = require('fs')
const path = require('path')

const DIST = process.env.WEAPP_DIST || 'dist/weapp'
const read = name => JSON.parse(fs.readFileSync(path.join(DIST, name), 'utf8'))

/** WeChat's own matching: the first rule that names the page (or *) decides. */
function indexable(sitemap, page) {
  const rule = sitemap.rules.find(r => r.page === '*' || r.page === page || (r.page.endsWith('/*') && page.startsWith(r.page.slice(0, -1))))
  return rule ? rule.action === 'allow' : true
}

test('WeChat search may index the card, lists and clinics, never a ticket, a wish’s details or 我的', () => {
  const app = read('app.json')
  const sitemap = read(app.sitemapLocation)
  for (const page of ['pages/home/index', 'wish/pages/list/index', 'clinic/pages/list/index', 'clinic/pages/detail/index', 'jobs/pages/list/index']) {
    expect([page, indexable(sitemap, page)]).toEqual([page, true])
  }
  for (const page of ['clinic/pages/ticket/index', 'wish/pages/detail/index', 'pages/me/index', 'staff/pages/dashboard/index', 'staff/pages/audit/index', 'inbox/pages/list/index', 'legal/pages/mydata/index']) {
    expect([page, indexable(sitemap, page)]).toEqual([page, false])
  }
})

test('the home page preloads the clinic subpackage, within WeChat’s 2 MB for one page', () => {
  const app = read('app.json')
  const packages = app.preloadRule['pages/home/index'].packages
  expect(packages).toEqual(['clinic'])
  const bytes = packages.flatMap(root => fs.readdirSync(path.join(DIST, root), { recursive: true }).map(f => path.join(DIST, root, f)))
    .filter(f => fs.statSync(f).isFile())
    .reduce((sum, f) => sum + fs.statSync(f).size, 0)
  expect(bytes).toBeGreaterThan(0)
  expect(bytes).toBeLessThan(2 * 1024 * 1024)
})

test('WeChat asks for consent to the privacy guide before the album or the phone number is used', () => {
  const app = read('app.json')
  expect(app.__usePrivacyCheck__).toBe(true)
  expect(app.subPackages.find(p => p.root === 'legal').pages).toEqual(['pages/privacy/index', 'pages/terms/index', 'pages/mydata/index'])
})
