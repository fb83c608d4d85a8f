import { Text, View } from '@tarojs/components'
import { activityApi } from '../../../api/activity'
import { Action } from '../../../components/Action'
import { CardHead } from '../../../components/CardHead'
import { Loading } from '../../../components/Loading'
import { NavRow } from '../../../components/NavRow'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { SIGN_UP_STATUS_LABEL, describeActivityTime, describeHours } from '../../../domain/activity'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import '../../activity.scss'

/** The caller's sign-ups, soonest first, with check-in state and hours. */
export default function MySignUps() {
  const { value: signUps, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return activityApi.listMySignUps()
  }, [])
  return (
    <PageRoot>
      <NavRow text="志愿服务记录" hint="每年和累计的服务时长" onClick={() => open(ROUTES.serviceRecord)} />
      {!signUps && <Loading error={error} onRetry={reload} />}
      {signUps && signUps.length === 0 && <View className="muted center">还没有报名活动</View>}
      {signUps?.map((s) => (
        <View key={s.id} className="card">
          <CardHead>
            <Text className="card__title">{s.activity.theme}</Text>
            <Text className="badge">{s.checkedOutAt ? '已签退' : s.checkedInAt ? '已签到' : SIGN_UP_STATUS_LABEL[s.status]}</Text>
          </CardHead>
          <Text>{describeActivityTime(s.activity)}</Text>
          <Text className="activity__meta">{s.activity.place}</Text>
          {(s.checkedOutAt || s.correction) && <Text>服务时长：{describeHours(s.creditedHours)}</Text>}
          {s.status !== 'cancelled' && (
            <Action className="btn--plain" label={`查看：${s.activity.theme}`} onClick={() => open(ROUTES.activity(s.activityId))}>
              {s.checkedInAt && !s.checkedOutAt ? '去签退' : '查看'}
            </Action>
          )}
        </View>
      ))}
    </PageRoot>
  )
}
