import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ActivityView } from '../../api'
import { CardHead } from '../../components/CardHead'
import { audienceText, describeActivityTime } from '../../domain/activity'

/** An activity in a list or at the top of its page: what, when, where, who, and places. */
export function ActivityCard({ activity, heading = false, children }: { activity: ActivityView; heading?: boolean; children?: ReactNode }) {
  const places = activity.placesLeft > 0 ? `剩余${activity.placesLeft}个名额` : `已报满${activity.waiting ? `，${activity.waiting}人候补` : ''}`
  return (
    <View className="card">
      <CardHead>
        {heading ? (
          <View className="card__title" role="heading" aria-level={1}>
            {activity.theme}
          </View>
        ) : (
          <Text className="card__title">{activity.theme}</Text>
        )}
        <Text className="badge">{activity.kind}</Text>
      </CardHead>
      <Text>时间：{describeActivityTime(activity)}</Text>
      <Text>地点：{activity.place}</Text>
      <Text className="activity__meta">组织单位：{activity.unit}</Text>
      <Text className="activity__meta">面向：{audienceText(activity.audience)}</Text>
      {activity.bring && <Text className="activity__meta">需携带：{activity.bring}</Text>}
      <Text className="activity__meta">{activity.signUpOpen ? places : '报名已截止'}</Text>
      {children}
    </View>
  )
}
