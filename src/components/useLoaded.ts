import { startTransition, useCallback, useEffect, useState } from 'react'
import { toApiError, type ApiError } from '../api'
import { usePullToRefresh } from './usePullToRefresh'

/** Loads once (and on reload): the value, or the error to show with a retry. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const reload = useCallback(
    () => {
      setError(null)
      // A transition: the page is drawn in slices and never blocks a tap.
      return load().then(
        (loaded) => startTransition(() => setValue(loaded)),
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
