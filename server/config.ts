import { createHash } from 'crypto'
import path from 'path'
import type { MessageLink } from '../src/domain/messages'
import { DEFAULT_PAGES, SUBSCRIBE_KINDS, parseTemplateFields, type SubscribeKind, type TemplateFields } from '../src/domain/subscribe'
import { dataKeyFrom } from './fieldCipher'

/** WeChat subscribe messages: one template per kind of event, with its fields and the pages they open. */
export interface SubscribeConfig {
  templates: Partial<Record<SubscribeKind, string>>
  fields: Record<SubscribeKind, TemplateFields>
  pages: Record<MessageLink['kind'], string>
  /** Which build of the mini-program a message opens: formal (released), trial or developer. */
  state: 'formal' | 'trial' | 'developer'
}

/** The outbox worker and the time-driven sweep. */
export interface WorkerConfig {
  enabled: boolean
  pollMs: number
  /** How long a claimed row is left to its worker before another may retry it. */
  leaseMs: number
  /** The first retry's wait; each later one doubles it. */
  retryMs: number
  maxAttempts: number
  sweepMs: number
}

/** The server's settings, read only from the environment (README: "Configuration"). */
export interface ServerConfig {
  port: number
  host: string
  /** postgres://… for a real PostgreSQL; null: the embedded PGlite in `pgliteDir`. */
  databaseUrl: string | null
  pgliteDir: string
  /** The folder that keeps photo files (PHOTO_DIR). */
  photoDir: string
  wechat: { appid: string; secret: string; apiBase: string; photoCheck: { publicUrl: string; pushToken: string } | null } | null
  demo: boolean
  /** WeChat's content-security check of published text: on wherever WeChat is configured, unless CONTENT_CHECK=off. */
  contentCheck: boolean
  corsOrigins: string[]
  staticDir: string | null
  sessionDays: number
  /** AES-256 keys of personal details at rest: the current one first, then previous ones (to open old values). */
  dataKeys: Buffer[]
  /** True when demo mode runs on the published demo key (never for real data). */
  demoDataKey: boolean
  /** Requests per minute: per address overall, and for sign-in and writes. */
  rateLimit: { perAddress: number; signIn: number; writesPerUser: number }
  /** Null when no template is configured (or WeChat is not): then nothing is queued or sent. */
  subscribe: SubscribeConfig | null
  worker: WorkerConfig
}

export class ConfigError extends Error {}

/** Demo mode without DATA_KEY: a key everyone can read in this file, for demo data only. */
const DEMO_DATA_KEY = createHash('sha256').update('dongan demo data key: not for real data').digest()

/** DATA_KEY (and DATA_KEY_PREVIOUS while rotating); demo mode may run without them. */
function dataKeysOf(env: Environment, demo: boolean): { dataKeys: Buffer[]; demoDataKey: boolean } {
  const current = env.DATA_KEY
  if (!current) {
    if (demo) return { dataKeys: [DEMO_DATA_KEY], demoDataKey: true }
    throw new ConfigError(
      'DATA_KEY missing: phone numbers, addresses and symptoms are stored encrypted with it. Create one with `openssl rand -base64 32` and keep it outside the repository and the database backups.',
    )
  }
  try {
    const previous = (env.DATA_KEY_PREVIOUS ?? '').split(',').filter((k) => k.trim())
    return { dataKeys: [dataKeyFrom(current, 'DATA_KEY'), ...previous.map((k) => dataKeyFrom(k, 'DATA_KEY_PREVIOUS'))], demoDataKey: false }
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
}

type Environment = Record<string, string | undefined>

function positive(env: Environment, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number, got "${raw}"`)
  return n
}

/** SUBSCRIBE_TEMPLATE_BOOKING …: the env name of each kind. */
const KIND_ENV: Record<SubscribeKind, string> = { booking: 'BOOKING', reminder: 'REMINDER', wish: 'WISH', wishOpened: 'WISH_OPENED', application: 'APPLICATION' }
const DEFAULT_FIELDS = 'title:thing1,body:thing2,at:time3'

function fieldsOf(env: Environment, name: string, fallback: string): TemplateFields {
  const spec = env[name] || fallback
  const fields = parseTemplateFields(spec)
  if (!fields) throw new ConfigError(`${name} must list fields like "${DEFAULT_FIELDS}" (title, body or at, then the template's keyword), got "${spec}"`)
  return fields
}

function subscribeOf(env: Environment, wechat: boolean): SubscribeConfig | null {
  const templates: Partial<Record<SubscribeKind, string>> = {}
  for (const kind of SUBSCRIBE_KINDS) {
    const id = (env[`SUBSCRIBE_TEMPLATE_${KIND_ENV[kind]}`] ?? '').trim()
    if (id) templates[kind] = id
  }
  if (!wechat || Object.keys(templates).length === 0) return null
  // The shared list first, so an error names the variable that holds it.
  fieldsOf(env, 'SUBSCRIBE_FIELDS', DEFAULT_FIELDS)
  const common = env.SUBSCRIBE_FIELDS || DEFAULT_FIELDS
  const fields = Object.fromEntries(SUBSCRIBE_KINDS.map((kind) => [kind, fieldsOf(env, `SUBSCRIBE_FIELDS_${KIND_ENV[kind]}`, common)])) as Record<SubscribeKind, TemplateFields>
  const state = env.SUBSCRIBE_STATE || 'formal'
  if (state !== 'formal' && state !== 'trial' && state !== 'developer') throw new ConfigError(`SUBSCRIBE_STATE must be formal, trial or developer, got "${state}"`)
  return {
    templates,
    fields,
    pages: {
      booking: env.SUBSCRIBE_PAGE_BOOKING || DEFAULT_PAGES.booking,
      wish: env.SUBSCRIBE_PAGE_WISH || DEFAULT_PAGES.wish,
      application: env.SUBSCRIBE_PAGE_APPLICATION || DEFAULT_PAGES.application,
      matter: DEFAULT_PAGES.matter,
      // In-app messages only so far (no subscribe template of their own): the pages they would open.
      activity: DEFAULT_PAGES.activity,
      roomBooking: DEFAULT_PAGES.roomBooking,
    },
    state,
  }
}

/** On by default for a real server, off in demo mode; WORKER=1 or WORKER=0 says otherwise. */
function workerOf(env: Environment, demo: boolean): WorkerConfig {
  const flag = env.WORKER
  if (flag !== undefined && flag !== '' && flag !== '0' && flag !== '1') throw new ConfigError(`WORKER must be 1 or 0, got "${flag}"`)
  return {
    enabled: flag === '1' || ((flag === undefined || flag === '') && !demo),
    pollMs: positive(env, 'OUTBOX_POLL_MS', 2000),
    leaseMs: positive(env, 'OUTBOX_LEASE_MS', 60_000),
    retryMs: positive(env, 'OUTBOX_RETRY_MS', 30_000),
    maxAttempts: positive(env, 'OUTBOX_MAX_ATTEMPTS', 6),
    sweepMs: positive(env, 'SWEEP_MS', 60_000),
  }
}

/** 0 asks the system for a free port (tests). */
function portOf(env: Environment): number {
  const raw = env.PORT
  if (raw === undefined || raw === '') return 3000
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be a port number, got "${raw}"`)
  return n
}

/** `needsWechat: false` for the operator's commands, which never sign anyone in. */
export function readConfig(env: Environment = process.env, projectRoot = process.cwd(), { needsWechat = true } = {}): ServerConfig {
  const demo = env.DEMO === '1'
  const appid = env.WECHAT_APPID ?? ''
  const secret = env.WECHAT_SECRET ?? ''
  if (needsWechat && !demo && (!appid || !secret)) {
    const missing = [!appid && 'WECHAT_APPID', !secret && 'WECHAT_SECRET'].filter(Boolean).join(' and ')
    throw new ConfigError(`${missing} missing: residents could not sign in with WeChat. Set them (from the mini-program's admin console), or start with DEMO=1 for the demo accounts.`)
  }
  return {
    port: portOf(env),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    pgliteDir: path.resolve(projectRoot, env.PGLITE_DIR || '.data/pglite'),
    photoDir: path.resolve(projectRoot, env.PHOTO_DIR || '.data/photos'),
    wechat:
      appid && secret
        ? {
            appid,
            secret,
            apiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com',
            // Photos go to WeChat's check only where it can fetch them and push the verdict back.
            photoCheck:
              env.PUBLIC_URL && env.WECHAT_PUSH_TOKEN && env.CONTENT_CHECK !== 'off'
                ? { publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''), pushToken: env.WECHAT_PUSH_TOKEN }
                : null,
          }
        : null,
    demo,
    contentCheck: !!(appid && secret) && env.CONTENT_CHECK !== 'off',
    ...dataKeysOf(env, demo),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    staticDir: env.STATIC_DIR ? path.resolve(projectRoot, env.STATIC_DIR) : null,
    sessionDays: positive(env, 'SESSION_DAYS', 30),
    rateLimit: {
      perAddress: positive(env, 'RATE_LIMIT_PER_ADDRESS', 1200),
      signIn: positive(env, 'RATE_LIMIT_SIGN_IN', 30),
      writesPerUser: positive(env, 'RATE_LIMIT_WRITES_PER_USER', 120),
    },
    subscribe: subscribeOf(env, !!(appid && secret)),
    worker: workerOf(env, demo),
  }
}
