import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError, type WishView } from '../../../api'
import { wishApi } from '../../../api/wish'
import { useWriteKey } from '../../../components/useWriteKey'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { FIX_FIELDS } from '../../../components/useFormSubmit'
import type { FieldErrors } from '../../../domain/validation'
import { NOTE_RULE, REASON_RULE, THANKS_RULE, WISH_ACTION_LABEL, validateWishActionInput, type WishAction } from '../../../domain/wish'

interface Props {
  wish: WishView
  /** Exactly the actions src/domain allows this viewer now. */
  actions: WishAction[]
  onDone: (wish: WishView) => void
  /** A refusal that means the wish changed under us (e.g. already claimed). */
  onStale: () => void
}

/** The buttons and small forms for what this viewer may do with the wish. */
export function WishActions({ wish, actions, onDone, onStale }: Props) {
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [hours, setHours] = useState('')
  const [rating, setRating] = useState(0)
  const [thanks, setThanks] = useState('')
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  // Giving a wish back is a separate, deliberate step: never one tap away from 完成服务.
  const [releasing, setReleasing] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState<WishAction | null>(null)
  // One key per action until it succeeds: a retry after a network failure is the same request.
  const writeKey = useWriteKey()

  if (actions.length === 0) return null

  async function run(action: WishAction) {
    if (busy) return
    // Checked here first, like every form: bad input is shown beside its field and nothing is sent.
    const hoursValue = hours.trim() === '' ? NaN : Number(hours)
    const local = validateWishActionInput(action, { reason, note, hours: hours.trim() === '' ? '' : hoursValue, rating, thanks })
    setErrors(local)
    if (Object.keys(local).length) {
      setMessage(FIX_FIELDS)
      return
    }
    setBusy(action)
    setMessage(null)
    const options = { idempotencyKey: writeKey.keyFor(action) }
    try {
      const calls: Record<WishAction, () => Promise<WishView>> = {
        approve: () => wishApi.approveWish(wish.id, options),
        reject: () => wishApi.rejectWish(wish.id, reason, options),
        cancel: () => wishApi.cancelWish(wish.id, options),
        claim: () => wishApi.claimWish(wish.id, options),
        release: () => wishApi.releaseWish(wish.id, reason, options),
        complete: () => wishApi.completeWish(wish.id, { note, hours: hoursValue }, options),
        confirm: () => wishApi.confirmWish(wish.id, { rating, thanks }, options),
      }
      const next = await calls[action]()
      writeKey.succeeded(action)
      setReason('')
      setConfirmingCancel(false)
      onDone(next)
    } catch (failure) {
      const error = toApiError(failure)
      setErrors(error.fields)
      setMessage(error.message)
      if (error.code === 'CONFLICT') onStale()
    } finally {
      setBusy(null)
    }
  }

  const label = (action: WishAction) => (busy === action ? '正在提交…' : WISH_ACTION_LABEL[action])
  const has = (action: WishAction) => actions.includes(action)

  return (
    <View className="card form" role="region" ariaLabel="可以进行的操作">
      <Text className="card__title">操作</Text>
      {message && (
        <View className="notice notice--error" role="alert">
          <Text>{message}</Text>
        </View>
      )}
      {has('approve') && (
        <Action className="btn--primary btn--block" disabled={!!busy} onClick={() => run('approve')}>
          {label('approve')}
        </Action>
      )}
      {has('claim') && (
        <Action className="btn--primary btn--block" disabled={!!busy} onClick={() => run('claim')}>
          {label('claim')}
        </Action>
      )}
      {has('reject') && <Field id="wish-reason" label="驳回原因" maxChars={REASON_RULE.max} value={reason} error={errors.reason} onChange={setReason} />}
      {has('reject') && (
        <Action className="btn--plain btn--block" disabled={!!busy} onClick={() => run('reject')}>
          {label('reject')}
        </Action>
      )}
      {has('complete') && (
        <>
          <Field id="wish-note" label="服务记录" required multiline maxChars={NOTE_RULE.max} placeholder="做了什么，结果怎样" value={note} error={errors.note} onChange={setNote} />
          <Field id="wish-hours" label="服务时长（小时）" required type="digit" hint="0.5到12小时，按半小时计" value={hours} error={errors.hours} onChange={setHours} />
          <Action className="btn--primary btn--block" disabled={!!busy} onClick={() => run('complete')}>
            {label('complete')}
          </Action>
        </>
      )}
      {has('release') &&
        (releasing ? (
          <View className="notice notice--warn" role="group" ariaLabel="放弃认领">
            <Text>放弃后，心愿回到“待认领”，本网格的其他志愿者可以认领。</Text>
            <Field id="wish-reason" label="放弃原因" required maxChars={REASON_RULE.max} value={reason} error={errors.reason} onChange={setReason} />
            <View className="row">
              <Action className="btn--primary" disabled={!!busy} onClick={() => run('release')}>
                {busy === 'release' ? '正在提交…' : '确定放弃认领'}
              </Action>
              <Action className="btn--plain" onClick={() => setReleasing(false)}>
                继续服务
              </Action>
            </View>
          </View>
        ) : (
          <Action className="btn--ghost btn--block" onClick={() => setReleasing(true)}>
            不能继续服务？放弃认领
          </Action>
        ))}
      {has('confirm') && (
        <>
          <View className="field" role="radiogroup" ariaLabel="服务评价">
            <Text className="field__label">服务评价</Text>
            <View className="stars">
              {[1, 2, 3, 4, 5].map((n) => (
                <Action key={n} className={`stars__star ${n <= rating ? 'stars__star--on' : ''}`} label={`${n}颗星`} pressed={n === rating} onClick={() => setRating(n)}>
                  {n <= rating ? '★' : '☆'}
                </Action>
              ))}
            </View>
            {errors.rating && (
              <View className="field__error" role="alert">
                {errors.rating}
              </View>
            )}
          </View>
          <Field id="wish-thanks" label="感谢的话（选填）" multiline maxChars={THANKS_RULE.max} value={thanks} error={errors.thanks} onChange={setThanks} />
          <Action className="btn--primary btn--block" disabled={!!busy} onClick={() => run('confirm')}>
            {label('confirm')}
          </Action>
        </>
      )}
      {has('cancel') &&
        (confirmingCancel ? (
          <View className="notice notice--warn">
            <Text>确定要取消这个心愿吗？取消后志愿者将看不到它。</Text>
            <View className="row">
              <Action className="btn--primary" disabled={!!busy} onClick={() => run('cancel')}>
                {busy === 'cancel' ? '正在取消…' : '确定取消'}
              </Action>
              <Action className="btn--plain" onClick={() => setConfirmingCancel(false)}>
                不取消
              </Action>
            </View>
          </View>
        ) : (
          <Action className="btn--plain btn--block" onClick={() => setConfirmingCancel(true)}>
            {WISH_ACTION_LABEL.cancel}
          </Action>
        ))}
    </View>
  )
}
