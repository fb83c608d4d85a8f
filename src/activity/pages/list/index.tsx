import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { activityApi } from '../../../api/activity'
import { Action } from '../../../components/Action'
import { Loading } from '../../../components/Loading'
import { NavRow } from '../../../components/NavRow'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { ROUTES, open } from '../../../platform/navigation'
import { useSession } from '../../../stores/session'
import { ActivityCard } from '../../components/ActivityCard'
import '../../activity.scss'

/** Upcoming activities, soonest first; staff publish and run them from here. */
export default function ActivityList() {
  const role = useSession((s) => s.user?.role ?? null)
  const staff = role === 'staff'
  const { value: activities, error, reload } = useLoaded(() => activityApi.listActivities(), [])
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) reload()
    setShown(true)
  })
  return (
    <PageRoot>
      {staff ? (
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.activityPublish)}>
          发布志愿活动
        </Action>
      ) : (
        <>
          <NavRow text="我的活动" hint="报名、签到、签退" onClick={() => open(ROUTES.mySignUps)} />
          <NavRow text="志愿服务记录" hint="每年和累计的服务时长" onClick={() => open(ROUTES.serviceRecord)} />
        </>
      )}
      {!activities && <Loading error={error} onRetry={reload} />}
      {activities && activities.length === 0 && <View className="muted center">近期没有活动，请过几天再来看看</View>}
      {activities?.map((a) => (
        <ActivityCard key={a.id} activity={a}>
          <View className="row">
            <Action className="btn--primary" label={`查看详情：${a.theme}`} onClick={() => open(ROUTES.activity(a.id))}>
              查看详情
            </Action>
            {staff && (
              <Action className="btn--plain" label={`现场签到：${a.theme}`} onClick={() => open(ROUTES.activityOrganiser(a.id))}>
                现场签到
              </Action>
            )}
          </View>
        </ActivityCard>
      ))}
    </PageRoot>
  )
}
