import { Text, View } from '@tarojs/components'
import { activityApi } from '../../../api/activity'
import { Action } from '../../../components/Action'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { describeHours } from '../../../domain/activity'
import { inChina } from '../../../domain/chinaTime'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import '../../activity.scss'

/** 志愿服务记录: activities and completed micro-wishes with their hours, per year and in all. */
export default function ServiceRecordPage() {
  const { value: record, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return activityApi.getServiceRecord()
  }, [])
  if (!record) return <LoadingPage error={error} onRetry={reload} />
  return (
    <PageRoot>
      <View className="card" role="region" ariaLabel="服务时长">
        <View className="figures">
          <View className="figures__item">
            <Text className="figures__value figures__value--big">{describeHours(record.totalHours)}</Text>
            <Text>累计服务</Text>
          </View>
          {record.yearly.map((y) => (
            <View key={y.year} className="figures__item">
              <Text className="figures__value">{describeHours(y.hours)}</Text>
              <Text>{y.year}年</Text>
            </View>
          ))}
        </View>
      </View>
      {record.entries.length > 0 && (
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.certificate)}>
          出具志愿服务证明
        </Action>
      )}
      {record.entries.length === 0 && <View className="muted center">还没有服务记录。参加志愿活动并签到签退，或完成微心愿后，这里会记下时长。</View>}
      {record.entries.map((e) => (
        <View key={`${e.kind}${e.id}`} className="card">
          <Text className="card__title">{e.title}</Text>
          <Text>
            {inChina(`${e.date}T12:00:00+08:00`).format('YYYY年M月D日')} · {describeHours(e.hours)}
          </Text>
          <Text className="activity__meta">{e.kind === 'activity' ? `组织单位：${e.organiser}` : '微心愿服务'}</Text>
        </View>
      ))}
    </PageRoot>
  )
}
