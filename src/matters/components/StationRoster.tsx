import { Text, View } from '@tarojs/components'
import type { StationMember } from '../../api'
import { onDutyNow, onDutyToday } from '../../domain/station'

/** Who is at the judges' station now and who is on today's rota, by the card's duty rule. */
export function StationRoster({ members, moment }: { members: StationMember[]; moment: number }) {
  const now = onDutyNow(members, moment)
  const today = onDutyToday(members, moment)
  return (
    <View className="card matter-item" role="region" ariaLabel="今日值班">
      <Text className="card__title">今日值班</Text>
      {now.length > 0 ? (
        <Text>现在在岗：{now.map((d) => `${d.member.role} ${d.member.name}`).join('、')}</Text>
      ) : (
        <Text className="muted-line">现在没有人在岗，可以先预约时段</Text>
      )}
      {today.length === 0 && <Text className="muted-line">今天没有排班</Text>}
      {today.map((d) => (
        <Text key={d.member.id} className="matter-item__meta">
          {d.member.role} {d.member.name}（{d.member.title}） {d.hours}
        </Text>
      ))}
      <Text className="matter-item__meta">
        本站轮值法官{members.filter((m) => m.role === '法官').length}位、金牌调解员{members.filter((m) => m.role === '金牌调解员').length}位
      </Text>
    </View>
  )
}
