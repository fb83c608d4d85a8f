import type { ApiRequest, Transport, WriteOptions } from './contract'
import type { ApiError } from './errors'
import type { Page, PageQuery, WishSummary, WishView } from './types'

let counter = 0

/** A unique key for one user intent; works without crypto (mini-program engines). */
export function newIdempotencyKey(): string {
  counter = (counter + 1) % 1e6
  const random = Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${counter.toString(36)}-${random}`
}

export interface ClientOptions {
  transport: Transport
  getToken: () => string | null
  /** Signs in again after the session expired; resolves with the new token. */
  reauthenticate?: () => Promise<string | null>
  /** Makes the server's photo links (/photos/…) absolute; links that already are pass through. */
  resolveUrl?: (path: string) => string
}

/** What every capability's calls are made of: one transport, the session's token, one renewal. */
export interface Caller {
  send<T>(request: Omit<ApiRequest, 'token'>): Promise<T>
  /** A write, with the caller's Idempotency-Key or a new one. */
  write<T>(method: ApiRequest['method'], path: string, body: unknown, options?: WriteOptions): Promise<T>
  /** A page of a list; query objects are flat (strings and numbers, unset ones left out). */
  page<T = WishSummary>(path: string, query?: object): Promise<Page<T>>
  seg(part: string): string
  /** Makes a server photo link (/photos/…) absolute. */
  resolveUrl(path: string): string
  /** A wish with its photo links made absolute. */
  linked(wish: WishView): WishView
}

/**
 * Maps the typed contract onto wire requests. The same calls serve the
 * embedded mock and a real server: only the transport differs.
 */
export function createCaller({ transport, getToken, reauthenticate, resolveUrl = (path) => path }: ClientOptions): Caller {
  // One sign-in shared by every request that finds the session expired meanwhile.
  let renewing: Promise<string | null> | null = null
  const send = <T>(request: Omit<ApiRequest, 'token'>): Promise<T> => {
    const token = getToken()
    const go = (t: string | null) => transport({ ...request, token: t }) as Promise<T>
    return go(token).catch((error: ApiError) => {
      // Only an expired token is renewed; /auth/* (the sign-in itself) never is.
      if (!reauthenticate || !token || error.code !== 'UNAUTHORIZED' || request.path.startsWith('/auth/')) throw error
      // A 401 that lands after another request renewed the token just retries.
      const current = getToken()
      const fresh = current !== token ? Promise.resolve(current) : (renewing ||= reauthenticate().finally(() => (renewing = null)))
      // One retry with the same Idempotency-Key; a second 401 goes to the caller.
      return fresh.then((t) => {
        if (!t) throw error
        return go(t)
      })
    })
  }
  const write = <T>(method: ApiRequest['method'], path: string, body: unknown, options?: WriteOptions) =>
    send<T>({ method, path, body, idempotencyKey: options?.idempotencyKey || newIdempotencyKey() })
  const seg = encodeURIComponent
  // Query objects are flat: strings and numbers, unset ones left out.
  const page = <T = WishSummary>(path: string, query: object = {}) =>
    send<Page<T>>({ method: 'GET', path, query: { ...query, cursor: (query as PageQuery).cursor ?? undefined } as ApiRequest['query'] })
  const linked = (wish: WishView): WishView => ({ ...wish, photos: wish.photos.map(resolveUrl) })
  return { send, write, page, seg, resolveUrl, linked }
}
