import { useEffect, useState } from 'react'
import { api, toApiError, type ApiError, type Community } from '../../api'

export function useCommunities() {
  const [communities, setCommunities] = useState<Community[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    setError(null)
    api.listCommunities().then(
      (list) => live && setCommunities(list),
      (failure) => live && setError(toApiError(failure)),
    )
    return () => {
      live = false
    }
  }, [attempt])
  return { communities, error, retry: () => setAttempt((n) => n + 1) }
}
