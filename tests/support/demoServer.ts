import type { MemoryStore } from '../../backend/memoryStore'
import { nodeSecrets } from '../../backend/nodeSecrets'
import type { Route } from '../../backend/router'
import { createDemoBackend } from '../../mock/demoBackend'
import { startMockServer, type RunningServer } from '../../mock/server'

/** The demo backend over HTTP on loopback, with its memory store for tests that count records. */
export async function startDemoServer(options: { now?: () => number; routes?: Route[] } = {}): Promise<RunningServer & { store: MemoryStore }> {
  const { backend, store } = createDemoBackend({ secrets: nodeSecrets, ...options })
  const server = await startMockServer({ backend })
  return Object.assign(server, { store })
}

/** Ends a session on the server, as its expiry would. */
export function revokeSession(store: MemoryStore, token: string): Promise<void> {
  return store.transaction((repo) => repo.deleteSession(nodeSecrets.digest(token)))
}
