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
