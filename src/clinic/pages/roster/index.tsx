import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '../../../api'
import { clinicApi } from '../../../api/clinic'
import { Action } from '../../../components/Action'
import { PageRoot } from '../../../components/PageRoot'
import { inChina } from '../../../domain/chinaTime'
import { findByCheckInCode } from '../../../domain/clinic'
import { Field } from '../../../components/Field'
import { canScan, scanQrCode } from '../../../platform/scan'
import { LoadingPage } from '../../../components/Loading'
import { useLoaded } from '../../../components/useLoaded'
import '../../clinic.scss'
import { useWriteKey } from '../../../components/useWriteKey'
import { Runs } from '../../../components/Runs'

const STATUS = { booked: '未到', waiting: '候补', cancelled: '已取消', checked_in: '已签到' } as const

/** Staff: everyone booked, by slot; mark arrivals; attendance from the bookings themselves. */
export default function RosterPage() {
  const writeKey = useWriteKey()
  const id = useRouter().params.id ?? ''
  const { value: roster, error, reload } = useLoaded(() => clinicApi.getRoster(id), [id])
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)

  if (!roster) {
    return <LoadingPage error={error} onRetry={reload} />
  }

  async function arrive(bookingId: string): Promise<boolean> {
    setBusy(bookingId)
    setMessage(null)
    try {
      const done = await clinicApi.checkIn(bookingId, { idempotencyKey: writeKey.keyFor(`check-in:${bookingId}`) })
      writeKey.succeeded(`check-in:${bookingId}`)
      setMessage(`${done.patientName} 已签到`)
      reload()
      return true
    } catch (failure) {
      setMessage(toApiError(failure).message)
      return false
    } finally {
      setBusy(null)
    }
  }

  /** A 签到码 from the camera or typed: the booking it names is checked in. */
  async function arriveByCode(text: string) {
    const found = findByCheckInCode(roster!.bookings, roster!.clinic.id, text)
    if ('problem' in found) {
      setCodeError(found.problem)
      return
    }
    setCodeError(null)
    if (found.booking.status === 'checked_in') {
      setMessage(`${found.booking.patientName} 已经签到过了`)
      return
    }
    if (await arrive(found.booking.id)) setCode('')
  }

  async function scan() {
    const text = await scanQrCode()
    if (text !== null) {
      setCode(text)
      await arriveByCode(text)
    }
  }

  const { attendance, clinic } = roster
  return (
    <PageRoot>
      <View className="card">
        <View className="card__title" role="heading" aria-level={1}>
          {clinic.title}
        </View>
        <Text>
          {clinic.date} · {clinic.place}
        </Text>
        <View className="figures" role="group" ariaLabel="出勤情况">
          <View className="figures__item">
            <Text className="figures__value">{attendance.booked}</Text>
            <Text>已预约</Text>
          </View>
          <View className="figures__item">
            <Text className="figures__value">{attendance.arrived}</Text>
            <Text>已签到</Text>
          </View>
          <View className="figures__item">
            <Text className="figures__value">{Math.round(attendance.rate * 100)}%</Text>
            <Text>到诊率</Text>
          </View>
          <View className="figures__item">
            <Text className="figures__value">{attendance.waiting}</Text>
            <Text>候补</Text>
          </View>
        </View>
      </View>
      <View className="card" role="region" ariaLabel="扫码签到">
        <Text className="card__title">扫码签到</Text>
        {canScan && (
          <Action className="btn--primary btn--block" disabled={busy !== null} onClick={scan}>
            扫一扫就诊凭证
          </Action>
        )}
        <Field
          id="check-in-code"
          label="签到码"
          value={code}
          onChange={setCode}
          error={codeError}
          hint="就诊凭证二维码下方的签到码，如 YZ-C1-1001-K"
          onConfirm={() => arriveByCode(code)}
        />
        <Action className="btn--plain" disabled={busy !== null} onClick={() => arriveByCode(code)}>
          按签到码签到
        </Action>
      </View>
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}
      {clinic.slots.map((slot) => (
        <View key={slot.id} className="card" role="region" ariaLabel={`${slot.start}–${slot.end}`}>
          <Runs className="slot__time" text={`${slot.start}–${slot.end}（${slot.capacity}个名额）`} />
          {roster.bookings
            .filter((b) => b.slotId === slot.id)
            .map((b) => (
              <View key={b.id} className="slot roster-row">
                <View>
                  <Text>
                    {b.queueNumber !== null ? `${b.queueNumber}号 ` : ''}
                    {b.patientName} · {b.age}岁 · {b.phone}
                  </Text>
                  <View className="slot__left">
                    {STATUS[b.status]}
                    {b.checkedInAt ? ` ${inChina(b.checkedInAt).format('HH:mm')}` : ''}
                    {b.assistance.length ? ` · 需要${b.assistance.join('、')}` : ''}
                    {b.forWhom === '家人代约' ? ' · 家人代约' : ''}
                  </View>
                </View>
                {b.status === 'booked' && (
                  <Action className="btn--primary" disabled={busy !== null} label={`签到：${b.patientName}`} onClick={() => arrive(b.id)}>
                    {busy === b.id ? '正在签到…' : '签到'}
                  </Action>
                )}
              </View>
            ))}
        </View>
      ))}
    </PageRoot>
  )
}
