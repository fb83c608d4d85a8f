// The 专家义诊 subpackage of the production weapp build in miniprogram-simulate.
const { loadPage, findByClass, findByText, readText, tap } = require('./harness')

const DIST = process.env.WEAPP_DIST || 'dist/weapp'

let page
afterEach(() => {
  if (page) page.unload()
  page = null
})

test('the clinic list groups upcoming clinics by day', async () => {
  page = await loadPage(DIST, 'clinic/pages/list/index')
  await page.waitFor(() => expect(findByClass(page.root, 'clinic-item').length).toBe(4) || true)
  const text = readText(page.root)
  expect(text).toContain('明天')
  expect(text).toContain('心血管专家义诊')
  expect(page.errors).toEqual([])
})

test('the booking form checks the age before anything is sent', async () => {
  page = await loadPage(DIST, 'clinic/pages/book/index', { query: { clinic: 'c1', slot: 't2' } })
  await page.waitFor(() => expect(findByText(page.root, '确认预约').length).toBeGreaterThan(0) || true)
  await tap(findByText(page.root, '确认预约')[0])
  await page.waitFor(() => expect(readText(page.root)).toContain('请填写年龄') || true)
  expect(page.errors).toEqual([])
})

test('a clinic is shared as "帮爸妈约义诊" and reopens the same clinic', async () => {
  page = await loadPage(DIST, 'clinic/pages/detail/index', { query: { id: 'c1' } })
  await page.waitFor(() => expect(readText(page.root)).toContain('医院：') || true)
  const chat = page.instance.onShareAppMessage({ from: 'menu' })
  expect(chat.path).toBe('/clinic/pages/detail/index?id=c1')
  expect(chat.title).toMatch(/^帮爸妈约义诊：/)
  expect(page.instance.onShareTimeline()).toMatchObject({ query: 'id=c1' })
  expect(page.errors).toEqual([])
})

test('pulling the clinic list down reads it again and stops WeChat’s spinner', async () => {
  const fs = require('fs')
  const path = require('path')
  expect(JSON.parse(fs.readFileSync(path.join(DIST, 'clinic/pages/list/index.json'), 'utf8')).enablePullDownRefresh).toBe(true)
  page = await loadPage(DIST, 'clinic/pages/list/index')
  await page.waitFor(() => expect(findByClass(page.root, 'clinic-item').length).toBe(4) || true)
  page.instance.onPullDownRefresh()
  await page.waitFor(() => expect(page.callsTo('stopPullDownRefresh')).toHaveLength(1) || true)
  expect(findByClass(page.root, 'clinic-item').length).toBe(4)
  expect(page.errors).toEqual([])
})
