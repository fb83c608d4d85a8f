import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { type Meeting } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Loading } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import { MeetingHead, whenOf } from '../../components/MeetingParts'
import '../../matters.scss'

/** 网格议事会: residents read their grid's published decisions; staff schedule and run the meetings. */
export default function Meetings() {
  const { value, error, reload } = useLoaded(async () => {
    const user = await ensureSignedIn()
    return { staff: user.role === 'staff', meetings: await mattersApi.listMeetings() }
  }, [])
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) reload()
    setShown(true)
  })
  const meetings: Meeting[] = value?.meetings ?? []
  return (
    <PageRoot>
      <View className="card">
        <Text className="card__title">网格议事会</Text>
        <Text className="muted-line">网格书记、网格员、楼栋长、单元长和居民代表一起商量网格里的事，决议在这里公布。</Text>
      </View>
      {value?.staff && (
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.meetingNew)}>
          安排议事会
        </Action>
      )}
      {!value && <Loading error={error} onRetry={reload} />}
      {value && meetings.length === 0 && <View className="muted center">本网格还没有公布的议事会决议</View>}
      {meetings.map((m) => {
        const action = m.status === 'published' ? '查看决议' : '议程和决议'
        return (
        <View key={m.id} className="card matter-item">
          <MeetingHead meeting={m} />
          <Text className="matter-item__meta">议题{m.agenda.length}件{m.minutes ? ` · ${m.minutes}` : ''}</Text>
          <View className="row">
            <Action className="btn--plain" label={`${action}：${whenOf(m)}网格议事会`} onClick={() => open(ROUTES.meeting(m.id))}>
              {action}
            </Action>
          </View>
        </View>
        )
      })}
    </PageRoot>
  )
}
