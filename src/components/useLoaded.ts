import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../api'
import { usePullToRefresh } from './usePullToRefresh'

/** Loads once (and on reload): the value, or the error to show with a retry. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const shown = useRef(false)
  const reload = useCallback(
    () => {
      setError(null)
      return load().then(
        (loaded) => {
          // Nothing shown yet: drawn at once (the page's largest paint). A reload is a
          // transition, drawn in slices that never block a tap.
          if (shown.current) startTransition(() => setValue(loaded))
          else setValue(loaded)
          shown.current = true
        },
        (failure) => setError(toApiError(failure)),
      )
    },
    // The caller lists what `load` depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  )
  useEffect(() => void reload(), [reload])
  usePullToRefresh(reload)
  return { value, error, reload, setValue }
}
