import { randomBytes } from 'crypto'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { createClient } from '../../src/api/client'
import type { Api, Transport } from '../../src/api/contract'
import { createHttpTransport } from '../../src/api/httpTransport'
import type { MemoryStore } from '../../backend/memoryStore'
import type { GridRecord } from '../../backend/records'
import type { SweepResult } from '../../backend/sweep'
import { buildApp } from '../../server/app'
import { readConfig } from '../../server/config'
import { migrate } from '../../server/migrations'
import { FieldCipher } from '../../server/fieldCipher'
import { PgStore } from '../../server/pgStore'
import { pgDatabase, pgliteDatabase, type SqlDatabase } from '../../server/sql'
import { seedIfEmpty, serverBackend } from '../../server/start'
import type { Booking } from '../../src/domain/clinic'
import type { Application } from '../../src/domain/jobs'
import type { Wish } from '../../src/domain/wish'
import { nodeSecrets, signedPhotoLinks } from '../../backend/nodeSecrets'
import { createDemoBackend } from '../../mock/demoBackend'
import { startMockServer } from '../../mock/server'
import { createInProcessTransport } from '../../mock/transport'
import { nodeRequest, nodeUpload, readLocalFile } from '../support/nodeRequest'
import { freshPostgresUrl } from '../support/postgres'
import { schemaCheck } from '../support/schemaCheck'

/** One backend the contract suite runs against, with a client signed in as anyone. */
export interface Target {
  api: Api
  setToken(token: string | null): void
  /** Another client of the same backend, signed in with its own token. */
  clientWith(token: string | null): Api
  /** The wire itself, for requests the client would never send (a write without a key). */
  transport: Transport
  /** The records the backend holds, when the test can look inside (not for an external backend). */
  records: (() => Promise<Records>) | null
  /** Runs the time-driven sweep at the target's clock, as a server's worker does (not for an external backend). */
  sweep: (() => Promise<SweepResult>) | null
  close(): Promise<void>
}

/** What a test may count behind the API. */
export interface Records {
  wishes: Wish[]
  bookings: Booking[]
  applications: Application[]
  grids: GridRecord[]
  sessions: number
}

export interface TargetOptions {
  /** The backend's clock; tests fix it. */
  now?: () => number
}

export interface TargetKind {
  name: string
  start(options?: TargetOptions): Promise<Target>
}

function memoryRecords(store: MemoryStore) {
  return async (): Promise<Records> => {
    const db = store.snapshot()
    return { wishes: db.wishes, bookings: db.bookings, applications: db.applications, grids: db.grids, sessions: Object.keys(db.sessions).length }
  }
}

/** The server's settings in the contract suite: demo doors open (the suite signs in with them), no WeChat. */
const SERVER_CONFIG = readConfig({
  DEMO: '1',
  RATE_LIMIT_PER_ADDRESS: '100000',
  RATE_LIMIT_SIGN_IN: '100000',
  RATE_LIMIT_WRITES_PER_USER: '100000',
  PHOTO_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'contract-photos-')),
})

/**
 * The real server (Fastify on the PostgreSQL store) in this process. Each test
 * file opens one database; each test starts from empty tables and the seed,
 * dated by the test's clock.
 */
function serverTarget(name: string, openDatabase: () => Promise<SqlDatabase>): TargetKind {
  let shared: Promise<PgStore> | null = null
  return {
    name,
    async start(options) {
      shared ??= openDatabase().then(async (database) => {
        await migrate(database)
        return new PgStore(database, new FieldCipher(SERVER_CONFIG.dataKeys))
      })
      const store = await shared
      const now = options?.now ?? Date.now
      await store.truncateAll()
      await seedIfEmpty(store, now())
      const backend = serverBackend(store, SERVER_CONFIG, now)
      const app = await buildApp({ backend, config: SERVER_CONFIG })
      const url = await app.listen({ port: 0, host: '127.0.0.1' })
      const transport = schemaCheck.wrap(name, httpTransportFor(url))
      const { api, setToken, clientWith } = clientsOver(transport, url)
      const records = async (): Promise<Records> => {
        const [input, grids, counts] = await Promise.all([
          store.transaction((repo) => repo.loadStatsInput(), { readOnly: true }),
          store.transaction((repo) => repo.listGrids(), { readOnly: true }),
          store.tableCounts(),
        ])
        return { wishes: input.wishes, bookings: input.bookings, applications: input.applications, grids, sessions: counts.sessions }
      }
      return { api, setToken, clientWith, transport, records, sweep: () => backend.sweep(), close: () => app.close() }
    },
  }
}

/** The target's own client (its token set by the test) and clients with tokens of their own, as the app makes them. */
function clientsOver(transport: Transport, baseUrl: string | null) {
  // The server's photo links are paths below its base, made absolute as src/api/index.ts does.
  const resolveUrl = (link: string) => (baseUrl && link.startsWith('/') ? `${baseUrl}${link}` : link)
  let token: string | null = null
  return {
    api: createClient({ transport, getToken: () => token, resolveUrl }),
    setToken: (t: string | null) => void (token = t),
    clientWith: (t: string | null) => createClient({ transport, getToken: () => t, resolveUrl }),
  }
}

const inProcess: TargetKind = {
  name: 'in-process mock',
  async start(options) {
    const { backend, store } = createDemoBackend({ secrets: nodeSecrets, now: options?.now })
    const transport = schemaCheck.wrap('in-process mock', createInProcessTransport(backend, 0, readLocalFile))
    const { api, setToken, clientWith } = clientsOver(transport, null)
    return { api, setToken, clientWith, transport, records: memoryRecords(store), sweep: () => backend.sweep(), close: async () => undefined }
  },
}

export function httpTransportFor(baseUrl: string) {
  return createHttpTransport({ baseUrl, request: nodeRequest, upload: nodeUpload, timeoutMs: 2000, backoffMs: 20 })
}

const overHttp: TargetKind = {
  name: 'http client → mock HTTP server',
  async start(options) {
    const { backend, store } = createDemoBackend({ secrets: nodeSecrets, now: options?.now, photoLinks: signedPhotoLinks(randomBytes(32)) })
    const server = await startMockServer({ backend })
    const transport = schemaCheck.wrap('mock HTTP server', httpTransportFor(server.url))
    const { api, setToken, clientWith } = clientsOver(transport, server.url)
    return { api, setToken, clientWith, transport, records: memoryRecords(store), sweep: () => backend.sweep(), close: () => server.close() }
  },
}

/** A real backend of a sub-district's own, when CONTRACT_BASE_URL names it. */
const external = (baseUrl: string): TargetKind => ({
  name: `http client → ${baseUrl}`,
  async start() {
    const transport = schemaCheck.wrap(baseUrl, httpTransportFor(baseUrl))
    const { api, setToken, clientWith } = clientsOver(transport, baseUrl)
    return { api, setToken, clientWith, transport, records: null, sweep: null, close: async () => undefined }
  },
})

const onPglite = serverTarget('server on PGlite', () => pgliteDatabase())
const onPostgres = serverTarget('server on PostgreSQL', async () => pgDatabase(await freshPostgresUrl('contract')))

/**
 * In-process memory, the mock HTTP server, the server on PGlite, and the
 * server on PostgreSQL (when PG_TEST_URL names the test run's database server,
 * as `npm test` does); or only CONTRACT_BASE_URL, a sub-district's own backend.
 */
export const TARGETS: TargetKind[] = process.env.CONTRACT_BASE_URL
  ? [external(process.env.CONTRACT_BASE_URL)]
  : [inProcess, overHttp, onPglite, ...(process.env.PG_TEST_URL ? [onPostgres] : [])]

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
