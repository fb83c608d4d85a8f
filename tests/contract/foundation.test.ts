import { TARGETS, failureOf, signInAs, type Target } from './targets'

describe.each(TARGETS)('foundation contract: $name', (kind) => {
  let target: Target

  beforeEach(async () => {
    target = await kind.start()
  })
  afterEach(() => target.close())

  it('describes itself, with server time in China time', async () => {
    const meta = await target.api.getMeta()
    expect(meta.name).toBe('东安社区服务')
    expect(meta.serverTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
  })

  it('exchanges a login code for a session, and the token identifies the user', async () => {
    const session = await target.api.login('wx-code-123')
    expect(session.token).toEqual(expect.any(String))
    expect(session.user.role).toBe('resident')
    target.setToken(session.token)
    expect(await target.api.getMe()).toEqual(session.user)
  })

  it('refuses the current user without a valid token', async () => {
    expect((await failureOf(target.api.getMe())).code).toBe('UNAUTHORIZED')
    target.setToken('not-a-token')
    expect((await failureOf(target.api.getMe())).code).toBe('UNAUTHORIZED')
  })

  it('names the field of an invalid login code', async () => {
    const error = await failureOf(target.api.login(''))
    expect(error.code).toBe('VALIDATION')
    expect(error.fields.code).toMatch(/登录凭证/)
  })

  it('stores a write retried with the same Idempotency-Key once', async () => {
    const sessionsBefore = target.records ? (await target.records()).sessions : 0
    const first = await target.api.login('wx-code', { idempotencyKey: 'retry-key-1' })
    const retried = await target.api.login('wx-code', { idempotencyKey: 'retry-key-1' })
    expect(retried).toEqual(first)
    const other = await target.api.login('wx-code', { idempotencyKey: 'retry-key-2' })
    expect(other.token).not.toBe(first.token)
    if (target.records) expect((await target.records()).sessions).toBe(sessionsBefore + 2)
  })

  it('refuses an Idempotency-Key reused for a different write', async () => {
    await target.api.login('code-a', { idempotencyKey: 'reused-key' })
    expect((await failureOf(target.api.login('code-b', { idempotencyKey: 'reused-key' }))).code).toBe('CONFLICT')
  })

  it('lists the four demo accounts and signs in as each', async () => {
    const accounts = await target.api.listDemoAccounts()
    expect(accounts.map((a) => a.label)).toEqual(['居民', '长者', '网格志愿者', '网格志愿者', '工作人员'])
    for (const account of accounts) {
      const user = await signInAs(target, account.id)
      expect(user.role).toBe(account.role)
      expect((await target.api.getMe()).id).toBe(account.id)
    }
    const error = await failureOf(target.api.switchDemoAccount('nobody'))
    expect(error.code).toBe('VALIDATION')
    expect(error.fields.accountId).toBeTruthy()
  })

  it('lists communities with their grids', async () => {
    const communities = await target.api.listCommunities()
    expect(communities.length).toBeGreaterThanOrEqual(3)
    const grids = communities.flatMap((c) => c.grids)
    expect(grids.length).toBeGreaterThanOrEqual(6)
    expect(grids.map((g) => g.code)).toContain('DA0103')
    for (const c of communities) for (const g of c.grids) expect(g.communityName).toBe(c.name)
  })

  it('finds a grid by code, case-insensitively, and says NOT_FOUND for an unknown one', async () => {
    const grid = await target.api.getGrid('da0103')
    expect(grid.code).toBe('DA0103')
    expect(grid.leader.name).toBeTruthy()
    expect(grid.station.address).toBeTruthy()
    expect(grid.station.hours).toBeTruthy()
    expect((await failureOf(target.api.getGrid('ZZ9999'))).code).toBe('NOT_FOUND')
    expect((await failureOf(target.api.getCard('ZZ9999'))).code).toBe('NOT_FOUND')
  })

  it('serves the six-colour card of a grid', async () => {
    const card = await target.api.getCard('DA0103')
    expect(card.grid.code).toBe('DA0103')
    expect(card.hotline).toMatch(/\d/)
    expect(card.colours.map((c) => c.colourName)).toEqual(['红', '橙', '黄', '绿', '蓝', '紫'])
    for (const colour of card.colours) {
      expect(colour.services.length).toBeGreaterThan(0)
      expect(colour.contacts.length).toBeGreaterThan(0)
      expect(colour.roster.length).toBeGreaterThan(0)
      expect(colour.mark).toHaveLength(1)
    }
    expect(card.updatedAt).toMatch(/\+08:00$/)
  })

  it('resets the demo data and keeps the caller signed in', async () => {
    const user = await signInAs(target, 'elder')
    await target.api.resetDemo()
    expect((await target.api.getMe()).id).toBe(user.id)
  })
})
