import { ApiError, ErrorBody, STATUS_OF } from '../src/api/errors'
import type { ApiRequest } from '../src/api/contract'
import { auditFactOf, auditLabel, type AuditEntry, type AuditFact } from '../src/domain/audit'
import { toChinaIso } from '../src/domain/chinaTime'
import { RuleError } from '../src/domain/rules'
import { CORE_ROUTES } from './handlers'
import { bytesFingerprint } from './photoBytes'
import { inlinePhotoLinks, memoryPhotoFiles, type PhotoFiles, type PhotoLinks } from './photoFiles'
import { FileAnswer, PASS_ALL, compileRoutes, matchRoute, type ContentCheck, type IdentityProvider, type Route, type RouteContext } from './router'
import type { Repository, Store } from './store'
import { sweep, type SweepResult } from './sweep'

export interface WireResponse {
  status: number
  /** The answer as JSON text: what an HTTP host sends as it is. */
  text: string
  /** The answer parsed: a copy of its own for each caller (read lazily). */
  readonly body: unknown
  /** Who made the request, for the host's request log (never the token). */
  userId?: string
  /** A file instead of JSON (a photo): the host sends these bytes with this type. */
  file?: FileAnswer
}

/** A wire request as a host hands it over: an upload's file travels beside the JSON body. */
export interface DispatchRequest extends ApiRequest {
  file?: Uint8Array
}

/** An answer whose JSON text is made once; a copy of the value only when someone reads it. */
function wire(status: number, text: string, userId?: string): WireResponse {
  let parsed: { value: unknown } | null = null
  return {
    status,
    text,
    userId,
    get body() {
      parsed ??= { value: JSON.parse(text) }
      return parsed.value
    },
  }
}

/** Randomness and hashing, from the host: Node's crypto on servers, the platform's in the app. */
export interface Secrets {
  /** A bearer token: at least 128 bits from a cryptographic source where the platform has one. */
  randomToken(): string
  /** A one-way digest (hex): tokens and request fingerprints are stored only as digests. */
  digest(text: string): string
}

export interface BackendOptions {
  store: Store
  identity: IdentityProvider
  /** WeChat's content-security check; without one, every text passes. */
  contentCheck?: ContentCheck
  secrets: Secrets
  /** The clock; tests fix it. */
  now?: () => number
  /** Routes only a demo host serves (demo sign-in, reset); none means the demo doors are shut. */
  demoRoutes?: Route[]
  /** How long a session lasts. */
  sessionDays?: number
  /** Where photo bytes are kept; memory when none is given. */
  photoFiles?: PhotoFiles
  /** How viewers reach photos; data: URLs of the bytes when none is given (the embedded demo). */
  photoLinks?: PhotoLinks
  /** Replaces the core routes (tests of the dispatcher itself). */
  routes?: Route[]
}

const MAX_KEY_LENGTH = 128
/** No form nests deeper than a few levels; deeper bodies are refused before anything walks them. */
const MAX_BODY_DEPTH = 16

function depthOf(value: unknown, limit: number): number {
  if (!value || typeof value !== 'object') return 0
  if (limit <= 0) return 1
  let deepest = 0
  for (const inner of Object.values(value as object)) {
    deepest = Math.max(deepest, depthOf(inner, limit - 1))
    if (deepest >= limit) break
  }
  return deepest + 1
}
/** The idempotency scope of writes made before signing in. */
const ANONYMOUS = '-'

function errorResponse(error: ApiError): WireResponse {
  const body: ErrorBody = { error: { code: error.code, message: error.message } }
  if (Object.keys(error.fields).length) body.error.fields = error.fields
  return wire(STATUS_OF[error.code] || 500, JSON.stringify(body))
}

/** JSON with object keys sorted, so a retry's fingerprint ignores key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The entry for a fact: its time, its words, and the resident's name as it now is. */
async function auditEntryOf(repo: Repository, fact: AuditFact, now: number): Promise<Omit<AuditEntry, 'id'>> {
  const { actor, residentId } = fact
  const residentName = residentId === actor.id ? actor.name : residentId ? ((await repo.getUser(residentId))?.name ?? '') : ''
  return {
    at: toChinaIso(now),
    kind: fact.kind,
    actor: { id: actor.id, name: actor.name, role: actor.role },
    resident: residentId ? { id: residentId, name: residentName } : null,
    onBehalf: fact.onBehalf,
    action: fact.action,
    label: auditLabel(fact.action),
    recordId: fact.recordId,
  }
}

/**
 * The backend core: matches a wire request to its handler and runs it inside
 * one store transaction, with the caller's session, the access rule of the
 * route and the idempotency record, so the answer and every write it made are
 * stored together or not at all. The same core runs in the app (memory
 * store), in the mock HTTP server, and in the real server (PostgreSQL).
 */
export class Backend {
  private readonly routes: ReturnType<typeof compileRoutes>
  private readonly now: () => number
  private readonly demo: boolean
  private readonly sessionMs: number
  private readonly photoFiles: PhotoFiles
  private readonly photoLinks: PhotoLinks

  constructor(private readonly options: BackendOptions) {
    this.now = options.now ?? Date.now
    this.demo = !!options.demoRoutes
    this.sessionMs = (options.sessionDays ?? 30) * 24 * 3600 * 1000
    this.photoFiles = options.photoFiles ?? memoryPhotoFiles()
    this.photoLinks = options.photoLinks ?? inlinePhotoLinks(this.photoFiles)
    this.routes = compileRoutes([...(options.routes ?? CORE_ROUTES), ...(options.demoRoutes ?? [])])
  }

  async dispatch(request: DispatchRequest): Promise<WireResponse> {
    try {
      return await this.run(request)
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error)
      if (error instanceof RuleError) return errorResponse(new ApiError(error.code, error.message, error.fields))
      // A bug in a handler is a server error, never a crash of the caller.
      return errorResponse(new ApiError('SERVER'))
    }
  }

  private async run(request: DispatchRequest): Promise<WireResponse> {
    const path = request.path.split('?')[0]
    const found = matchRoute(this.routes, request.method, path)
    if (!found) throw new ApiError('NOT_FOUND', `接口不存在：${request.method} ${path}`)
    const { route, params } = found

    const isWrite = request.method !== 'GET'
    const keyed = isWrite && !route.withoutKey
    const body = request.body ?? {}
    if (isWrite && (typeof body !== 'object' || Array.isArray(body))) {
      throw new ApiError('VALIDATION', '请求内容格式不正确')
    }
    if (depthOf(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) throw new ApiError('VALIDATION', '请求内容层级太深')
    const key = request.idempotencyKey
    if (keyed && (!key || key.length > MAX_KEY_LENGTH)) {
      throw new ApiError('VALIDATION', '请求缺少有效的 Idempotency-Key', { 'Idempotency-Key': '每次提交都要带上请求标识（最长128个字符）' })
    }
    const query: Record<string, string> = {}
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) query[k] = String(v)
    const now = this.now()
    const { secrets } = this.options
    let afterCommit: (() => Promise<void>)[] = []

    const answer = await this.options.store.transaction(
      async (repo) => {
        afterCommit = [] // a store that retries the transaction runs this again from the start
        const tokenHash = request.token ? secrets.digest(request.token) : null
        const user = tokenHash ? await repo.getSessionUser(tokenHash, now) : null
        if (route.access !== 'public') {
          if (!user) throw new ApiError('UNAUTHORIZED')
          if (Array.isArray(route.access) && !route.access.includes(user.role)) throw new ApiError('FORBIDDEN')
        }

        // A write retried with the same key gets the first answer again and
        // changes nothing: double taps and network retries store one record.
        // Keys are per account; signing in (no account yet) shares one scope,
        // where a key is a random value only its own request ever carried.
        const scope = user?.id ?? ANONYMOUS
        const file = request.file ? ` file:${bytesFingerprint(request.file)}` : ''
        const fingerprint = keyed ? secrets.digest(`${request.method} ${path} ${canonicalJson(body)}${file}`) : ''
        if (keyed) {
          const previous = await repo.claimIdempotencyKey(scope, key!, fingerprint, now)
          if (previous) {
            if (previous.fingerprint !== fingerprint) throw new ApiError('CONFLICT', '这个请求标识已用于另一项提交，请刷新后重试')
            return wire(previous.status, JSON.stringify(previous.body), user?.id)
          }
        }

        const ctx: RouteContext = {
          repo,
          user,
          tokenHash: user ? tokenHash : null,
          params,
          query,
          body: body as Record<string, unknown>,
          now,
          demo: this.demo,
          identity: this.options.identity,
          contentCheck: this.options.contentCheck ?? PASS_ALL,
          file: request.file ?? null,
          photoFiles: this.photoFiles,
          photoLinks: this.photoLinks,
          afterCommit: (fn) => afterCommit.push(fn),
          secrets,
          openSession: async (userId) => {
            const token = secrets.randomToken()
            await repo.insertSession({ tokenHash: secrets.digest(token), userId, expiresAt: now + this.sessionMs })
            return token
          },
        }
        const result = await route.handler(ctx)
        if (result instanceof FileAnswer) return Object.assign(wire(200, 'null', user?.id), { file: result })
        // 操作记录: in this transaction, so a change is never kept without its entry.
        const fact = auditFactOf(request.method, route.path, params, user, result)
        if (fact) await repo.insertAudit(await auditEntryOf(repo, fact, now))
        // Serialised here: callers never share objects with the store.
        const response = wire(isWrite ? 201 : 200, JSON.stringify(result ?? null), user?.id)
        if (keyed) {
          await repo.saveIdempotencyAnswer({ userId: scope, key: key!, fingerprint, status: response.status, body: response.body, createdAt: now })
        }
        return response
      },
      { readOnly: !isWrite },
    )
    for (const fn of afterCommit) await fn().catch(() => undefined) // best effort: the change itself is stored
    return answer
  }

  /** The time-driven events due now (reminders, the 7-day confirmation, stray photos): a host runs it every minute or so. */
  sweep(): Promise<SweepResult> {
    return sweep(this.options.store, this.photoFiles, this.now())
  }

  /** Method, pattern and access of every route, for a host's router. */
  routeList(): { method: string; path: string; access: Route['access'] }[] {
    return this.routes.map(({ method, path, access }) => ({ method, path, access }))
  }

  /** Routes as `METHOD /path/{param}`, to compare with docs/openapi.yaml. */
  describeRoutes(): string[] {
    return this.routes.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`)
  }
}
