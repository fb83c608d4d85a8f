import { useRef } from 'react'
import { newIdempotencyKey } from '../api'

/**
 * One Idempotency-Key per thing the user means to do (an "intent", e.g.
 * `claim:w4`): the same key for every retry until that write succeeds, so a
 * retry after a network failure can never store it twice; a new key after.
 */
export function useWriteKey() {
  const keys = useRef(new Map<string, string>())
  return {
    keyFor(intent: string): string {
      let key = keys.current.get(intent)
      if (!key) {
        key = newIdempotencyKey()
        keys.current.set(intent, key)
      }
      return key
    },
    /** The write succeeded: the next time is a new intent with a new key. */
    succeeded(intent: string): void {
      keys.current.delete(intent)
    },
  }
}
