/* The memory store: a transaction that throws leaves nothing behind, and two
 * instances over one storage (two browser tabs) never lose each other's writes. */
import { MemoryStore, emptyMemoryData, type MemoryData, type MemoryPersistence } from '../../backend/memoryStore'
import { nodeSecrets } from '../../backend/nodeSecrets'
import { createDemoBackend } from '../../mock/demoBackend'
import type { ApiRequest } from '../../src/api/contract'
import { WISH } from '../contract/drafts'

/** What localStorage and Web Locks give two tabs: one shared text store and one shared lock. */
function sharedBrowserStorage() {
  const items = new Map<string, string>()
  let lock: Promise<unknown> = Promise.resolve()
  const tab = (): MemoryPersistence => ({
    load: () => (items.has('db') ? (JSON.parse(items.get('db')!) as MemoryData) : null),
    save: (data) => {
      items.set('db', JSON.stringify(data))
      items.set('rev', String(Number(items.get('rev') ?? 0) + 1))
    },
    revision: () => items.get('rev') ?? null,
    exclusive: (fn) => {
      const run = lock.then(fn, fn)
      lock = run.catch(() => undefined)
      return run
    },
  })
  return { tab }
}

const T0 = Date.parse('2026-11-25T10:00:00+08:00')

describe('memory store transactions', () => {
  it('keeps nothing of a transaction that throws, not even a used id', async () => {
    const store = new MemoryStore({ initial: emptyMemoryData })
    const failed = store.transaction(async (repo) => {
      await repo.newId('r')
      await repo.insertUser({ id: 'r1001', name: '王五', phone: '13800000000', role: 'resident', gridCode: null })
      throw new Error('rule refused')
    })
    await expect(failed).rejects.toThrow('rule refused')
    expect(store.snapshot().users).toEqual([])
    expect(await store.transaction((repo) => repo.newId('r'))).toBe('r1001')
  })

  it('never lets a handler change a stored record in place', async () => {
    const store = new MemoryStore({ initial: emptyMemoryData })
    await store.transaction((repo) => repo.insertUser({ id: 'u1', name: '王五', phone: '13800000000', role: 'resident', gridCode: null }))
    const user = await store.transaction(async (repo) => (await repo.getUser('u1'))!)
    expect(() => {
      ;(user as { name: string }).name = '改名'
    }).toThrow(TypeError)
    expect(store.snapshot().users[0].name).toBe('王五')
  })

  it('runs transactions one at a time, each seeing the last one committed', async () => {
    const store = new MemoryStore({ initial: emptyMemoryData })
    const ids = await Promise.all(Array.from({ length: 20 }, () => store.transaction((repo) => repo.newId('x'))))
    expect(new Set(ids).size).toBe(20)
  })
})

describe('two browser tabs over one storage', () => {
  const sign = (id: string): ApiRequest => ({ method: 'POST', path: '/auth/demo', body: { accountId: id }, idempotencyKey: `sign-${id}` })

  it('keeps the writes of both tabs', async () => {
    const storage = sharedBrowserStorage()
    const tab1 = createDemoBackend({ secrets: nodeSecrets, now: () => T0, persistence: storage.tab() }).backend
    const tab2 = createDemoBackend({ secrets: nodeSecrets, now: () => T0, persistence: storage.tab() }).backend
    const tokenOf = async (backend: typeof tab1, id: string) => ((await backend.dispatch(sign(id))).body as { token: string }).token
    const post = async (backend: typeof tab1, token: string, title: string) =>
      ((await backend.dispatch({ method: 'POST', path: '/wishes', body: { ...WISH, title }, token, idempotencyKey: title })).body as { id: string }).id
    const first = await post(tab1, await tokenOf(tab1, 'resident'), '第一个标签页')
    const second = await post(tab2, await tokenOf(tab2, 'elder'), '第二个标签页')
    const staff = await tokenOf(tab1, 'staff')
    // Each tab sees both wishes: neither tab's save overwrote the other's.
    for (const tab of [tab1, tab2]) {
      const pending = ((await tab.dispatch({ method: 'GET', path: '/wishes/review', token: staff })).body as { items: { id: string }[] }).items.map((w) => w.id)
      expect(pending).toEqual(expect.arrayContaining([first, second]))
    }
  })

  it('lets one of two volunteers in two tabs win a claim, and tells the other', async () => {
    const storage = sharedBrowserStorage()
    const tab1 = createDemoBackend({ secrets: nodeSecrets, now: () => T0, persistence: storage.tab() }).backend
    const tab2 = createDemoBackend({ secrets: nodeSecrets, now: () => T0, persistence: storage.tab() }).backend
    const t1 = ((await tab1.dispatch(sign('volunteer'))).body as { token: string }).token
    const t2 = ((await tab2.dispatch(sign('volunteer2'))).body as { token: string }).token
    const open = ((await tab1.dispatch({ method: 'GET', path: '/wishes/open', token: t1 })).body as { items: { id: string }[] }).items
    const id = open[0].id
    const claim = (backend: typeof tab1, token: string) => backend.dispatch({ method: 'POST', path: `/wishes/${id}/claim`, body: {}, token, idempotencyKey: `claim-${token}` })
    const answers = await Promise.all([claim(tab1, t1), claim(tab2, t2)])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    const seen = await Promise.all(
      [
        [tab1, t1],
        [tab2, t2],
      ].map(async ([backend, token]) => ((await (backend as typeof tab1).dispatch({ method: 'GET', path: `/wishes/${id}`, token: token as string })).body as { status: string }).status),
    )
    expect(seen).toEqual(['claimed', 'claimed'])
  })
})
