/* The settings of subscribe messages and the worker (README: Configuration),
 * and the worker's backoff. No database needed. */
import { ConfigError, readConfig } from '../../server/config'
import { retryDelay } from '../../server/worker'

const WECHAT = { WECHAT_APPID: 'wx-appid', WECHAT_SECRET: 'secret', DATA_KEY: Buffer.alloc(32, 7).toString('base64') }

describe('subscribe-message and worker settings', () => {
  it('queues nothing without a template, or without WeChat to send with', () => {
    expect(readConfig(WECHAT).subscribe).toBeNull()
    expect(readConfig({ DEMO: '1', SUBSCRIBE_TEMPLATE_BOOKING: 'tmplBooking' }).subscribe).toBeNull()
  })

  it('reads one template per kind, the fields (shared or per kind) and the pages', () => {
    const { subscribe } = readConfig({
      ...WECHAT,
      SUBSCRIBE_TEMPLATE_BOOKING: 'tmplBooking',
      SUBSCRIBE_TEMPLATE_WISH_OPENED: 'tmplOpened',
      SUBSCRIBE_FIELDS_REMINDER: 'title:thing4,at:time2',
      SUBSCRIBE_PAGE_WISH: 'pages/wish?id={id}',
      SUBSCRIBE_STATE: 'trial',
    })
    expect(subscribe!.templates).toEqual({ booking: 'tmplBooking', wishOpened: 'tmplOpened' })
    expect(subscribe!.fields.booking).toEqual([
      { source: 'title', key: 'thing1' },
      { source: 'body', key: 'thing2' },
      { source: 'at', key: 'time3' },
    ])
    expect(subscribe!.fields.reminder).toEqual([
      { source: 'title', key: 'thing4' },
      { source: 'at', key: 'time2' },
    ])
    expect(subscribe!.pages).toEqual({
      booking: 'clinic/pages/ticket/index?id={id}',
      wish: 'pages/wish?id={id}',
      application: 'jobs/pages/mine/index',
      matter: 'matters/pages/detail/index?id={id}',
      activity: 'activity/pages/detail/index?id={id}',
      roomBooking: 'rooms/pages/mine/index',
    })
    expect(subscribe!.state).toBe('trial')
  })

  it('refuses settings it cannot use, naming the variable', () => {
    const withTemplate = { ...WECHAT, SUBSCRIBE_TEMPLATE_BOOKING: 'tmplBooking' }
    expect(() => readConfig({ ...withTemplate, SUBSCRIBE_FIELDS: 'thing1' })).toThrow(new ConfigError('SUBSCRIBE_FIELDS must list fields like "title:thing1,body:thing2,at:time3" (title, body or at, then the template\'s keyword), got "thing1"'))
    expect(() => readConfig({ ...withTemplate, SUBSCRIBE_FIELDS_WISH: 'who:thing1' })).toThrow(/SUBSCRIBE_FIELDS_WISH/)
    expect(() => readConfig({ ...withTemplate, SUBSCRIBE_STATE: 'beta' })).toThrow(/SUBSCRIBE_STATE/)
    expect(() => readConfig({ ...WECHAT, WORKER: 'yes' })).toThrow(/WORKER must be 1 or 0/)
    expect(() => readConfig({ ...WECHAT, OUTBOX_LEASE_MS: '0' })).toThrow(/OUTBOX_LEASE_MS/)
  })

  it('runs the worker on a real server, not in demo mode unless asked', () => {
    expect(readConfig(WECHAT).worker).toEqual({ enabled: true, pollMs: 2000, leaseMs: 60000, retryMs: 30000, maxAttempts: 6, sweepMs: 60000 })
    expect(readConfig({ ...WECHAT, WORKER: '0' }).worker.enabled).toBe(false)
    expect(readConfig({ DEMO: '1' }).worker.enabled).toBe(false)
    expect(readConfig({ DEMO: '1', WORKER: '1' }).worker.enabled).toBe(true)
  })

  it('waits twice as long before each retry, at most an hour', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(retryDelay(20, 30_000)).toBe(3600_000)
  })
})
