import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import { Action } from '../../../components/Action'
import { PageRoot } from '../../../components/PageRoot'
import { describeWhen, BOOKING_STATUS_LABEL } from '../../../domain/clinic'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import { Loading } from '../../../components/Loading'
import { useLoaded } from '../../../components/useLoaded'
import '../../clinic.scss'
import { describeActedBy } from '../../../domain/onBehalf'
import { CardHead } from '../../../components/CardHead'


/** My bookings, soonest first, with queue numbers; a promoted booking says so. */
export default function MyBookings() {
  const { value: bookings, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return api.listMyBookings()
  }, [])
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) reload()
    setShown(true)
  })
  const now = Date.now()
  return (
    <PageRoot>
      <Action className="btn--primary btn--block" onClick={() => open(ROUTES.clinics)}>
        预约专家义诊
      </Action>
      {!bookings && <Loading error={error} onRetry={reload} />}
      {bookings && bookings.length === 0 && <View className="muted center">还没有预约</View>}
      {bookings?.map((b) => (
        <View key={b.id} className="card booking-item">
          <CardHead>
            <Text className="card__title">{b.clinic.title}</Text>
            <Text className="badge">{BOOKING_STATUS_LABEL[b.status]}</Text>
          </CardHead>
          <Text className="ticket__when">{describeWhen(b.startsAt, now)}</Text>
          <Text>
            {b.patientName}（{b.forWhom}）{b.queueNumber !== null && b.status !== 'cancelled' ? ` · 第${b.queueNumber}号` : ''}
          </Text>
          {b.actedBy && <Text className="muted-line">{describeActedBy(b.actedBy)}</Text>}
          {b.promotedAt && b.status === 'booked' && <Text className="clinic__meta">候补成功，已为您补上名额</Text>}
          <Action className="btn--plain" label={`查看凭证：${b.clinic.title} ${b.patientName}`} onClick={() => open(ROUTES.clinicTicket(b.id))}>
            查看凭证
          </Action>
        </View>
      ))}
    </PageRoot>
  )
}
