import { createClient } from '../../src/api/client'
import type { Api, Transport } from '../../src/api/contract'
import { createHttpTransport } from '../../src/api/httpTransport'
import type { MemoryStore } from '../../backend/memoryStore'
import { nodeSecrets } from '../../backend/nodeSecrets'
import { createDemoBackend } from '../../mock/demoBackend'
import { startMockServer } from '../../mock/server'
import { createInProcessTransport } from '../../mock/transport'
import { nodeRequest } from '../support/nodeRequest'

/** One backend the contract suite runs against, with a client signed in as anyone. */
export interface Target {
  api: Api
  setToken(token: string | null): void
  /** Another client of the same backend, signed in with its own token. */
  clientWith(token: string | null): Api
  /** The wire itself, for requests the client would never send (a write without a key). */
  transport: Transport
  /** The memory store when the backend runs in this process, for counting records. */
  store: MemoryStore | null
  close(): Promise<void>
}

export interface TargetOptions {
  /** The backend's clock; tests fix it. */
  now?: () => number
}

export interface TargetKind {
  name: string
  start(options?: TargetOptions): Promise<Target>
}

function withToken(make: (getToken: () => string | null) => Api) {
  let token: string | null = null
  return { api: make(() => token), setToken: (t: string | null) => void (token = t) }
}

const inProcess: TargetKind = {
  name: 'in-process mock',
  async start(options) {
    const { backend, store } = createDemoBackend({ secrets: nodeSecrets, now: options?.now })
    const transport = createInProcessTransport(backend)
    const { api, setToken } = withToken((getToken) => createClient({ transport, getToken }))
    const clientWith = (token: string | null) => createClient({ transport, getToken: () => token })
    return { api, setToken, clientWith, transport, store, close: async () => undefined }
  },
}

export function httpTransportFor(baseUrl: string) {
  return createHttpTransport({ baseUrl, request: nodeRequest, timeoutMs: 2000, backoffMs: 20 })
}

const overHttp: TargetKind = {
  name: 'http client → mock HTTP server',
  async start(options) {
    const { backend, store } = createDemoBackend({ secrets: nodeSecrets, now: options?.now })
    const server = await startMockServer({ backend })
    const transport = httpTransportFor(server.url)
    const { api, setToken } = withToken((getToken) => createClient({ transport, getToken }))
    const clientWith = (token: string | null) => createClient({ transport, getToken: () => token })
    return { api, setToken, clientWith, transport, store, close: () => server.close() }
  },
}

/** A real backend of a sub-district's own, when CONTRACT_BASE_URL names it. */
const external = (baseUrl: string): TargetKind => ({
  name: `http client → ${baseUrl}`,
  async start() {
    const transport = httpTransportFor(baseUrl)
    const { api, setToken } = withToken((getToken) => createClient({ transport, getToken }))
    const clientWith = (token: string | null) => createClient({ transport, getToken: () => token })
    return { api, setToken, clientWith, transport, store: null, close: async () => undefined }
  },
})

export const TARGETS: TargetKind[] = process.env.CONTRACT_BASE_URL
  ? [external(process.env.CONTRACT_BASE_URL)]
  : [inProcess, overHttp]

/** A client signed in as a demo account (null: nobody), leaving the target's own client alone. */
export async function clientAs(target: Target, accountId: string | null): Promise<Api> {
  if (!accountId) return target.clientWith(null)
  const session = await target.clientWith(null).switchDemoAccount(accountId)
  return target.clientWith(session.token)
}

/** Signs in as a demo account and returns its user. */
export async function signInAs(target: Target, accountId: string) {
  const session = await target.api.switchDemoAccount(accountId)
  target.setToken(session.token)
  return session.user
}

/** The error a promise rejects with, to assert its code and fields. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; fields: Record<string, string>; message: string }> {
  try {
    await promise
  } catch (error) {
    return error as { code: string; fields: Record<string, string>; message: string }
  }
  throw new Error('expected the call to fail, but it succeeded')
}
