import type { HttpMethod } from '../src/api/contract'
import type { Role } from '../src/api/types'
import type { UserRecord } from './records'
import type { PhotoFiles, PhotoLinks } from './photoFiles'
import type { Repository } from './store'
import type { Secrets } from './core'

/** Who may call a route: anyone, any signed-in user, or only some roles. */
export type Access = 'public' | 'user' | Role[]

/** WeChat's answers for sign-in, or the demo's stand-in for them. */
export interface IdentityProvider {
  /** wx.login's code → the account's openid (code2Session). */
  openidFor(code: string): Promise<string>
  /** The getPhoneNumber button's code → the phone number WeChat confirmed. */
  phoneFor(code: string): Promise<string>
}

/**
 * WeChat's content-security check (msgSecCheck) of text people publish; the
 * demo and deployments without WeChat pass everything (staff review wishes
 * before anyone sees them either way).
 */
export interface ContentCheck {
  /** False when the text must not be published; `openid` is the writer's WeChat identity, when known. */
  textIsAcceptable(text: string, openid: string | null): Promise<boolean>
  /**
   * Asks WeChat to check a photo (mediaCheckAsync): `link` is the photo's
   * signed path, WeChat fetches it. Answers the trace id its verdict will
   * come back with, or null when photos are not checked here.
   */
  startPhotoCheck?(link: string, openid: string | null): Promise<string | null>
  /** True when a message push (its query: signature, timestamp, nonce) really comes from WeChat. */
  pushIsFromWechat?(query: Record<string, string>): boolean
}

export const PASS_ALL: ContentCheck = { textIsAcceptable: async () => true }

/** What the host hands every handler besides the request. */
export interface RouteContext {
  repo: Repository
  /** The signed-in user, when the route needs one (never null then). */
  user: UserRecord | null
  /** The hash of the bearer token, when one was sent and is valid. */
  tokenHash: string | null
  params: Record<string, string>
  query: Record<string, string>
  body: Record<string, unknown>
  now: number
  /** True only where the demo doors are open (the embedded app, the mock server, DEMO=1). */
  demo: boolean
  identity: IdentityProvider
  contentCheck: ContentCheck
  /** The file of an upload (a photo), when the request carried one. */
  file: Uint8Array | null
  photoFiles: PhotoFiles
  photoLinks: PhotoLinks
  /** Runs once the transaction has committed (removing files of records it deleted). */
  afterCommit(fn: () => Promise<void>): void
  /** Opens a session for a user and returns its bearer token. */
  openSession(userId: string): Promise<string>
  /** The host's randomness and digest: secrets that never leave the backend (an activity's check-in code). */
  secrets: Secrets
}

/** What a handler returns to answer with a file (a photo) instead of JSON. */
export class FileAnswer {
  constructor(
    readonly type: string,
    readonly bytes: Uint8Array,
  ) {}
}

export interface Route {
  method: HttpMethod
  /** Express-style pattern, e.g. /grids/:code/card; docs/openapi.yaml uses {code}. */
  path: string
  access: Access
  /** A write that comes without an Idempotency-Key (WeChat's pushes); it must be idempotent by itself. */
  withoutKey?: boolean
  handler: (ctx: RouteContext) => Promise<unknown>
}

interface CompiledRoute extends Route {
  regex: RegExp
  keys: string[]
}

export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const keys: string[] = []
    const source = route.path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
      keys.push(key)
      return '([^/]+)'
    })
    return { ...route, keys, regex: new RegExp(`^${source}$`) }
  })
}

export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue
    const m = route.regex.exec(path)
    if (!m) continue
    const params: Record<string, string> = {}
    route.keys.forEach((key, i) => {
      try {
        params[key] = decodeURIComponent(m[i + 1])
      } catch {
        params[key] = m[i + 1]
      }
    })
    return { route, params }
  }
  return null
}
