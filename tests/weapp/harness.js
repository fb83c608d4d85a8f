/**
 * Loads the *production* weapp build (the output of `taro build --type weapp`)
 * into miniprogram-simulate, WeChat's own component test tool, and renders one
 * page. This is the one check that the compiled mini-program itself (Taro's
 * base.wxml templates, its runtime and React) renders and reacts to taps.
 *
 *   const { loadPage, countByClass, findByClass, findByText, readText, tap } = require('./harness')
 *   const page = await loadPage(process.env.WEAPP_DIST || 'dist/weapp', 'pages/home/index',
 *     { query: { g: 'DA0103' } })
 *   await page.waitFor(() => countByClass(page.root, 'tile') === 6)
 *   expect(readText(findByClass(page.root, 'tile')[0])).toContain('红色')
 *   await tap(findByText(page.root, /^拨打/)[0]) // runs the React onClick
 *   expect(page.callsTo('makePhoneCall')).toHaveLength(1)
 *   page.unload()
 *
 * Runs under Jest with testEnvironment "jsdom" (see tests/jest.weapp.config.js):
 * miniprogram-simulate renders through exparser into a DOM and needs window,
 * CustomEvent and TouchEvent. Do not use Jest fake timers: Taro schedules every
 * setData with a real setTimeout.
 *
 * How a page gets on screen here, in the same order as in WeChat:
 *   1. a fresh `wx` object and the App/getApp/Page/getCurrentPages stand-ins are
 *      installed as globals;
 *   2. dist/app.js runs (it requires vendors.js, taro.js, runtime.js and calls
 *      App()); the harness then calls the app's onLaunch and onShow;
 *   3. simulate.load() compiles every .wxml of the build with the official wcc
 *      compiler (Taro's pages are `<import src="base.wxml">` + `<template is=…>`
 *      + a .wxs module, which only the official compiler handles) and runs the
 *      page's js, whose Page() call the stand-in turns into a Component;
 *      `comp` and `custom-wrapper` (Taro's recursive-template components) are
 *      registered the same way through the page's usingComponents;
 *   4. the page is rendered and attached; its lifetimes call Taro's onLoad,
 *      onShow and onReady; onLoad mounts the React page and Taro's first
 *      setData fills `root`, which is when loadPage() resolves.
 */
const fs = require('fs')
const path = require('path')

// The policy date the app asks consent to (src/domain/consent.ts), read rather than repeated.
const PRIVACY_VERSION = /PRIVACY_VERSION = '([^']+)'/.exec(fs.readFileSync(path.join(__dirname, '../../src/domain/consent.ts'), 'utf8'))[1]
const CONSENT_KEY = 'dongan-consent'
const simulate = require('miniprogram-simulate')
// miniprogram-simulate runs a component's js with Node's require and then
// deletes it from require.cache. Under Jest that delete is a no-op, so a second
// load of the same file would not run again: the page would never call Page()
// and comp.js never Component(). During simulate.load() the harness swaps in
// its own runner (runDistFile), which runs the dist files afresh for every
// loadPage(); simulate reads `runJs` from this exports object at call time.
const simulateUtils = require('miniprogram-simulate/src/utils')
// The exparser instance that j-component (inside miniprogram-simulate) uses,
// for its global error listener.
const exparser = require(require.resolve('miniprogram-exparser', {
  paths: [path.dirname(require.resolve('j-component'))],
}))

// miniprogram-simulate installs these two globals when it is required: its
// `wx` API mock and a `Component` constructor that registers the component
// being loaded with j-component. Keep the originals: every loadPage() builds a
// new `wx` on top of the mock, and Page() is routed to this Component().
const simulateWx = Object.assign({}, global.wx)
const simulateComponent = global.Component

const DEFAULT_TIMEOUT = 10000 // generous: CI and dev machines here have 2 busy cores
let current = null // the page handle of the last loadPage()
let NodeWrapper = null // j-component's node class, see loadPage()

/** Resolves after `ms` of real time (never use fake timers with this harness). */
function sleep(ms = 0) {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/**
 * Runs one file of the build as CommonJS, the way the mini-program runtime
 * does: relative require() calls between dist files share one module cache per
 * page load (so vendors/taro/runtime run once per load, like on a phone).
 * `boot` is { dist, modules }.
 */
function runDistFile(file, boot) {
  if (!file.endsWith('.js')) file += '.js'
  if (boot.modules[file]) return boot.modules[file].exports
  const module = { exports: {} }
  boot.modules[file] = module
  const source = fs.readFileSync(file, 'utf8')
  const localRequire = request => {
    if (!request.startsWith('.') && !path.isAbsolute(request)) {
      throw new Error(`weapp harness: ${file} requires "${request}"; a mini-program can only require files of its own build`)
    }
    return runDistFile(path.resolve(path.dirname(file), request), boot)
  }
  // Stack traces name dist files "weapp-dist:///pages/home/index.js": for a
  // real path Jest prints a code frame of the line that called console.error,
  // and one line of a minified bundle is hundreds of kilobytes.
  const sourceURL = `weapp-dist:///${path.relative(boot.dist, file).split(path.sep).join('/')}`
  // new Function (not vm) so that the code sees this Jest environment's globals
  // (wx, App, Page, Component, setTimeout …) as free variables.
  // eslint-disable-next-line no-new-func
  const fn = new Function('require', 'module', 'exports', '__filename', '__dirname', `${source}\n//# sourceURL=${sourceURL}`)
  fn.call(module.exports, localRequire, module, module.exports, file, path.dirname(file))
  return module.exports
}

/** JSON round trip: WeChat's storage keeps a serialized copy, not the object. */
function storedCopy(value) {
  if (value === undefined) return ''
  return value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value
}

/**
 * The `wx` for one page load: miniprogram-simulate's API mock, plus working
 * in-memory versions of what the app relies on, plus a record of every call.
 * Taro's API layer (Taro.xxx) lists the keys of `wx` once when taro.js runs and
 * then calls wx[key] each time, so every API must exist before app.js runs;
 * behaviour can still be changed later through the page handle (storage map,
 * request handler), never by replacing wx functions.
 */
function createWx(state) {
  const ok = name => ({ errMsg: `${name}:ok` })
  // Complete a callback-style call asynchronously, as WeChat does.
  const complete = (options, res, failed) => {
    setTimeout(() => {
      const cb = failed ? options.fail : options.success
      if (typeof cb === 'function') cb(res)
      if (typeof options.complete === 'function') options.complete(res)
    }, 0)
  }
  const storage = state.storage

  const standIns = {
    // Storage: the app keeps its session/preferences here; a test can seed and
    // inspect it through page.storage (a Map).
    getStorageSync: key => (storage.has(key) ? storedCopy(storage.get(key)) : ''),
    setStorageSync: (key, data) => { storage.set(key, storedCopy(data)) },
    removeStorageSync: key => { storage.delete(key) },
    clearStorageSync: () => { storage.clear() },
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (options = {}) => {
      if (storage.has(options.key)) complete(options, { ...ok('getStorage'), data: storedCopy(storage.get(options.key)) })
      else complete(options, { errMsg: 'getStorage:fail data not found' }, true)
    },
    setStorage: (options = {}) => { storage.set(options.key, storedCopy(options.data)); complete(options, ok('setStorage')) },
    removeStorage: (options = {}) => { storage.delete(options.key); complete(options, ok('removeStorage')) },
    clearStorage: (options = {}) => { storage.clear(); complete(options, ok('clearStorage')) },
    getStorageInfo: (options = {}) => complete(options, { ...ok('getStorageInfo'), keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),

    // wx.login: the app exchanges this code for a session; the code is
    // predictable (page.loginCode) so a request handler can check it.
    login: (options = {}) => complete(options, { ...ok('login'), code: state.loginCode }),
    checkSession: (options = {}) => complete(options, ok('checkSession')),

    // wx.request: the simulate mock answers every URL with an empty 200, which
    // would hide a missing stub. Here the test's handler answers (page.request
    // = async req => ({ statusCode, data, header })); without one the request
    // fails, the way an unreachable server does.
    request: (options = {}) => {
      let aborted = false
      const req = {
        url: options.url,
        method: (options.method || 'GET').toUpperCase(),
        data: options.data,
        header: options.header || {},
      }
      state.requests.push(req)
      Promise.resolve()
        .then(() => {
          if (typeof state.request !== 'function') {
            throw new Error(`no request handler in the weapp harness for ${req.method} ${req.url}`)
          }
          return state.request(req)
        })
        .then(res => {
          if (aborted) return
          res = res || {}
          complete(options, {
            ...ok('request'),
            statusCode: res.statusCode === undefined ? 200 : res.statusCode,
            data: res.data === undefined ? '' : res.data,
            header: res.header || {},
            cookies: [],
          })
        }, err => {
          if (aborted) return
          complete(options, { errMsg: `request:fail ${err && err.message ? err.message : err}`, errno: 600001 }, true)
        })
      return {
        abort() {
          if (aborted) return
          aborted = true
          complete(options, { errMsg: 'request:fail abort', errno: 600003 }, true)
        },
        onHeadersReceived() {},
        offHeadersReceived() {},
        onChunkReceived() {},
        offChunkReceived() {},
      }
    },

    // Phone and clipboard: succeed (so the app's success path runs) and are
    // recorded; getClipboardData returns what was set last.
    makePhoneCall: (options = {}) => complete(options, ok('makePhoneCall')),
    setClipboardData: (options = {}) => { state.clipboard = String(options.data); complete(options, ok('setClipboardData')) },
    getClipboardData: (options = {}) => complete(options, { ...ok('getClipboardData'), data: state.clipboard }),

    // The launch options of this page load (Taro and apps may read them).
    getLaunchOptionsSync: () => state.launchOptions,
    getEnterOptionsSync: () => state.launchOptions,

    // WeChat's font setting (我 → 设置 → 通用 → 字体大小), 16 px unless the test
    // says otherwise (page options fontSizeSetting).
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', language: 'zh_CN', version: '8.0.50', fontSizeSetting: state.fontSizeSetting }),
    // Dialogs: recorded on page.modals; answered with page options modalConfirm.
    showModal: (options = {}) => {
      state.modals.push({ title: options.title, content: options.content, confirmText: options.confirmText })
      complete(options, { ...ok('showModal'), confirm: state.modalConfirm, cancel: !state.modalConfirm })
    },
    // WeChat's privacy event: the app registers its listener; page.askPrivacy()
    // fires it the way WeChat does before the album or the phone number.
    onNeedPrivacyAuthorization: listener => { state.privacyListener = listener },
  }

  const wx = Object.assign({}, simulateWx, standIns)
  // Record every call (page.calls / page.callsTo('makePhoneCall')) so a test
  // can assert on side effects that have no visible result in the page.
  for (const key of Object.keys(wx)) {
    const fn = wx[key]
    if (typeof fn !== 'function' || /^[A-Z]/.test(key)) continue
    wx[key] = function recorded(...args) {
      state.calls.push({ api: key, args })
      return fn.apply(this, args)
    }
  }
  return wx
}

/**
 * Page() → Component(). A Taro page is a plain object of page lifecycles plus
 * `data: { root: { cn: [] } }` and the event handler `eh`; j-component only
 * knows components, so the page's functions become methods and component
 * lifetimes call them in WeChat's order: onLoad, onShow, then onReady.
 */
function pageToComponent(config, state) {
  const methods = {}
  const fields = {}
  for (const key of Object.keys(config)) {
    if (key === 'data') continue
    if (typeof config[key] === 'function') methods[key] = config[key]
    else fields[key] = config[key]
  }
  const call = (self, name, ...args) => (typeof self[name] === 'function' ? self[name](...args) : undefined)
  return {
    data: config.data || {},
    methods,
    lifetimes: {
      created() {
        // What WeChat puts on a page instance: Taro reads `route` to build
        // Current.router, and getCurrentPages() returns this object.
        Object.assign(this, fields)
        this.route = state.pagePath
        this.__route__ = state.pagePath
        this.options = state.query
        state.pageInstance = this
        // Count the page's setData calls; the first one is Taro's initial
        // render, which loadPage() waits for.
        const setData = this.setData
        this.setData = (data, callback) => {
          const result = setData.call(this, data, callback)
          state.setDataCount += 1
          return result
        }
      },
      attached() {
        // No second argument: Taro's onLoad(options, cb) hands cb to
        // performUpdate as a *prerender* hook, which skips setData.
        call(this, 'onLoad', { ...state.query })
        call(this, 'onShow')
      },
      ready() { call(this, 'onReady') },
      detached() { call(this, 'onUnload') },
    },
    // root.triggerPageLifeTime('show' | 'hide') reaches Taro's onShow/onHide.
    pageLifetimes: {
      show() { call(this, 'onShow') },
      hide() { call(this, 'onHide') },
    },
  }
}

/**
 * Wraps a component definition's methods and lifecycle functions so that what
 * they throw is recorded (then rethrown, so exparser still logs it).
 */
function guardDefinition(definition, record) {
  const guard = fn => function guarded(...args) {
    try {
      return fn.apply(this, args)
    } catch (err) {
      record(err)
      throw err
    }
  }
  const guardAll = obj => {
    if (!obj) return obj
    const out = {}
    for (const key of Object.keys(obj)) out[key] = typeof obj[key] === 'function' ? guard(obj[key]) : obj[key]
    return out
  }
  const out = { ...definition }
  for (const key of ['methods', 'lifetimes', 'pageLifetimes']) out[key] = guardAll(definition[key])
  for (const key of ['created', 'attached', 'ready', 'moved', 'detached']) {
    if (typeof definition[key] === 'function') out[key] = guard(definition[key])
  }
  return out
}

/** Resolves a relative WEAPP_DIST-like path against the repository root. */
function resolveDist(distDir) {
  return path.resolve(__dirname, '..', '..', distDir)
}

/**
 * Loads and renders one page of a built mini-program.
 *
 * @param {string} distDir  build folder (absolute, or relative to the repo root)
 * @param {string} pagePath page route as in app.json, e.g. 'pages/home/index'
 * @param {object} [options]
 *   query:     page query (onLoad options), default {}
 *   storage:   initial storage, an object or Map
 *   request:   async (req) => ({ statusCode, data, header }) answering wx.request
 *   loginCode: the code wx.login returns, default 'harness-login-code'
 *   timeout:   ms to wait for the first render, default 10000
 * @returns {Promise<object>} the page handle: root (the j-component root, with
 *   querySelector/querySelectorAll/dom/data/instance), waitFor, settle, storage
 *   (Map), requests, calls, callsTo, errors, app, wx, unload(), and the
 *   settable `request` handler.
 */
async function loadPage(distDir, pagePath, options = {}) {
  const dist = resolveDist(distDir)
  pagePath = pagePath.replace(/^\//, '').replace(/\.js$/, '')
  for (const file of ['app.js', 'app.json', `${pagePath}.js`, `${pagePath}.json`, `${pagePath}.wxml`]) {
    if (!fs.existsSync(path.join(dist, file))) {
      throw new Error(`weapp harness: ${path.join(dist, file)} not found; build first: OUTPUT_ROOT=${path.relative(resolveDist('.'), dist) || '.'} npx taro build --type weapp`)
    }
  }
  // One page at a time: the globals below belong to the newest load.
  if (current) current.unload()

  const query = options.query || {}
  const state = {
    pagePath,
    query,
    storage: new Map([...(options.storage instanceof Map ? options.storage : Object.entries(options.storage || {}))]
      .map(([key, value]) => [key, storedCopy(value)])),
    request: options.request || null,
    requests: [],
    calls: [],
    clipboard: '',
    loginCode: options.loginCode || 'harness-login-code',
    launchOptions: { path: pagePath, query, scene: 1001, referrerInfo: {}, forwardMaterials: [] },
    pageInstance: null,
    setDataCount: 0,
    fontSizeSetting: options.fontSizeSetting || 16,
    modals: [],
    modalConfirm: options.modalConfirm === true,
    privacyListener: null,
  }
  // The person agreed to the 隐私政策 on an earlier visit, unless the test says
  // consented: false (the consent sheet is tested on its own).
  if (options.consented !== false && !state.storage.has(CONSENT_KEY)) state.storage.set(CONSENT_KEY, JSON.stringify(PRIVACY_VERSION))
  const errors = []

  // Errors of the page would otherwise only be logged and the test would pass:
  // exparser runs every event handler and lifetime inside a try/catch and
  // console.error()s what they throw (a throwing onClick). Record them on the
  // handle; waitFor(), settle() and tap() throw them. (An exception that
  // escapes a timer already fails the test through Jest's jsdom environment.)
  const recordError = err => {
    if (!errors.includes(err)) errors.push(err instanceof Error ? err : new Error(String(err)))
  }
  exparser.addGlobalErrorListener(recordError)
  // React reports a render error (no error boundary) with console.error(error)
  // and then drops the update; j-component reports errors of its event queue
  // the same way. Record a console.error whose first argument is an Error;
  // app logging of the form console.error('message', err) is left alone.
  const originalConsoleError = console.error
  const consoleError = function consoleError(...args) {
    if (args[0] instanceof Error) recordError(args[0])
    return originalConsoleError.apply(this, args)
  }
  console.error = consoleError

  // ---- globals of the mini-program environment -----------------------------
  const wx = createWx(state)
  global.wx = wx
  let app = null
  // App(): register the app object; getApp() returns it. It is kept as is,
  // not copied: Taro's app object has mount()/unmount() on its prototype, and
  // every page mounts itself through Current.app, which is this object.
  global.App = config => { app = config }
  global.getApp = () => app
  // Taro's API layer reads getCurrentPages as a bare global when taro.js runs.
  global.getCurrentPages = () => (state.pageInstance ? [state.pageInstance] : [])
  // Page(): see pageToComponent. It must run while simulate.load() executes
  // the page's js, because simulate's Component() reads that loading context.
  global.Page = config => simulateComponent(guardDefinition(pageToComponent(config, state), recordError))
  // Component(): Taro's `comp` and `custom-wrapper` components call it while
  // simulate.load() runs their js; only their handlers get the error guard.
  global.Component = definition => simulateComponent(guardDefinition(definition, recordError))

  const restoreGlobals = () => {
    exparser.removeGlobalErrorListener(recordError)
    if (console.error === consoleError) console.error = originalConsoleError
    global.Component = simulateComponent
  }

  let root
  let parent
  try {
    // ---- boot: app.js, then the app's launch lifecycles ----------------------
    const boot = { dist, modules: {} }
    runDistFile(path.join(dist, 'app.js'), boot)
    if (!app) throw new Error('weapp harness: app.js did not call App()')
    if (typeof app.onLaunch === 'function') app.onLaunch({ ...state.launchOptions })
    if (typeof app.onShow === 'function') app.onShow({ ...state.launchOptions })

    // ---- the page: compile wxml, register page + comp components, render ----
    const originalRunJs = simulateUtils.runJs
    simulateUtils.runJs = file => runDistFile(file, boot)
    let id
    try {
      id = simulate.load(path.join(dist, pagePath), {
        compiler: 'official', // wcc; simulate's own JS compiler renders Taro pages empty
        rootPath: dist, // base.wxml, comp.wxml, utils.wxs live at the build root
        compilerOptions: { maxBuffer: 64 * 1024 * 1024 }, // wcc prints the compiled templates to stdout
      })
    } catch (err) {
      if (err && err.code === 'EACCES') {
        err.message += ' (miniprogram-compiler\'s wcc binary is not executable and could not be chmod-ed; chmod +x node_modules/miniprogram-compiler/bin/*/wcc*)'
      }
      throw err
    } finally {
      simulateUtils.runJs = originalRunJs
    }
    root = simulate.render(id)
    // j-component's node class (dom, dispatchEvent, querySelector, data,
    // toJSON …) is not exported, but it is the parent class of the root.
    NodeWrapper = NodeWrapper || Object.getPrototypeOf(Object.getPrototypeOf(root)).constructor
    parent = document.createElement('weapp-harness-page')
    document.body.appendChild(parent)
    root.attach(parent) // triggers attached (onLoad, onShow) and ready (onReady)
  } catch (err) {
    restoreGlobals()
    throw err
  }

  const handle = {
    root,
    app,
    wx,
    pagePath,
    errors,
    storage: state.storage,
    requests: state.requests,
    calls: state.calls,
    get instance() { return state.pageInstance },
    get setDataCount() { return state.setDataCount },
    get request() { return state.request },
    set request(fn) { state.request = fn },
    get loginCode() { return state.loginCode },
    get clipboard() { return state.clipboard },
    get modals() { return state.modals },
    callsTo(api) { return state.calls.filter(c => c.api === api).map(c => c.args[0]) },
    /** Fires WeChat's privacy event; resolves with what the app answered ({ event, buttonId }). */
    askPrivacy() {
      if (!state.privacyListener) throw new Error('weapp harness: the app registered no onNeedPrivacyAuthorization listener')
      return new Promise(resolve => state.privacyListener(resolve, { referrer: 'chooseImage' }))
    },
    /**
     * Polls `predicate` (every 10 ms, real time) until it returns a truthy
     * value, which is returned; throws on timeout with the last failure, or at
     * once when the page has thrown an uncaught error.
     */
    async waitFor(predicate, { timeout = DEFAULT_TIMEOUT, interval = 10, since = errors.length } = {}) {
      const deadline = Date.now() + timeout
      const errorsBefore = since
      let last
      for (;;) {
        if (errors.length > errorsBefore) throw errors[errorsBefore]
        try {
          const value = predicate()
          if (value) return value
          last = new Error(`predicate returned ${String(value)}`)
        } catch (err) {
          last = err
        }
        if (Date.now() > deadline) {
          last.message = `weapp harness: waitFor timed out after ${timeout} ms: ${last.message}`
          throw last
        }
        await sleep(interval)
      }
    },
    /**
     * Resolves once the page has stopped changing: no DOM mutation for `quiet`
     * ms. Use it after an action whose result is "nothing changes"; to wait
     * for a result, prefer waitFor(() => condition).
     */
    settle(settleOptions) { return settleDom(root, errors, settleOptions) },
    /** Detach the page (Taro's onUnload runs) and drop the error listener. */
    unload() {
      if (handle.unloaded) return
      handle.unloaded = true
      try {
        root.detach() // detached lifetime → Taro's onUnload
      } finally {
        if (parent && parent.parentNode) parent.parentNode.removeChild(parent)
        restoreGlobals()
        if (current === handle) current = null
      }
    },
    unloaded: false,
  }
  current = handle

  // ---- wait for Taro's first setData (the rendered page) ---------------------
  try {
    await handle.waitFor(() => state.setDataCount > 0, { timeout: options.timeout || DEFAULT_TIMEOUT, since: 0 })
  } catch (err) {
    handle.unload()
    if (state.setDataCount === 0 && /timed out/.test(err.message)) {
      err.message = `weapp harness: ${pagePath} did not render (no setData): ${err.message}`
    }
    throw err
  }
  // setData's callback runs in a microtask after the tree was updated; one
  // macrotask more lets same-tick follow-up updates land too.
  await sleep(0)
  return handle
}

async function settleDom(root, errors, { quiet = 50, timeout = DEFAULT_TIMEOUT, since = errors.length } = {}) {
  const errorsBefore = since
  let lastChange = Date.now()
  const observer = new MutationObserver(() => { lastChange = Date.now() })
  observer.observe(root.dom, { subtree: true, childList: true, attributes: true, characterData: true })
  const deadline = Date.now() + timeout
  try {
    for (;;) {
      await sleep(10)
      if (errors.length > errorsBefore) throw errors[errorsBefore]
      if (Date.now() - lastChange >= quiet) return
      if (Date.now() > deadline) throw new Error(`weapp harness: page still changing after ${timeout} ms`)
    }
  } finally {
    observer.disconnect()
  }
}

// ---- querying the rendered tree ---------------------------------------------

/**
 * The class names of a rendered node as written in the source (className).
 * In the DOM every class carries its owner component's prefix ("main--tile" in
 * the page, "comp--tile" below Taro's template depth, "custom-wrapper--tile"
 * inside a CustomWrapper), so this reads exparser's unprefixed list.
 */
function classesOf(node) {
  const element = domOf(node)
  const wxElement = element.__wxElement
  if (wxElement && wxElement.classList && typeof wxElement.classList.getRawNames === 'function') {
    return wxElement.classList.getRawNames() || []
  }
  return (element.getAttribute('class') || '').split(/\s+/).filter(Boolean).map(c => c.replace(/^.*?--/, ''))
}

function domOf(node) {
  if (!node) throw new Error('weapp harness: no node given')
  return node.dom || node // a j-component node or a DOM element
}

/**
 * All rendered nodes below `root` (the page root or any node) whose class list
 * contains `className`, as j-component nodes (tap-able, with .dom). It walks
 * the rendered DOM, so it also finds nodes inside Taro's `comp` and
 * `custom-wrapper` components, which root.querySelectorAll() does not.
 */
function findByClass(root, className) {
  return [...domOf(root).querySelectorAll('*')]
    .filter(el => el.__wxElement && classesOf(el).includes(className))
    .map(nodeOf)
}

/** The j-component node (tap-able) of a DOM element of the rendered page. */
function nodeOf(element) {
  if (element && element.dispatchEvent && element.dom) return element // already one
  if (!element || !element.__wxElement || !NodeWrapper) throw new Error('weapp harness: not an element of a loaded page')
  return new NodeWrapper(element.__wxElement)
}

function countByClass(root, className) {
  return findByClass(root, className).length
}

/**
 * The innermost rendered nodes whose text contains `text` (a string) or
 * matches it (a RegExp), as j-component nodes. JSX like `拨打 {phone}` renders
 * as two text nodes of one element, so the element's whole text is matched.
 */
function findByText(root, text) {
  const matches = el => (text instanceof RegExp ? text.test(el.textContent) : el.textContent.includes(text))
  return [...domOf(root).querySelectorAll('*')]
    .filter(el => el.__wxElement && matches(el) && ![...el.children].some(matches))
    .map(nodeOf)
}

/** All text rendered below `node`, concatenated (DOM textContent). */
function readText(node) {
  return domOf(node).textContent
}

/** The rendered text nodes below `node`, trimmed, empty ones dropped. */
function textList(node) {
  const out = []
  const walker = document.createTreeWalker(domOf(node), 4 /* NodeFilter.SHOW_TEXT */)
  while (walker.nextNode()) {
    const text = walker.currentNode.nodeValue.trim()
    if (text) out.push(text)
  }
  return out
}

/**
 * Taps a node (a j-component node from findByClass/querySelector, or a DOM
 * element of the rendered page). WeChat delivers `tap` through exparser to the
 * nearest `bindtap="eh"` above the node, Taro's event handler finds the React
 * element by data-sid and runs its onClick. Resolves once the page has
 * settled (React re-rendered and Taro's setTimeout-scheduled setData applied);
 * pass { settle: false } to return right after the event was delivered.
 */
async function tap(node, { settle = true, detail = { x: 0, y: 0 } } = {}) {
  if (!node) throw new Error('weapp harness: tap() got no node (did the query match?)')
  node = nodeOf(node)
  const since = current ? current.errors.length : 0
  node.dispatchEvent('tap', { detail }) // delivered in a microtask
  await sleep(0)
  if (!current) return
  if (settle) await current.settle({ since })
  else if (current.errors.length > since) throw current.errors[since]
}

module.exports = {
  loadPage,
  findByClass,
  countByClass,
  classesOf,
  findByText,
  nodeOf,
  readText,
  textList,
  tap,
  sleep,
  simulate,
}
