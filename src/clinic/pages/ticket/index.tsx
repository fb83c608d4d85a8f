import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Picture } from '../../../components/Picture'
import { toApiError, type BookingView } from '../../../api'
import { clinicApi } from '../../../api/clinic'
import { useWriteKey } from '../../../components/useWriteKey'
import { Action } from '../../../components/Action'
import { PageRoot } from '../../../components/PageRoot'
import { Directions } from '../../../components/Directions'
import { inChina } from '../../../domain/chinaTime'
import { CANCEL_REASON_RULE, describeCancellation, describeWhen, mayCancel, needsCancelReason } from '../../../domain/clinic'
import { checkText } from '../../../domain/validation'
import { Field } from '../../../components/Field'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { LoadingPage } from '../../../components/Loading'
import { qrPngDataUrl } from '../../../domain/qr'
import { useLoaded } from '../../../components/useLoaded'
import '../../clinic.scss'
import { describeActedBy } from '../../../domain/onBehalf'
import { describeChinaMoment } from '../../../domain/chinaClock'
import { keepTicket, keptTicket } from '../../ticketCache'

const STATUS: Record<BookingView['status'], string> = {
  booked: '预约成功',
  waiting: '候补中',
  cancelled: '已取消',
  checked_in: '已签到',
}

/** The large-type ticket: status, queue number, when, where, and the check-in QR code. */
export default function Ticket() {
  const params = useRouter().params
  const id = params.id ?? ''
  const { value: fresh, error, reload, setValue } = useLoaded(async () => {
    await ensureSignedIn()
    const loaded = await clinicApi.getBooking(id)
    keepTicket(loaded, Date.now())
    return loaded
  }, [id])
  // The copy kept on the phone shows at once (the clinic door may have no network)
  // until the fresh ticket arrives; it is marked as possibly out of date.
  const kept = useMemo(() => keptTicket(id), [id])
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const user = useSession((s) => s.user)
  const writeKey = useWriteKey()

  // Only while loading or without a network: a refusal (another account's ticket) shows no copy.
  const shownKept = kept && (!error || error.isOffline) ? kept : null
  const booking = fresh ?? shownKept?.booking ?? null
  if (!booking) {
    return <LoadingPage className="page--large" error={error} onRetry={reload} />
  }
  const now = Date.now()
  // Changes need the fresh ticket: a kept copy can only be shown.
  const open = fresh !== null && (booking.status === 'booked' || booking.status === 'waiting') && now < Date.parse(booking.cutoffAt)
  const cancellable = open && user !== null && mayCancel(booking, user)
  // Staff cancelling someone's booking say why; the resident reads it on this ticket.
  const askReason = user !== null && needsCancelReason(booking, user)

  async function cancelIt() {
    const problem = askReason ? checkText(reason, CANCEL_REASON_RULE) : null
    setReasonError(problem)
    if (problem) return
    setBusy(true)
    setMessage(null)
    try {
      setValue(await clinicApi.cancelBooking(booking!.id, askReason ? reason.trim() : null, { idempotencyKey: writeKey.keyFor('cancel') }))
      writeKey.succeeded('cancel')
      setConfirming(false)
      setMessage('预约已取消')
    } catch (failure) {
      const refusal = toApiError(failure)
      setReasonError(refusal.fields.reason ?? null)
      setMessage(refusal.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className="page--large">
      {!fresh && shownKept && (
        <View className="notice notice--warn" role="status">
          <Text>
            {error ? '网络不通，' : '正在更新，'}这是{describeChinaMoment(shownKept.savedAt)}保存在手机上的凭证，可能不是最新状态。
          </Text>
          {error && (
            <Action className="btn--plain btn--small" onClick={reload}>
              重新加载
            </Action>
          )}
        </View>
      )}
      {params.new && (
        <View className="notice" role="status">
          <Text>{booking.status === 'waiting' ? '已加入候补，有人取消会自动为您补上' : '请按时到达，在门口出示下面的签到码'}</Text>
        </View>
      )}
      {booking.promotedAt && booking.status === 'booked' && (
        <View className="notice" role="status">
          <Text>候补成功：{inChina(booking.promotedAt).format('M月D日 HH:mm')}已为您补上名额</Text>
        </View>
      )}
      {message && (
        <View className="notice notice--warn" role="alert">
          <Text>{message}</Text>
        </View>
      )}
      <View className="card ticket">
        <View className="ticket__status" role="heading" aria-level={1}>
          {STATUS[booking.status]}
        </View>
        {booking.queueNumber !== null && booking.status !== 'cancelled' && <Text className="ticket__queue">第 {booking.queueNumber} 号</Text>}
        <Text className="ticket__when">{describeWhen(booking.startsAt, now)}</Text>
        <Text className="card__title">{booking.clinic.title}</Text>
        <View className="row">
          <Text>地点：{booking.clinic.place}</Text>
          <Directions point={booking.clinic.location} name={booking.clinic.place} address={booking.clinic.hospital} />
        </View>
        <Text>
          就诊人：{booking.patientName}（{booking.forWhom}）
        </Text>
        {booking.actedBy && <Text className="muted-line">{describeActedBy(booking.actedBy)}</Text>}
        {booking.cancelledBy && <Text className="muted-line">{describeCancellation(booking.cancelledBy)}</Text>}
        {booking.checkedInAt && <Text>签到时间：{inChina(booking.checkedInAt).format('M月D日 HH:mm')}</Text>}
        {(booking.status === 'booked' || booking.status === 'checked_in') && (
          <>
            <Picture className="ticket__qr" src={qrPngDataUrl(booking.checkInCode)} alt={`签到二维码，签到码 ${booking.checkInCode}`} />
            <Text className="ticket__code">签到码 {booking.checkInCode}</Text>
          </>
        )}
        {booking.clinic.notes && <Text>注意：{booking.clinic.notes}</Text>}
      </View>
      {cancellable &&
        (confirming ? (
          <View className="notice notice--warn">
            <Text>确定取消这个预约吗？名额会让给候补的居民。</Text>
            {askReason && (
              <Field
                id="cancel-reason"
                label="取消原因（居民会看到）"
                value={reason}
                maxChars={CANCEL_REASON_RULE.max}
                error={reasonError}
                onChange={(value) => {
                  setReason(value)
                  setReasonError(null)
                }}
              />
            )}
            <View className="row">
              <Action className="btn--primary" disabled={busy} onClick={cancelIt}>
                {busy ? '正在取消…' : '确定取消'}
              </Action>
              <Action className="btn--plain" onClick={() => setConfirming(false)}>
                不取消
              </Action>
            </View>
          </View>
        ) : (
          <Action className="btn--plain btn--block" onClick={() => setConfirming(true)}>
            取消预约
          </Action>
        ))}
    </PageRoot>
  )
}
