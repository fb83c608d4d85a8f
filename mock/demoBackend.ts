import { Backend, type Secrets } from '../backend/core'
import { MemoryStore, type MemoryPersistence } from '../backend/memoryStore'
import type { PhotoFiles, PhotoLinks } from '../backend/photoFiles'
import type { Route } from '../backend/router'
import { demoIdentity, demoRoutes } from './demo'
import { seedDb } from './seed'

export interface DemoBackendOptions {
  secrets: Secrets
  /** The clock; tests fix it. */
  now?: () => number
  persistence?: MemoryPersistence
  /** Where photos are kept (memory when not given) and how they are linked (data: URLs when not given). */
  photoFiles?: PhotoFiles
  photoLinks?: PhotoLinks
  /** Replaces the core routes (tests of the dispatcher itself). */
  routes?: Route[]
}

/** The demo backend: the core on a memory store seeded with the demo data, demo doors open. */
export function createDemoBackend(options: DemoBackendOptions): { backend: Backend; store: MemoryStore } {
  // Read at each call, so a changed clock (a test's, a browser's) is the backend's too.
  const now = options.now ?? (() => Date.now())
  const store = new MemoryStore({ initial: () => seedDb(now()), persistence: options.persistence, now })
  const { secrets, photoFiles, photoLinks, routes } = options
  const backend = new Backend({ store, identity: demoIdentity, secrets, now, demoRoutes, routes, photoFiles, photoLinks })
  return { backend, store }
}
