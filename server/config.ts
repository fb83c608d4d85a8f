import path from 'path'

/** The server's settings, read only from the environment (README: "Configuration"). */
export interface ServerConfig {
  port: number
  host: string
  /** postgres://… for a real PostgreSQL; null: the embedded PGlite in `pgliteDir`. */
  databaseUrl: string | null
  pgliteDir: string
  wechat: { appid: string; secret: string; apiBase: string } | null
  demo: boolean
  corsOrigins: string[]
  staticDir: string | null
  sessionDays: number
  /** Requests per minute: per address overall, and for sign-in and writes. */
  rateLimit: { perAddress: number; signIn: number; writesPerUser: number }
}

export class ConfigError extends Error {}

type Environment = Record<string, string | undefined>

function positive(env: Environment, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive whole number, got "${raw}"`)
  return n
}

/** 0 asks the system for a free port (tests). */
function portOf(env: Environment): number {
  const raw = env.PORT
  if (raw === undefined || raw === '') return 3000
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be a port number, got "${raw}"`)
  return n
}

export function readConfig(env: Environment = process.env, projectRoot = process.cwd()): ServerConfig {
  const demo = env.DEMO === '1'
  const appid = env.WECHAT_APPID ?? ''
  const secret = env.WECHAT_SECRET ?? ''
  if (!demo && (!appid || !secret)) {
    const missing = [!appid && 'WECHAT_APPID', !secret && 'WECHAT_SECRET'].filter(Boolean).join(' and ')
    throw new ConfigError(`${missing} missing: residents could not sign in with WeChat. Set them (from the mini-program's admin console), or start with DEMO=1 for the demo accounts.`)
  }
  return {
    port: portOf(env),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    pgliteDir: path.resolve(projectRoot, env.PGLITE_DIR || '.data/pglite'),
    wechat: appid && secret ? { appid, secret, apiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com' } : null,
    demo,
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
  }
}
