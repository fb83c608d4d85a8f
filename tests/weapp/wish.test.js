// The 微心愿 subpackage of the production weapp build in miniprogram-simulate:
// its pages load from the subpackage and talk to the embedded backend.
const { loadPage, findByClass, findByText, readText, tap } = require('./harness')

const DIST = process.env.WEAPP_DIST || 'dist/weapp'

let page
afterEach(() => {
  if (page) page.unload()
  page = null
})

test('the post form renders its fields and explains what is missing', async () => {
  page = await loadPage(DIST, 'wish/pages/post/index')
  await page.waitFor(() => expect(findByText(page.root, '提交心愿').length).toBeGreaterThan(0) || true)
  const text = readText(page.root)
  for (const label of ['心愿类别', '标题', '具体描述', '楼栋', '门牌号', '联系电话']) expect(text).toContain(label)

  await tap(findByText(page.root, '提交心愿')[0])
  await page.waitFor(() => expect(readText(page.root)).toContain('请填写标题') || true)
  expect(readText(page.root)).toContain('请填写门牌号')
  expect(page.errors).toEqual([])
})

test('my wishes list signs in with wx.login and shows the resident’s wishes', async () => {
  // Any login code signs in as the demo resident 李明, who has an open wish in the seed.
  page = await loadPage(DIST, 'wish/pages/list/index', { query: { mode: 'mine' } })
  await page.waitFor(() => expect(findByClass(page.root, 'wish-item').length).toBeGreaterThan(0) || true)
  expect(readText(page.root)).toContain('楼道灯不亮了')
  expect(page.errors).toEqual([])
})
