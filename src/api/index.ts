import { createCaller } from './caller'
import { coreCalls } from './calls/core'
import type { CoreApi, Transport } from './contract'

export type { Api, WriteOptions } from './contract'
export * from './errors'
export * from './types'
export { newIdempotencyKey } from './caller'

/**
 * The one place that picks the backend. TARO_APP_API_BASE is fixed at build
 * time, so webpack drops the branch not taken: a build against a real server
 * carries no mock backend, and the embedded build carries no HTTP code.
 */
function pickTransport(): Transport {
  // Both branches must be explicit for webpack to drop the one not taken.
  if (process.env.TARO_APP_API_BASE) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createHttpTransport } = require('./httpTransport') as typeof import('./httpTransport')
    return createHttpTransport({ baseUrl: process.env.TARO_APP_API_BASE })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createEmbeddedTransport } = require('../../mock/embedded') as typeof import('../../mock/embedded')
    return createEmbeddedTransport(Number(process.env.TARO_APP_MOCK_LATENCY || 0))
  }
}

let currentToken: string | null = null

/** The session store hands the API its bearer token. */
export function setApiToken(token: string | null): void {
  currentToken = token
}

let signInAgain = (): Promise<string | null> => Promise.resolve(null)

/** The session store's silent sign-in, used once when a request finds the session expired. */
export function setApiReauthenticate(fn: () => Promise<string | null>): void {
  signInAgain = fn
}

/** The server's photo links are paths below the API's base; the embedded demo's are data: URLs already. */
const resolveUrl = (path: string) => (path.startsWith('/') ? `${(process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')}${path}` : path)

/** The one caller every capability's calls share: one transport, one token, one renewal. */
export const caller = createCaller({ transport: pickTransport(), getToken: () => currentToken, reauthenticate: () => signInAgain(), resolveUrl })

/** The core calls (sign-in, the card, 我的). Each subpackage takes its own from src/api/<capability>.ts. */
export const api: CoreApi = coreCalls(caller)

/** True when the app talks to the embedded demo backend. */
export const usesEmbeddedMock = !process.env.TARO_APP_API_BASE
