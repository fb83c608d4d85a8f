import type { Transport } from '../src/api/contract'
import { errorFromBody } from '../src/api/errors'
import type { Backend } from '../backend/core'

/**
 * Calls the backend in-process, as if over the wire: the answer is a copy,
 * errors arrive as ApiErrors, and an optional delay mimics a network. An
 * upload's file is read with `readFile` (the platform's own way).
 */
export function createInProcessTransport(backend: Backend, latencyMs = 0, readFile?: (path: string) => Promise<Uint8Array>): Transport {
  return async ({ filePath, ...request }) => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    if (filePath && !readFile) throw new Error('this transport cannot read files')
    const file = filePath ? await readFile!(filePath) : undefined
    const { status, body } = await backend.dispatch({ ...request, file })
    if (status >= 200 && status < 300) return body
    throw errorFromBody(status, body)
  }
}
