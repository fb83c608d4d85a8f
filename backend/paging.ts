import { ApiError } from '../src/api/errors'
import type { Page } from '../src/api/types'
import type { RouteContext } from './router'
import type { Keyed, Scan } from './store'

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 50

function pageLimit(ctx: RouteContext): number {
  const n = Number(ctx.query.limit ?? DEFAULT_LIMIT)
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new ApiError('VALIDATION', '分页参数不正确', { limit: `每页1到${MAX_LIMIT}条` })
  }
  return n
}

/** Both stores use whole numbers as cursors; the client treats them as opaque. */
function startCursor(ctx: RouteContext): string | null {
  const cursor = ctx.query.cursor
  if (!cursor) return null
  if (!/^\d{1,15}$/.test(cursor)) throw new ApiError('VALIDATION', '分页参数不正确', { cursor: '无效的分页位置' })
  return cursor
}

/**
 * One newest-first page: scans the store from the cursor, keeps what `view`
 * shows (null hides a record), and stops once the page is full, so a page
 * costs what it shows. `batch` reads more per scan when `view` hides many.
 */
export async function pageOf<T, V>(
  ctx: RouteContext,
  scan: (scan: Scan) => Promise<Keyed<T>[]>,
  view: (record: T) => V | null,
  batch = 0,
): Promise<Page<V>> {
  const limit = pageLimit(ctx)
  const size = Math.max(limit + 1, batch)
  let after = startCursor(ctx)
  const items: V[] = []
  let lastCursor: string | null = null
  for (;;) {
    const rows = await scan({ after, limit: size })
    for (const row of rows) {
      const shown = view(row.record)
      if (shown === null) continue
      if (items.length === limit) return { items, nextCursor: lastCursor }
      items.push(shown)
      lastCursor = row.cursor
    }
    if (rows.length < size) return { items, nextCursor: null }
    after = rows[rows.length - 1].cursor
  }
}
