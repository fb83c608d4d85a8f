import type { Transport } from '../src/api/contract'
import { errorFromBody } from '../src/api/errors'
import type { Backend } from '../backend/core'

/**
 * Calls the backend in-process, as if over the wire: the answer is a copy,
 * errors arrive as ApiErrors, and an optional delay mimics a network.
 */
export function createInProcessTransport(backend: Backend, latencyMs = 0): Transport {
  return async (request) => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    const { status, body } = await backend.dispatch(request)
    if (status >= 200 && status < 300) return body
    throw errorFromBody(status, body)
  }
}
