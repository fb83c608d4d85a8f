// The 就业创业 subpackage of the production weapp build in miniprogram-simulate.
const { loadPage, findByClass, findByText, readText, tap } = require('./harness')

const DIST = process.env.WEAPP_DIST || 'dist/weapp'

let page
afterEach(() => {
  if (page) page.unload()
  page = null
})

test('the job list shows postings and filters by kind', async () => {
  page = await loadPage(DIST, 'jobs/pages/list/index')
  await page.waitFor(() => expect(findByClass(page.root, 'job-item').length).toBe(20) || true)
  // The filter chips are folded behind 筛选: until then 技能培训 shows only as postings' badges.
  const badges = findByText(page.root, '技能培训').length
  await tap(findByText(page.root, '筛选')[0])
  await page.waitFor(() => expect(findByText(page.root, '技能培训')).toHaveLength(badges + 1) || true)
  // The chips come before the list: the first match is the chip.
  await tap(findByText(page.root, '技能培训')[0])
  await page.waitFor(() => expect(findByClass(page.root, 'job-item').length).toBeLessThan(20) || true)
  expect(readText(page.root)).toContain('电商运营培训班')
  expect(page.errors).toEqual([])
})
