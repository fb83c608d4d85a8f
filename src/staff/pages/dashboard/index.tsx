import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { type Figures } from '../../../api'
import { staffApi } from '../../../api/staff'
import { Action } from '../../../components/Action'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { inChina } from '../../../domain/chinaTime'
import { ensureSignedIn } from '../../../stores/session'
import '../../staff.scss'

type Period = 'thisMonth' | 'overall'

/** The figures a bar chart can compare, with how to read them. */
const METRICS: { key: keyof Figures; label: string; unit: string; percent?: boolean }[] = [
  { key: 'wishesFulfilled', label: '心愿完成', unit: '件' },
  { key: 'volunteerHours', label: '志愿服务', unit: '小时' },
  { key: 'clinicBookings', label: '义诊预约', unit: '人次' },
  { key: 'attendanceRate', label: '义诊到诊率', unit: '%', percent: true },
  { key: 'jobPlacements', label: '就业录用', unit: '人' },
  { key: 'mattersSolved', label: '解决居民事项', unit: '件' },
  { key: 'disputesMediated', label: '调解纠纷', unit: '起' },
  { key: 'activityHours', label: '志愿活动', unit: '小时' },
]

/** Nothing happened yet in the period (e.g. the month that started today). */
const isEmptyPeriod = (f: Figures) => Object.values(f).every((v) => !v)

const show = (value: number | null, percent?: boolean) => (value === null ? '–' : percent ? `${Math.round(value * 100)}` : `${Math.round(value * 10) / 10}`)

/** Staff: this month or overall, the whole sub-district and each community and grid, as plain bar charts. */
export default function Dashboard() {
  const { value: data, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return staffApi.getDashboard()
  }, [])
  const [chosen, setPeriod] = useState<Period | null>(null)
  const [metric, setMetric] = useState(METRICS[0])

  if (!data) {
    return <LoadingPage error={error} onRetry={reload} />
  }
  // On the 1st the month is still empty: open on the overall figures then, not a page of zeros.
  const period: Period = chosen ?? (isEmptyPeriod(data.overall.thisMonth) ? 'overall' : 'thisMonth')
  const f = data.overall[period]
  const rows: [string, string][] = [
    ['发布心愿', `${f.wishesPosted} 件`],
    ['完成心愿', `${f.wishesFulfilled} 件`],
    ['从发布到完成（中位数）', f.medianHoursToFulfil === null ? '–' : `${Math.round(f.medianHoursToFulfil)} 小时`],
    ['志愿服务', `${f.volunteerParticipations} 人次，${show(f.volunteerHours)} 小时`],
    ['义诊预约', `${f.clinicBookings} 人次，到诊 ${f.clinicArrivals}（${show(f.attendanceRate, true)}%）`],
    ['就业报名', `${f.jobApplications} 人，录用 ${f.jobPlacements} 人`],
    ['居民说事', `${f.mattersRaised} 件，解决 ${f.mattersSolved} 件`],
    ['消除安全隐患', `${f.hazardsRemoved} 处`],
    ['调解纠纷', `${f.disputesMediated} 起，调解成功 ${f.disputesSettled} 起`],
    ['志愿活动', `${f.activityParticipations} 人次，${show(f.activityHours)} 小时`],
  ]
  const bars = (items: { code: string; name: string; figures: (typeof data.grids)[number]['figures'] }[]) => {
    const values = items.map((i) => i.figures[period][metric.key] as number | null)
    const max = Math.max(1e-9, ...values.map((v) => v ?? 0))
    return (
      <View className="bars">
        {items.map((item, i) => (
          <View key={item.code} className="bar">
            <View className="bar__label">
              <Text>{item.name}</Text>
              <Text>
                {show(values[i], metric.percent)} {metric.unit}
              </Text>
            </View>
            <View className="bar__track" aria-hidden>
              <View className="bar__fill" style={{ width: `${((values[i] ?? 0) / max) * 100}%` }} />
            </View>
          </View>
        ))}
      </View>
    )
  }

  return (
    <PageRoot>
      <View className="choice" role="group" ariaLabel="统计时段">
        {(['thisMonth', 'overall'] as Period[]).map((p) => (
          <Action key={p} className={`choice__item ${period === p ? 'choice__item--on' : ''}`} pressed={period === p} onClick={() => setPeriod(p)}>
            {p === 'thisMonth' ? `本月（${inChina(data.generatedAt).format('M月')}）` : '累计'}
          </Action>
        ))}
      </View>
      <View className="card" role="region" ariaLabel="全街道">
        <Text className="card__title">全街道</Text>
        {rows.map(([label, value]) => (
          <View key={label} className="bar__label">
            <Text>{label}</Text>
            <Text className="stats__value-inline">{value}</Text>
          </View>
        ))}
      </View>
      <View className="choice" role="group" ariaLabel="比较的指标">
        {METRICS.map((m) => (
          <Action key={m.key} className={`choice__item ${metric.key === m.key ? 'choice__item--on' : ''}`} pressed={metric.key === m.key} onClick={() => setMetric(m)}>
            {m.label}
          </Action>
        ))}
      </View>
      <View className="card" role="region" ariaLabel="各社区">
        <Text className="card__title">各社区 · {metric.label}</Text>
        {bars(data.communities)}
      </View>
      <View className="card" role="region" ariaLabel="各网格">
        <Text className="card__title">各网格 · {metric.label}</Text>
        {bars(data.grids)}
      </View>
      <View className="card" role="region" ariaLabel="各共建单位的志愿活动">
        <Text className="card__title">各共建单位 · 志愿活动</Text>
        {data.units.length === 0 && <Text className="muted">还没有志愿活动</Text>}
        {data.units.map((u) => (
          <View key={u.unit} className="bar__label">
            <Text>{u.unit}</Text>
            <Text className="stats__value-inline">
              {u[period].activities} 场，{u[period].participations} 人次，{show(u[period].hours)} 小时
            </Text>
          </View>
        ))}
      </View>
      <View className="card" role="region" ariaLabel="最近的志愿活动">
        <Text className="card__title">最近的志愿活动</Text>
        {data.activities.length === 0 && <Text className="muted">还没有开始的志愿活动</Text>}
        {data.activities.map((a) => (
          <View key={a.id} className="bar__label">
            <Text>
              {inChina(a.at).format('M月D日')} {a.theme}
            </Text>
            <Text className="stats__value-inline">
              {a.participations} 人次，{show(a.hours)} 小时
            </Text>
          </View>
        ))}
      </View>
      <Text className="muted">数据由系统按每条记录实时计算，更新于 {inChina(data.generatedAt).format('M月D日 HH:mm')}</Text>
    </PageRoot>
  )
}
