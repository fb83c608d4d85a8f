import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { clinicApi } from '../../../api/clinic'
import { Action } from '../../../components/Action'
import { PageRoot } from '../../../components/PageRoot'
import { Directions } from '../../../components/Directions'
import { describeWhen } from '../../../domain/clinic'
import { clinicShare } from '../../../domain/share'
import { useShare } from '../../../platform/share'
import { ROUTES, open } from '../../../platform/navigation'
import { useSession } from '../../../stores/session'
import { LoadingPage } from '../../../components/Loading'
import { useLoaded } from '../../../components/useLoaded'
import '../../clinic.scss'

/** A clinic with its slots: places left, 预约 or 候补 when full, closed after the cutoff. */
export default function ClinicDetailPage() {
  const id = useRouter().params.id ?? ''
  const role = useSession((s) => s.user?.role ?? null)
  const { value: clinic, error, reload } = useLoaded(() => clinicApi.getClinic(id), [id])
  const [shown, setShown] = useState(false)
  useShare('/clinic/pages/detail/index', () => (clinic ? clinicShare(clinic) : null))
  useDidShow(() => {
    if (shown) reload()
    setShown(true)
  })
  if (!clinic) {
    return <LoadingPage error={error} onRetry={reload} />
  }
  const now = Date.now()
  // Staff book only for residents (代办).
  const action = (full: boolean) => (role === 'staff' ? '代居民预约' : full ? '候补' : '预约')
  return (
    <PageRoot>
      <View className="card">
        <View className="card__title" role="heading" aria-level={1}>
          {clinic.title}
        </View>
        <Text>科室：{clinic.specialty}</Text>
        <Text>医生：{clinic.doctors}</Text>
        <Text>医院：{clinic.hospital}</Text>
        <View className="row">
          <Text>地点：{clinic.place}</Text>
          <Directions point={clinic.location} name={clinic.place} address={clinic.hospital} />
        </View>
        <Text>时间：{describeWhen(clinic.startsAt, now)} 开始</Text>
        {clinic.notes && <Text>注意：{clinic.notes}</Text>}
        <Text className="clinic__meta">预约截止：{describeWhen(clinic.cutoffAt, now)}（开诊前{clinic.cutoffMinutes / 60}小时）</Text>
      </View>
      <View className="card" role="region" ariaLabel="时段">
        <Text className="card__title">选择时段</Text>
        {clinic.slots.map((slot) => {
          const full = slot.placesLeft === 0
          return (
            <View key={slot.id} className="slot">
              <View>
                <Text className="slot__time">
                  {slot.start}–{slot.end}
                </Text>
                <View className="slot__left">{full ? `已约满${slot.waiting ? `，${slot.waiting}人候补` : ''}` : `剩余${slot.placesLeft}个名额`}</View>
              </View>
              {clinic.bookingOpen ? (
                <Action
                  className={full ? 'btn--plain' : 'btn--primary'}
                  label={`${action(full)} ${slot.start}–${slot.end}`}
                  onClick={() => open(ROUTES.clinicBook(clinic.id, slot.id))}
                >
                  {action(full)}
                </Action>
              ) : (
                <Text className="badge">已截止</Text>
              )}
            </View>
          )
        })}
      </View>
    </PageRoot>
  )
}
