import { useEffect, useState } from 'react'
import { toApiError, type LiveCode } from '../api'

/**
 * A code that changes every 30 seconds (an activity's check-in code, a room's
 * door code, a volunteer's own code), fetched again just after the server's
 * window turns, or 5 seconds after a failure.
 */
export function useLiveCode(fetch: () => Promise<LiveCode>, deps: unknown[]): { code: LiveCode | null; problem: string | null } {
  const [code, setCode] = useState<LiveCode | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const fetchCode = async () => {
      try {
        const next = await fetch()
        if (stopped) return
        setCode(next)
        setProblem(null)
        // Just after the server's window turns; never sooner than a second.
        timer = setTimeout(fetchCode, Math.max(1000, Date.parse(next.expiresAt) - Date.now() + 300))
      } catch (failure) {
        if (stopped) return
        setProblem(toApiError(failure).message)
        timer = setTimeout(fetchCode, 5000)
      }
    }
    fetchCode()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
    // The caller names what the fetch depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return { code, problem }
}
