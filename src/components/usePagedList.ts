import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError, type Page } from '../api'
import { usePullToRefresh } from './usePullToRefresh'

/**
 * A newest-first list read page by page. `reload` starts over (after a filter
 * change or a refused claim); `more` appends the next page.
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiError | null>(null)
  const generation = useRef(0)
  const shownCount = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const load = useCallback(async (from: string | null, append: boolean) => {
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    try {
      const page = await fetchRef.current(from)
      if (mine !== generation.current) return
      const show = () => {
        setItems((old) => (append ? [...old, ...page.items] : page.items))
        setCursor(page.nextCursor)
        setDone(page.nextCursor === null)
        setLoading(false)
      }
      // The first page goes on an empty screen at once (its largest paint); later
      // pages are a transition, drawn in slices that never block a tap.
      if (shownCount.current === 0) show()
      else startTransition(show)
      shownCount.current = append ? shownCount.current + page.items.length : page.items.length
    } catch (failure) {
      if (mine !== generation.current) return
      setError(toApiError(failure))
      setLoading(false)
    }
  }, [])

  const reload = useCallback(() => load(null, false), [load])
  const more = useCallback(() => {
    if (!done && !loading) load(cursor, true)
  }, [cursor, done, loading, load])

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void reload(), deps)
  usePullToRefresh(reload)
  return { items, loading, error, done, reload, more }
}
