import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { type ClinicView } from '../../../api'
import { clinicApi } from '../../../api/clinic'
import { Action } from '../../../components/Action'
import { PageRoot } from '../../../components/PageRoot'
import { dayLabel } from '../../../domain/clinic'
import { ROUTES, open } from '../../../platform/navigation'
import { useSession } from '../../../stores/session'
import { Loading } from '../../../components/Loading'
import { useLoaded } from '../../../components/useLoaded'
import '../../clinic.scss'
import { CardHead } from '../../../components/CardHead'
import { Runs } from '../../../components/Runs'
import { NavRow } from '../../../components/NavRow'

/** Upcoming clinics by day (今天, 明天, 周六 11月29日), with a specialty filter. */
export default function ClinicList() {
  const role = useSession((s) => s.user?.role ?? null)
  const [specialty, setSpecialty] = useState<string | null>(null)
  const [specialties, setSpecialties] = useState<string[]>([])
  const { value: clinics, error, reload } = useLoaded(async () => {
    const list = await clinicApi.listClinics(specialty ?? undefined)
    if (!specialty) setSpecialties(Array.from(new Set(list.map((s) => s.specialty))))
    return list
  }, [specialty])
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) reload()
    setShown(true)
  })

  const now = Date.now()
  const days: { label: string; clinics: ClinicView[] }[] = []
  for (const clinic of clinics ?? []) {
    const label = dayLabel(clinic.startsAt, now)
    const day = days[days.length - 1]
    if (day?.label === label) day.clinics.push(clinic)
    else days.push({ label, clinics: [clinic] })
  }

  return (
    <PageRoot>
      {role === 'staff' ? (
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.clinicManage())}>
          新建义诊
        </Action>
      ) : (
        <NavRow text="我的预约" hint="凭证和签到码" onClick={() => open(ROUTES.myBookings)} />
      )}
      <View className="choice filter" role="group" ariaLabel="按科室筛选">
        {[null, ...specialties].map((s) => (
          <Action key={s ?? 'all'} className={`choice__item ${specialty === s ? 'choice__item--on' : ''}`} pressed={specialty === s} onClick={() => setSpecialty(s)}>
            {s ?? '全部科室'}
          </Action>
        ))}
      </View>
      {!clinics && <Loading error={error} onRetry={reload} />}
      {clinics && clinics.length === 0 && <View className="muted center">近期没有安排义诊</View>}
      {days.map((day) => (
        <View key={day.label} role="region" ariaLabel={day.label}>
          <View className="day" role="heading" aria-level={2}>
            {day.label}
          </View>
          {day.clinics.map((s) => {
            const left = s.slots.reduce((sum, slot) => sum + slot.placesLeft, 0)
            return (
              <View key={s.id} className="card clinic-item">
                <CardHead>
                  <Text className="card__title">{s.title}</Text>
                  <Text className="badge">{s.specialty}</Text>
                </CardHead>
                <Runs className="clinic__meta" text={`${s.slots[0].start}–${s.slots[s.slots.length - 1].end} · ${s.place}`} />
                <Text className="clinic__meta">
                  {s.doctors} · {s.hospital}
                </Text>
                <Text className="clinic__meta">{!s.bookingOpen ? '预约已截止' : left > 0 ? `可预约，剩余${left}个名额` : '已约满，可候补'}</Text>
                <View className="row">
                  <Action className="btn--primary" label={`${role === 'staff' ? '查看详情' : '查看时段并预约'}：${s.title}`} onClick={() => open(ROUTES.clinicDetail(s.id))}>
                    {role === 'staff' ? '查看详情' : '查看时段并预约'}
                  </Action>
                  {role === 'staff' && (
                    <>
                      <Action className="btn--plain" label={`名单与签到：${s.title}`} onClick={() => open(ROUTES.clinicRoster(s.id))}>
                        名单与签到
                      </Action>
                      <Action className="btn--plain" label={`编辑：${s.title}`} onClick={() => open(ROUTES.clinicManage(s.id))}>
                        编辑
                      </Action>
                    </>
                  )}
                </View>
              </View>
            )
          })}
        </View>
      ))}
    </PageRoot>
  )
}
