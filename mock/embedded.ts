import Taro from '@tarojs/taro'
import type { Transport } from '../src/api/contract'
import type { MemoryData, MemoryPersistence } from '../backend/memoryStore'
import { memoryPhotoFiles, type TextShelf } from '../backend/photoFiles'
import { appSecrets } from './appSecrets'
import { createDemoBackend } from './demoBackend'
import { createInProcessTransport } from './transport'

const DATA_KEY = 'dongan-mock-db'
/** Changes on every save, so another tab knows to read the data again. */
const REVISION_KEY = 'dongan-mock-db-rev'
const LOCK_NAME = 'dongan-mock-db'

interface LockManager {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/**
 * The demo database in the phone's storage, so a demo survives restarts. In a
 * browser, several tabs share that storage: each transaction holds a Web Lock
 * and starts from what is stored, so no tab overwrites another's writes.
 */
function taroPersistence(): MemoryPersistence {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks
  const read = (key: string): string | null => {
    try {
      return Taro.getStorageSync(key) || null
    } catch {
      return null
    }
  }
  return {
    load: () => {
      const raw = read(DATA_KEY)
      try {
        return raw ? (JSON.parse(raw) as MemoryData) : null
      } catch {
        return null
      }
    },
    save: (data) => {
      try {
        Taro.setStorageSync(DATA_KEY, JSON.stringify(data))
        Taro.setStorageSync(REVISION_KEY, `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`)
      } catch {
        // Storage full or unavailable: the demo keeps working in memory.
      }
    },
    revision: () => read(REVISION_KEY),
    // A mini-program runs one instance: only browsers need the lock.
    exclusive: (fn) => (locks ? locks.request(LOCK_NAME, fn) : fn()),
  }
}

/** The phone's storage as a shelf for the demo's photos. */
const taroShelf: TextShelf = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key) || null
    } catch {
      return null
    }
  },
  set: (key, value) => {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      // Storage full: the photo stays in memory for this run.
    }
  },
  remove: (key) => Taro.removeStorageSync(key),
}

/** A chosen photo's bytes: a blob: or data: URL in a browser, a temporary file in the mini-program. */
async function readLocalFile(path: string): Promise<Uint8Array> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Uint8Array(Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer)
  } else {
    return new Uint8Array(await (await fetch(path)).arrayBuffer())
  }
}

/** The embedded demo backend as the app's transport (the default build). */
export function createEmbeddedTransport(latencyMs: number): Transport {
  const { backend } = createDemoBackend({ secrets: appSecrets, persistence: taroPersistence(), photoFiles: memoryPhotoFiles(taroShelf) })
  return createInProcessTransport(backend, latencyMs, readLocalFile)
}
