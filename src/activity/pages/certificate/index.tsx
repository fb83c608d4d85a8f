import { Text, View } from '@tarojs/components'
import { activityApi } from '../../../api/activity'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { describeHours } from '../../../domain/activity'
import { inChina } from '../../../domain/chinaTime'
import { ROUTES } from '../../../platform/navigation'
import { ensureSignedIn } from '../../../stores/session'
import '../../activity.scss'

const day = (date: string) => inChina(`${date}T12:00:00+08:00`).format('YYYY年M月D日')

/** 出具证明: issued once per visit (a retry keeps its key), shown in large type to show or photograph. */
export default function CertificatePage() {
  const writeKey = useWriteKey()
  const { value: c, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    const issued = await activityApi.issueCertificate({ idempotencyKey: writeKey.keyFor('certificate') })
    writeKey.succeeded('certificate')
    return issued
  }, [])
  if (!c) return <LoadingPage error={error} onRetry={reload} />
  return (
    <PageRoot className="certificate">
      <View className="card certificate__body">
        <View className="certificate__title" role="heading" aria-level={1}>
          志愿服务证明
        </View>
        <Text className="certificate__text">
          兹证明 {c.holder} 同志参加志愿服务{c.record.entries.length}次，累计服务{describeHours(c.record.totalHours)}。
        </Text>
        {c.record.yearly.map((y) => (
          <Text key={y.year} className="certificate__text">
            {y.year}年：{describeHours(y.hours)}
          </Text>
        ))}
        <View className="certificate__list" role="list" ariaLabel="服务明细">
          {c.record.entries.map((e) => (
            <View key={`${e.kind}${e.id}`} role="listitem" className="roster-row">
              <Text>
                {day(e.date)} {e.title}
              </Text>
              <Text className="activity__meta">
                {e.kind === 'activity' ? e.organiser : '微心愿'} · {describeHours(e.hours)}
              </Text>
            </View>
          ))}
        </View>
        <Text className="certificate__text">出具单位：{c.issuer}</Text>
        <Text className="certificate__text">出具日期：{inChina(c.issuedAt).format('YYYY年M月D日')}</Text>
        <View className="certificate__code">
          <Text>验证码</Text>
          <View className="live-code">{c.code}</View>
          <Text className="activity__meta">在“东安社区服务”打开 {ROUTES.verifyCertificate()} 输入验证码，可查验本证明的时长（不显示电话、住址）。</Text>
        </View>
      </View>
    </PageRoot>
  )
}
