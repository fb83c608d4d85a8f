import { PGlite } from '@electric-sql/pglite'
import { Pool } from 'pg'

/** One connection, as the PostgreSQL store uses it: parameterised queries only. */
export interface SqlConnection {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>
}

/** Where connections come from: a pg pool (real PostgreSQL) or the one embedded PGlite connection. */
export interface SqlDatabase {
  /** A connection of one's own until `release`. */
  connect(): Promise<SqlConnection & { release(): void }>
  /** Whether two transactions can truly run at once (races are then decided by the database). */
  readonly concurrent: boolean
  close(): Promise<void>
}

export function pgDatabase(url: string, max = 10): SqlDatabase {
  // Idle connections do not keep a finished process (a CLI command, a test run) alive.
  const pool = new Pool({ connectionString: url, max, allowExitOnIdle: true })
  return {
    concurrent: true,
    async connect() {
      const client = await pool.connect()
      // Handlers may ask several things at once inside one transaction; a connection answers
      // one query at a time, so they take turns here (pg's own queueing is deprecated).
      let turn: Promise<unknown> = Promise.resolve()
      const query = (text: string, params?: unknown[]) => {
        const answer = turn.then(() => client.query(text, params))
        turn = answer.catch(() => undefined)
        return answer
      }
      return { query: query as SqlConnection['query'], release: () => client.release() }
    },
    close: () => pool.end(),
  }
}

/**
 * PGlite is one connection: a transaction holds it until it ends, so the
 * store's transactions run one after another, as with the memory store.
 */
export async function pgliteDatabase(dataDir?: string): Promise<SqlDatabase> {
  const db = new PGlite(dataDir)
  await db.waitReady
  let queue: Promise<unknown> = Promise.resolve()
  return {
    concurrent: false,
    connect() {
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      const query = (text: string, params?: unknown[]) => db.query(text, params)
      const acquired = queue.then(() => ({ query: query as SqlConnection['query'], release }))
      queue = queue.then(() => held)
      return acquired as never
    },
    close: async () => {
      await queue
      await db.close()
    },
  }
}
