import Taro from '@tarojs/taro'
import type { Transport } from '../src/api/contract'
import { Backend } from './backend'
import type { DbState } from './state'
import type { DbStorage } from './storage'
import { createInProcessTransport } from './transport'

const STORAGE_KEY = 'dongan-mock-db'

/** Keeps the demo database in the phone's storage so a demo survives restarts. */
function taroStorage(): DbStorage {
  return {
    load: () => {
      try {
        const raw = Taro.getStorageSync(STORAGE_KEY)
        return raw ? (JSON.parse(raw) as DbState) : null
      } catch {
        return null
      }
    },
    save: (db) => {
      try {
        Taro.setStorageSync(STORAGE_KEY, JSON.stringify(db))
      } catch {
        // Storage full or unavailable: the demo keeps working in memory.
      }
    },
  }
}

/** The embedded mock backend as the app's transport (the default build). */
export function createEmbeddedTransport(latencyMs: number): Transport {
  return createInProcessTransport(new Backend({ storage: taroStorage() }), latencyMs)
}
