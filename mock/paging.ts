import { ApiError } from '../src/api/errors'
import type { Page } from '../src/api/types'
import type { RouteContext } from './router'

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 50

function pageLimit(ctx: RouteContext): number {
  const n = Number(ctx.query.limit ?? DEFAULT_LIMIT)
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new ApiError('VALIDATION', '分页参数不正确', { limit: `每页1到${MAX_LIMIT}条` })
  }
  return n
}

/**
 * Newest-first paging over a list kept in creation order: walks backwards
 * from the cursor and stops one match past the page, so a page costs what it
 * shows, not the size of the list. `view` may hide an item (null).
 */
export function pageBackwards<T, V>(ctx: RouteContext, list: T[], matches: (item: T) => boolean, view: (item: T) => V | null): Page<V> {
  const limit = pageLimit(ctx)
  let start = list.length - 1
  if (ctx.query.cursor) {
    const at = Number(ctx.query.cursor)
    if (!Number.isInteger(at) || at < 0 || at > list.length) throw new ApiError('VALIDATION', '分页参数不正确', { cursor: '无效的分页位置' })
    start = at - 1
  }
  const items: V[] = []
  for (let i = start; i >= 0; i--) {
    if (!matches(list[i])) continue
    if (items.length === limit) return { items, nextCursor: String(i + 1) }
    const shown = view(list[i])
    if (shown !== null) items.push(shown)
  }
  return { items, nextCursor: null }
}
