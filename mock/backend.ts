import { ApiError, ErrorBody, STATUS_OF } from '../src/api/errors'
import { RuleError } from '../src/domain/rules'
import type { ApiRequest } from '../src/api/contract'
import type { User } from '../src/api/types'
import { compileRoutes, matchRoute, type Route } from './router'
import { ROUTES } from './routes'
import { seedDb } from './seed'
import { SCHEMA_VERSION, type DbState } from './state'
import { memoryStorage, type DbStorage } from './storage'

export interface WireResponse {
  status: number
  body: unknown
}

export interface BackendOptions {
  storage?: DbStorage
  /** The clock; tests fix it. */
  now?: () => number
  /** Demo mode allows switching accounts and resetting data. */
  demo?: boolean
  routes?: Route[]
}

/** Idempotency records kept per backend: enough for any retry window. */
const IDEMPOTENCY_LIMIT = 2000

function errorResponse(error: ApiError): WireResponse {
  const body: ErrorBody = { error: { code: error.code, message: error.message } }
  if (Object.keys(error.fields).length) body.error.fields = error.fields
  return { status: STATUS_OF[error.code] || 500, body }
}

/**
 * The embedded backend: routes wire requests to handlers that enforce the
 * rules of src/domain on an in-memory database. Runs in the app (embedded
 * mock) and in Node (the mock HTTP server) alike. Every dispatch runs to
 * completion before the next starts, which makes each write atomic.
 */
export class Backend {
  readonly db: DbState
  private readonly storage: DbStorage
  private readonly now: () => number
  private readonly demo: boolean
  private readonly routes: ReturnType<typeof compileRoutes>

  constructor(options: BackendOptions = {}) {
    this.storage = options.storage ?? memoryStorage()
    this.now = options.now ?? Date.now
    this.demo = options.demo ?? true
    this.routes = compileRoutes(options.routes ?? ROUTES)
    const stored = this.storage.load()
    this.db = stored && stored.schema === SCHEMA_VERSION ? stored : seedDb(this.now())
  }

  /** The signed-in user for a bearer token, or null. */
  userFor(token: string | null | undefined): User | null {
    if (!token) return null
    const id = this.db.sessions[token]
    return (id && this.db.users.find((u) => u.id === id)) || null
  }

  dispatch(request: ApiRequest): WireResponse {
    try {
      return this.run(request)
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error)
      if (error instanceof RuleError) return errorResponse(new ApiError(error.code, error.message, error.fields))
      // A bug in a handler is a server error, never a crash of the caller.
      return errorResponse(new ApiError('SERVER'))
    }
  }

  private run(request: ApiRequest): WireResponse {
    const path = request.path.split('?')[0]
    const found = matchRoute(this.routes, request.method, path)
    if (!found) throw new ApiError('NOT_FOUND', `接口不存在：${request.method} ${path}`)
    const { route, params } = found

    const user = this.userFor(request.token)
    if (route.access !== 'public') {
      if (!user) throw new ApiError('UNAUTHORIZED')
      if (Array.isArray(route.access) && !route.access.includes(user.role)) throw new ApiError('FORBIDDEN')
    }

    const isWrite = request.method !== 'GET'
    const body = request.body ?? {}
    if (isWrite && (typeof body !== 'object' || Array.isArray(body))) {
      throw new ApiError('VALIDATION', '请求内容格式不正确')
    }

    // A write retried with the same key gets the first answer again, and
    // changes nothing: double taps and network retries store one record.
    const scopedKey = request.idempotencyKey ? `${user?.id ?? 'anon'}:${request.idempotencyKey}` : null
    const fingerprint = `${request.method} ${path} ${JSON.stringify(body)}`
    if (isWrite && scopedKey) {
      const previous = this.db.idempotency.find((r) => r.key === scopedKey)
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new ApiError('CONFLICT', '这个请求标识已用于另一项提交，请刷新后重试')
        }
        return { status: previous.status, body: previous.body }
      }
    }

    const query: Record<string, string> = {}
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) query[k] = String(v)
    const result = route.handler({
      db: this.db,
      user,
      token: request.token ?? null,
      params,
      query,
      body: body as Record<string, unknown>,
      now: this.now(),
      demo: this.demo,
    })
    // A JSON round trip: callers never share objects with the database.
    const response: WireResponse = {
      status: isWrite ? 201 : 200,
      body: result === undefined ? null : JSON.parse(JSON.stringify(result)),
    }
    if (isWrite) {
      if (scopedKey) {
        this.db.idempotency.push({ key: scopedKey, fingerprint, status: response.status, body: response.body })
        if (this.db.idempotency.length > IDEMPOTENCY_LIMIT) this.db.idempotency.splice(0, 100)
      }
      this.storage.save(this.db)
    }
    return response
  }

  /** Routes as `METHOD /path/{param}`, to compare with docs/openapi.yaml. */
  describeRoutes(): string[] {
    return this.routes.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`)
  }
}
