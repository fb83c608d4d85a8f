import { createClient } from '../../src/api/client'
import { createHttpTransport } from '../../src/api/httpTransport'
import { ApiError } from '../../src/api/errors'
import { CORE_ROUTES } from '../../backend/handlers'
import { nodeSecrets } from '../../backend/nodeSecrets'
import { createDemoBackend } from '../../mock/demoBackend'
import { createInProcessTransport } from '../../mock/transport'
import { startFaultServer, unusedPort, type Fault } from '../support/faultServer'
import { nodeRequest } from '../support/nodeRequest'
import { failureOf } from './targets'

function httpClient(baseUrl: string, timeoutMs = 2000) {
  const transport = createHttpTransport({ baseUrl, request: nodeRequest, timeoutMs, readRetries: 2, backoffMs: 10 })
  return createClient({ transport, getToken: () => 'token-1' })
}

async function withFaults(script: Fault[], run: (api: ReturnType<typeof httpClient>, seen: { method: string; idempotencyKey?: string }[]) => Promise<void>, timeoutMs?: number) {
  const server = await startFaultServer(script)
  try {
    await run(httpClient(server.url, timeoutMs), server.seen)
  } finally {
    await server.close()
  }
}

describe('typed errors: in-process mock', () => {
  it('turns a crash inside the backend into SERVER, not an exception of another kind', async () => {
    const broken = CORE_ROUTES.map((r) =>
      r.path === '/meta'
        ? { ...r, handler: async () => {
            throw new Error('boom')
          } }
        : r,
    )
    const api = createClient({ transport: createInProcessTransport(createDemoBackend({ secrets: nodeSecrets, routes: broken }).backend), getToken: () => null })
    const error = await failureOf(api.getMeta())
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('SERVER')
    expect(error.message).toMatch(/服务器/)
  })
})

describe('typed errors: http client → faulty server', () => {
  it('maps a 500 to SERVER after retrying the read', async () => {
    await withFaults(['500'], async (api, seen) => {
      const error = await failureOf(api.getMeta())
      expect(error.code).toBe('SERVER')
      expect(error.message).toBe('数据库暂时不可用')
      expect(seen).toHaveLength(3)
    })
  })

  it('recovers a read that fails once', async () => {
    await withFaults(['500', 'ok'], async (api, seen) => {
      expect((await api.getMeta()).name).toBe('东安社区服务')
      expect(seen).toHaveLength(2)
    })
  })

  it('never repeats a write behind the user’s back, and sends its Idempotency-Key', async () => {
    await withFaults(['500'], async (api, seen) => {
      expect((await failureOf(api.login('code', { idempotencyKey: 'k-1' }))).code).toBe('SERVER')
      expect(seen).toHaveLength(1)
      expect(seen[0].idempotencyKey).toBe('k-1')
    })
  })

  it('gives every write an Idempotency-Key even when the caller did not', async () => {
    await withFaults(['ok'], async (api, seen) => {
      await api.login('code')
      expect(seen[0].idempotencyKey).toMatch(/^[a-z0-9-]{10,}$/)
    })
  })

  it('maps a server that never answers to TIMEOUT', async () => {
    await withFaults(
      ['hang'],
      async (api, seen) => {
        expect((await failureOf(api.getMeta())).code).toBe('TIMEOUT')
        expect(seen).toHaveLength(3)
      },
      200,
    )
  })

  it('maps a refused connection to NETWORK', async () => {
    const api = httpClient(`http://127.0.0.1:${await unusedPort()}`)
    const error = await failureOf(api.getMeta())
    expect(error.code).toBe('NETWORK')
    expect(error.message).toMatch(/网络/)
  })

  it('maps malformed JSON and a body cut short to SERVER with a message', async () => {
    await withFaults(['badjson'], async (api) => {
      expect((await failureOf(api.getMeta())).code).toBe('SERVER')
    })
    await withFaults(['cut'], async (api) => {
      const error = await failureOf(api.getMeta())
      expect(['SERVER', 'NETWORK']).toContain(error.code)
    })
  })

  it('maps a 401 to UNAUTHORIZED without retrying', async () => {
    await withFaults(['401'], async (api, seen) => {
      expect((await failureOf(api.getMe())).code).toBe('UNAUTHORIZED')
      expect(seen).toHaveLength(1)
    })
  })
})

describe('the card index.html asked for before the app loaded (H5 first screen)', () => {
  const started = globalThis as { __donganPrefetch?: Record<string, Promise<{ statusCode: number; data: unknown }>> }
  const card = { grid: { code: 'DA0103' } }
  afterEach(() => delete started.__donganPrefetch)

  it('is used once for the same URL instead of asking again; the next read asks the server', async () => {
    const calls: string[] = []
    const transport = createHttpTransport({
      baseUrl: 'http://api.test/',
      request: async ({ url }) => {
        calls.push(url)
        return { statusCode: 200, data: JSON.stringify({ grid: { code: 'fresh' } }) }
      },
    })
    const api = createClient({ transport, getToken: () => null })
    started.__donganPrefetch = { 'http://api.test/grids/DA0103/card': Promise.resolve({ statusCode: 200, data: JSON.stringify(card) }) }
    expect(await api.getCard('DA0103')).toEqual(card)
    expect(calls).toEqual([])
    expect(await api.getCard('DA0103')).toEqual({ grid: { code: 'fresh' } })
    expect(calls).toEqual(['http://api.test/grids/DA0103/card'])
  })

  it('asks again when the early read failed, and answers an early 404 as NOT_FOUND', async () => {
    const calls: string[] = []
    const transport = createHttpTransport({
      baseUrl: 'http://api.test',
      request: async ({ url }) => {
        calls.push(url)
        return { statusCode: 200, data: JSON.stringify(card) }
      },
    })
    const api = createClient({ transport, getToken: () => null })
    started.__donganPrefetch = { 'http://api.test/grids/DA0103/card': Promise.reject(new TypeError('Failed to fetch')) }
    expect(await api.getCard('DA0103')).toEqual(card)
    expect(calls).toHaveLength(1)
    started.__donganPrefetch = { 'http://api.test/grids/ZZ9999/card': Promise.resolve({ statusCode: 404, data: JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有这个网格' } }) }) }
    expect((await failureOf(api.getCard('ZZ9999'))).code).toBe('NOT_FOUND')
    expect(calls).toHaveLength(1)
  })
})
