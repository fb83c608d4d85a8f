import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, toApiError } from '../../../api'
import { Action } from '../../../components/Action'
import { PageRoot } from '../../../components/PageRoot'
import { inChina } from '../../../domain/chinaTime'
import { LoadingPage } from '../../../components/Loading'
import { useLoaded } from '../../../components/useLoaded'
import '../../clinic.scss'
import { useWriteKey } from '../../../components/useWriteKey'

const STATUS = { booked: '未到', waiting: '候补', cancelled: '已取消', checked_in: '已签到' } as const

/** Staff: everyone booked, by slot; mark arrivals; attendance from the bookings themselves. */
export default function RosterPage() {
  const writeKey = useWriteKey()
  const id = useRouter().params.id ?? ''
  const { value: roster, error, reload } = useLoaded(() => api.getRoster(id), [id])
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  if (!roster) {
    return <LoadingPage error={error} onRetry={reload} />
  }

  async function arrive(bookingId: string) {
    setBusy(bookingId)
    setMessage(null)
    try {
      const done = await api.checkIn(bookingId, { idempotencyKey: writeKey.keyFor(`check-in:${bookingId}`) })
      writeKey.succeeded(`check-in:${bookingId}`)
      setMessage(`${done.patientName} 已签到`)
      reload()
    } catch (failure) {
      setMessage(toApiError(failure).message)
    } finally {
      setBusy(null)
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
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}
      {clinic.slots.map((slot) => (
        <View key={slot.id} className="card" role="region" ariaLabel={`${slot.start}–${slot.end}`}>
          <Text className="slot__time">
            {slot.start}–{slot.end}（{slot.capacity}个名额）
          </Text>
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
