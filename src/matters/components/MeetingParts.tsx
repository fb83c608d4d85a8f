import { Text, View } from '@tarojs/components'
import type { Meeting } from '../../api'
import { CardHead } from '../../components/CardHead'

/** "12月8日 19:00" from a meeting's China date and time. */
export function whenOf(m: Pick<Meeting, 'date' | 'start'>): string {
  const [, month, day] = m.date.split('-').map(Number)
  return `${month}月${day}日 ${m.start}`
}

/** A meeting's date, time and place, and whether its decisions are published. */
export function MeetingHead({ meeting, level }: { meeting: Meeting; level?: number }) {
  return (
    <View className="matter-item">
      <CardHead>
        <View className="card__title" role={level ? 'heading' : undefined} aria-level={level}>
          {whenOf(meeting)} 网格议事会
        </View>
        <Text className={`badge ${meeting.status === 'published' ? 'matter--confirmed' : 'matter--submitted'}`}>{meeting.status === 'published' ? '决议已公布' : '筹备中'}</Text>
      </CardHead>
      <Text className="matter-item__meta">地点：{meeting.place}</Text>
    </View>
  )
}
