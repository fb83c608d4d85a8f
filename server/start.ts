import { createHmac } from 'crypto'
import fs from 'fs'
import path from 'path'
import type { FastifyInstance } from 'fastify'
import { Backend } from '../backend/core'
import { nodeSecrets, signedPhotoLinks } from '../backend/nodeSecrets'
import type { IdentityProvider, Route } from '../backend/router'
import { buildApp } from './app'
import type { ServerConfig } from './config'
import { migrate } from './migrations'
import { FieldCipher } from './fieldCipher'
import { PgStore } from './pgStore'
import { folderPhotoFiles } from './photoFolder'
import { pgDatabase, pgliteDatabase, type SqlDatabase } from './sql'
import { wechatIdentity } from './wechat'
import { startWorker, type Worker } from './worker'

export interface StartOptions {
  /** The clock; tests fix it. */
  now?: () => number
  logger?: boolean | Record<string, unknown>
  /** Listen on config.port (false: only build the app, for in-process tests). */
  listen?: boolean
  /** Start the outbox worker and the sweep when config.worker allows (main.ts does; in-process tests ask for it). */
  worker?: boolean
}

export interface RunningApp {
  app: FastifyInstance
  store: PgStore
  backend: Backend
  /** The outbox worker and sweep, when started. */
  worker: Worker | null
  /** The address it listens on, e.g. http://127.0.0.1:3000. */
  url: string
  close(): Promise<void>
}

/** The database the configuration names: a real PostgreSQL, or PGlite in a folder of the project. */
export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'>): Promise<SqlDatabase> {
  if (config.databaseUrl) return pgDatabase(config.databaseUrl)
  // PGlite does not create the parent of its data folder.
  fs.mkdirSync(path.dirname(config.pgliteDir), { recursive: true })
  return pgliteDatabase(config.pgliteDir)
}

/** Demo mode only: the demo's doors, seed and stand-in identity (never loaded otherwise). */
function demoParts(): { routes: Route[]; identity: IdentityProvider; seedInto: typeof import('../mock/seed').seedInto } {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const demo = require('../mock/demo') as typeof import('../mock/demo')
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const seed = require('../mock/seed') as typeof import('../mock/seed')
  return { routes: demo.demoRoutes, identity: demo.demoIdentity, seedInto: seed.seedInto }
}

/** WeChat where it is configured; in demo mode, `demo:` and `phone:` codes go to the demo's stand-in. */
function identityFor(wechat: IdentityProvider | null, demoIdentity: IdentityProvider | null): IdentityProvider {
  if (!demoIdentity) return wechat!
  if (!wechat) return demoIdentity
  return {
    openidFor: (code) => (code.startsWith('demo:') ? demoIdentity.openidFor(code) : wechat.openidFor(code)),
    phoneFor: (code) => (code.startsWith('phone:') ? demoIdentity.phoneFor(code) : wechat.phoneFor(code)),
  }
}

/** The core on the PostgreSQL store, with WeChat sign-in, and the demo doors only in demo mode. */
export function serverBackend(
  store: PgStore,
  config: ServerConfig,
  now: () => number = Date.now,
  // One WeChat client for sign-in, the content check and subscribe messages: they share its access token.
  wechat = config.wechat ? wechatIdentity({ ...config.wechat, now }) : null,
): Backend {
  const demo = config.demo ? demoParts() : null
  return new Backend({
    store,
    identity: identityFor(wechat, demo?.identity ?? null),
    contentCheck: config.contentCheck && wechat ? wechat : undefined,
    secrets: nodeSecrets,
    photoFiles: folderPhotoFiles(config.photoDir),
    // Links are signed with a key of their own, derived from the data key: never the data key itself.
    photoLinks: signedPhotoLinks(createHmac('sha256', config.dataKeys[0]).update('photo links').digest()),
    now,
    demoRoutes: demo?.routes,
    sessionDays: config.sessionDays,
  })
}

/** Any fixed number: processes starting together seed one at a time. */
const SEED_LOCK = 4_223_502

/** Demo mode: the demo data, written once into an empty database. */
export async function seedIfEmpty(store: PgStore, now: number): Promise<void> {
  const { seedInto } = demoParts()
  await store.transaction(
    async (repo) => {
      if ((await repo.listGrids()).length === 0) await seedInto(repo, now)
    },
    { advisoryLock: SEED_LOCK },
  )
}

/** Migrates, seeds in demo mode when empty, and serves the API (and the H5 build when STATIC_DIR is set). */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningApp> {
  const now = options.now ?? Date.now
  const database = await openDatabase(config)
  await migrate(database)
  const store = new PgStore(database, new FieldCipher(config.dataKeys), config.subscribe)
  // Rows written before encryption, or under a previous key, are sealed with the current one.
  await store.reseal()
  if (config.demo) await seedIfEmpty(store, now())
  const wechat = config.wechat ? wechatIdentity({ ...config.wechat, now }) : null
  const backend = serverBackend(store, config, now, wechat)
  const app = await buildApp({ backend, config, logger: options.logger ?? false })
  const purge = setInterval(() => void store.purgeExpired(now()).catch(() => undefined), 3600 * 1000)
  purge.unref()
  const worker =
    options.worker && config.worker.enabled
      ? startWorker({
          store,
          sweep: () => backend.sweep(),
          send: wechat && config.subscribe ? (message, timeoutMs) => wechat.sendSubscribeMessage(message, timeoutMs) : null,
          subscribe: config.subscribe,
          config: config.worker,
          now,
          onError: (error, where) => app.log.error({ err: { type: (error as Error)?.name, message: (error as Error)?.message } }, `worker: ${where} failed`),
        })
      : null
  let url = ''
  if (options.listen !== false) url = await app.listen({ port: config.port, host: config.host })
  else await app.ready()
  return {
    app,
    store,
    backend,
    worker,
    url,
    close: async () => {
      clearInterval(purge)
      await worker?.stop()
      await app.close()
      await store.close()
    },
  }
}
