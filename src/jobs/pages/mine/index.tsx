import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../api'
import { Action } from '../../../components/Action'
import { CallButton } from '../../../components/CallButton'
import { Loading } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { inChina } from '../../../domain/chinaTime'
import { APPLICATION_STATUS_LABEL } from '../../../domain/jobs'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import '../../jobs.scss'
import { describeActedBy } from '../../../domain/onBehalf'
import { CardHead } from '../../../components/CardHead'

export default function MyApplications() {
  const applied = Boolean(useRouter().params.applied)
  const { value: apps, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return api.listMyApplications()
  }, [])
  return (
    <PageRoot>
      {applied && (
        <View className="notice" role="status">
          报名已提交，用工单位会尽快与您联系
        </View>
      )}
      <Action className="btn--plain btn--block" onClick={() => open(ROUTES.jobs)}>
        浏览更多岗位
      </Action>
      {!apps && <Loading error={error} onRetry={reload} />}
      {apps && apps.length === 0 && <View className="muted center">还没有报名</View>}
      {apps?.map((a) => (
        <View key={a.id} className="card application-item">
          <CardHead>
            <Text className="card__title">{a.posting.title}</Text>
            <Text className={`badge application--${a.status}`}>{APPLICATION_STATUS_LABEL[a.status]}</Text>
          </CardHead>
          <Text className="job__meta">
            {a.posting.employer} · {inChina(a.createdAt).format('M月D日')}报名
          </Text>
          {a.actedBy && <Text className="muted-line">{describeActedBy(a.actedBy)}</Text>}
          <CallButton phone={a.posting.contactPhone} label="联系" who={a.posting.contactName} className="btn--small" />
        </View>
      ))}
    </PageRoot>
  )
}
