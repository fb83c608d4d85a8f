// The home page of the production weapp build, rendered by miniprogram-simulate.
// Build first, then run, e.g.:
//   OUTPUT_ROOT=dist/weapp npx taro build --type weapp
//   WEAPP_DIST=dist/weapp npx jest -c tests/jest.weapp.config.js
const { loadPage, countByClass, findByClass, findByText, classesOf, readText, tap } = require('./harness')

const DIST = process.env.WEAPP_DIST || 'dist/weapp'
const HOME = 'pages/home/index'

let page
afterEach(() => {
  if (page) page.unload()
  page = null
})

test('renders 六色联系卡 after Taro has set the page data', async () => {
  page = await loadPage(DIST, HOME)

  expect(readText(page.root)).toContain('六色联系卡')
  // The text came through Taro's setData into the compiled base.wxml
  // templates, not from some static markup.
  expect(page.instance.data.root.cn.length).toBeGreaterThan(0)
  expect(global.getCurrentPages().map(p => p.route)).toEqual([HOME])
  expect(page.errors).toEqual([])
})

test('a QR entry (?g=) opens that grid\'s card with six tiles', async () => {
  page = await loadPage(DIST, HOME, { query: { g: 'DA0103' } })
  // The card arrives after the first render: wait for it, not for a time.
  // An expect() inside waitFor is retried; on timeout its failure is thrown.
  await page.waitFor(() => expect(countByClass(page.root, 'tile')).toBe(6) || true)

  expect(readText(page.root)).toContain('东安社区第三网格')
  expect(page.errors).toEqual([])
})

test('tapping 拨打 and 复制号码 on a tile runs their React onClick handlers', async () => {
  page = await loadPage(DIST, HOME, { query: { g: 'DA0103' } })
  await page.waitFor(() => expect(countByClass(page.root, 'tile')).toBe(6) || true)
  const [firstTile] = findByClass(page.root, 'tile')
  // Whoever is on duty now, or the 24-hour hotline (0452-…) when nobody is.
  const [call] = findByText(firstTile, /^拨打 [\d-]+$/)
  const digits = text => text.replace(/\D/g, '')
  const number = digits(readText(call))

  // tap() goes through exparser to Taro's event handler, which finds the
  // React element by data-sid; it resolves once the page has settled and
  // throws what the handler threw.
  await tap(call)
  expect(page.callsTo('makePhoneCall').map(options => digits(options.phoneNumber))).toEqual([number])

  await tap(findByText(firstTile, '复制号码')[0])
  expect(digits(page.clipboard)).toBe(number)
  expect(page.errors).toEqual([])
})

test('class queries use className as written, not the prefixed DOM class', async () => {
  page = await loadPage(DIST, HOME)
  const styled = [...page.root.dom.querySelectorAll('*')].find(el => classesOf(el).length > 0)
  expect(styled).toBeDefined()
  const [className] = classesOf(styled)

  // In the DOM the class carries its component's prefix, e.g. "main--page".
  expect(styled.getAttribute('class').split(' ')).toContain(`main--${className}`)
  expect(findByClass(page.root, className).map(node => node.dom)).toContain(styled)
  expect(countByClass(page.root, `main--${className}`)).toBe(0)
  expect(countByClass(page.root, 'no-such-class')).toBe(0)
})

test('wx stand-ins: in-memory storage, login, request, phone and clipboard', async () => {
  page = await loadPage(DIST, HOME, {
    storage: { session: { token: 't1' } },
    request: async req => ({ statusCode: 201, data: { echo: req.data } }),
  })
  const { wx } = page // the same object the built Taro runtime calls

  expect(wx.getStorageSync('session')).toEqual({ token: 't1' })
  expect(wx.getStorageSync('missing')).toBe('')
  const value = { list: [1] }
  wx.setStorageSync('prefs', value)
  value.list.push(2) // storage keeps a copy, as in WeChat
  expect(page.storage.get('prefs')).toEqual({ list: [1] })

  const login = await new Promise((resolve, reject) => wx.login({ success: resolve, fail: reject }))
  expect(login.code).toBe(page.loginCode)

  const res = await new Promise((resolve, reject) =>
    wx.request({ url: 'https://api.example/cards', method: 'POST', data: { a: 1 }, success: resolve, fail: reject }))
  expect(res).toMatchObject({ statusCode: 201, data: { echo: { a: 1 } } })
  expect(page.requests).toContainEqual(expect.objectContaining({ url: 'https://api.example/cards', method: 'POST' }))

  page.request = null // no handler: the request fails like an unreachable server
  const failed = await new Promise(resolve => wx.request({ url: 'https://api.example/x', fail: resolve }))
  expect(failed.errMsg).toMatch(/^request:fail/)

  await new Promise(resolve => wx.makePhoneCall({ phoneNumber: '12345', complete: resolve }))
  await new Promise(resolve => wx.setClipboardData({ data: 'copied', complete: resolve }))
  expect(page.callsTo('makePhoneCall')).toContainEqual(expect.objectContaining({ phoneNumber: '12345' }))
  expect(page.clipboard).toBe('copied')
})

test('a large WeChat font offers 长辈模式 once, and switches it on only when accepted', async () => {
  page = await loadPage(DIST, HOME, { fontSizeSetting: 20, modalConfirm: true })
  await page.waitFor(() => expect(page.modals).toHaveLength(1) || true)
  expect(page.modals[0]).toMatchObject({ title: '开启长辈模式？', confirmText: '开启' })
  await page.waitFor(() => expect(JSON.parse(page.storage.get('dongan-session')).state).toMatchObject({ elderMode: true, elderModeOffered: true }) || true)
  const kept = page.storage.get('dongan-session')
  page.unload()

  // Asked once: the next visit, even with the font still large, asks nothing.
  page = await loadPage(DIST, HOME, { fontSizeSetting: 20, storage: { 'dongan-session': kept } })
  await page.settle()
  expect(page.modals).toEqual([])
  expect(page.errors).toEqual([])
})

test('the standard WeChat font offers nothing', async () => {
  page = await loadPage(DIST, HOME, { fontSizeSetting: 16 })
  await page.settle()
  expect(page.modals).toEqual([])
  expect(JSON.parse(page.storage.get('dongan-session') || '{"state":{}}').state.elderMode).not.toBe(true)
})

test('转发 and 朋友圈 share the card with its grid in the path', async () => {
  page = await loadPage(DIST, HOME, { query: { g: 'DA0103' } })
  await page.waitFor(() => expect(countByClass(page.root, 'tile')).toBe(6) || true)
  const chat = page.instance.onShareAppMessage({ from: 'menu' })
  expect(chat).toMatchObject({ path: '/pages/home/index?g=DA0103' })
  expect(chat.title).toContain('东安社区第三网格')
  expect(page.instance.onShareTimeline()).toMatchObject({ query: 'g=DA0103' })
  expect(page.errors).toEqual([])
})

test('a first visit asks consent in a sheet whose agree button is WeChat’s agreePrivacyAuthorization button', async () => {
  page = await loadPage(DIST, HOME, { consented: false })
  await page.settle()
  expect(readText(page.root)).toContain('欢迎使用东安社区服务')
  const agree = page.root.querySelector('#consent-agree')
  // The builtin's open-type lives in the data Taro sets for that element (its sid), not in the DOM.
  const sid = agree.dom.getAttribute('data-sid')
  const find = node => (node && node.sid === sid ? node : (node && node.cn || []).map(find).find(Boolean))
  expect(Object.values(find(page.instance.data.root))).toContain('agreePrivacyAuthorization')
  expect(page.errors).toEqual([])
})

test('when WeChat asks before the album or the phone number, the sheet answers it with the tapped button', async () => {
  page = await loadPage(DIST, HOME, { query: { g: 'DA0103' } })
  await page.settle()
  expect(readText(page.root)).not.toContain('使用前请同意隐私政策')
  const answered = page.askPrivacy()
  await page.settle()
  expect(readText(page.root)).toContain('使用前请同意隐私政策')
  page.root.querySelector('#consent-agree').dispatchEvent('agreeprivacyauthorization', { detail: {} })
  await expect(answered).resolves.toEqual({ event: 'agree', buttonId: 'consent-agree' })
  await page.settle()
  expect(readText(page.root)).not.toContain('使用前请同意隐私政策')
  expect(page.errors).toEqual([])
})
