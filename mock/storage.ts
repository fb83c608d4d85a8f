import type { DbState } from './state'

/** Where the mock database lives between runs: Taro storage on a phone, memory in Node. */
export interface DbStorage {
  load(): DbState | null
  save(db: DbState): void
}

export function memoryStorage(): DbStorage {
  let saved: string | null = null
  return {
    load: () => (saved ? (JSON.parse(saved) as DbState) : null),
    save: (db) => {
      saved = JSON.stringify(db)
    },
  }
}
