import { useState } from 'react'
import { toApiError } from '../api'
import { useWriteKey } from './useWriteKey'
import type { FieldErrors } from '../domain/validation'

export const FIX_FIELDS = '还有几项需要修改，请看标红的提示'

/**
 * The submit cycle every form shares: check locally first, send once at a
 * time with one Idempotency-Key until it succeeds (so a retry never stores
 * twice), and turn a refusal into messages beside the fields and one notice
 * on top. What the user typed stays in the form's own state.
 */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const writeKey = useWriteKey()

  /** Typing in a field clears its error. */
  const clearError = (field: string) => {
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest)
  }

  /**
   * `send` gets the key of this submission. `offlineHint` tells the user what
   * to do after a network failure, e.g. 请再点一次“提交报名”.
   */
  async function submit(localErrors: FieldErrors, send: (idempotencyKey: string) => Promise<void>, offlineHint: string) {
    if (sending) return
    setErrors(localErrors)
    if (Object.keys(localErrors).length) {
      setNotice(FIX_FIELDS)
      return
    }
    setNotice(null)
    setSending(true)
    try {
      await send(writeKey.keyFor('submit'))
      writeKey.succeeded('submit')
    } catch (failure) {
      const error = toApiError(failure)
      setErrors(error.fields)
      setNotice(error.isOffline ? `${error.message}。${offlineHint}` : error.message)
    } finally {
      setSending(false)
    }
  }

  return { errors, notice, setNotice, sending, clearError, submit }
}
