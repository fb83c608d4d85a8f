import { inChina, toChinaIso } from '../../src/domain/chinaTime'
import { serviceHours, type Activity, type SignUp } from '../../src/domain/activity'

/**
 * True to the report: the monthly 党员责任区集中奉献日, tree planting with an
 * alliance unit, and a themed talk. Dated from `now` so the demo looks current;
 * the secrets are the demo's own (a real server makes a random one per activity).
 */
export function seedActivities(now: number): Activity[] {
  const day = (n: number) => inChina(now).add(n, 'day').format('YYYY-MM-DD')
  const deadline = (n: number) => toChinaIso(inChina(now).add(n, 'day').startOf('day').add(18, 'hour').valueOf())
  const publishedBy = { id: 'staff', name: '刘芳' }
  const publishedAt = toChinaIso(now)
  return [
    {
      // Held 9 days ago: two residents served (the figures and their records count it).
      id: 'h0',
      theme: '集中奉献日：清理小区北门杂物',
      kind: '党员责任区集中奉献日',
      unit: '东安社区党委',
      date: day(-9),
      start: '09:00',
      end: '11:30',
      place: '东安社区党群服务中心门前集合',
      capacity: 30,
      bring: '手套',
      audience: ['volunteers', 'party', 'residents'],
      deadline: deadline(-10),
      publishedBy,
      publishedAt: toChinaIso(now - 14 * 24 * 3600_000),
      secret: 'demo-h0',
    },
    {
      id: 'h1',
      theme: '党员责任区集中奉献日：清扫楼道、清理小广告',
      kind: '党员责任区集中奉献日',
      unit: '东安社区党委',
      date: day(2),
      start: '09:00',
      end: '11:30',
      place: '东安社区党群服务中心门前集合',
      capacity: 30,
      bring: '手套、抹布',
      audience: ['volunteers', 'party', 'residents'],
      deadline: deadline(1),
      publishedBy,
      publishedAt,
      secret: 'demo-h1',
    },
    {
      id: 'h2',
      theme: '植树护绿，共建美丽家园',
      kind: '植树护绿',
      unit: '碾子山区林业和草原局',
      date: day(6),
      start: '08:30',
      end: '11:00',
      place: '东安公园北门',
      capacity: 20,
      bring: '穿运动鞋，工具由林草局提供',
      audience: ['volunteers', 'party'],
      deadline: deadline(4),
      publishedBy,
      publishedAt,
      secret: 'demo-h2',
    },
    {
      id: 'h3',
      theme: '“防范电信诈骗”主题宣讲',
      kind: '主题宣讲',
      unit: '东安派出所',
      date: day(9),
      start: '14:00',
      end: '15:30',
      place: '东安社区党群服务中心二楼会议室',
      capacity: 40,
      bring: '',
      audience: ['residents', 'volunteers'],
      deadline: deadline(8),
      publishedBy,
      publishedAt,
      secret: 'demo-h3',
    },
  ]
}

/** The two residents (not demo accounts) who served at h0: checked in and out, their hours computed. */
export function seedSignUps(activities: Activity[]): SignUp[] {
  const held = activities.find((a) => a.id === 'h0')!
  const served = (id: string, accountId: string, from: string, to: string): SignUp => {
    const checkedInAt = `${held.date}T${from}:00+08:00`
    const checkedOutAt = `${held.date}T${to}:00+08:00`
    return {
      id,
      activityId: held.id,
      accountId,
      status: 'joined',
      createdAt: held.publishedAt,
      promotedAt: null,
      cancelledAt: null,
      checkedInAt,
      checkedOutAt,
      hours: serviceHours(held, checkedInAt, checkedOutAt),
      correction: null,
    }
  }
  return [served('su-seed-1', 'seed-wang', '08:50', '11:35'), served('su-seed-2', 'seed-zhou', '09:05', '11:10')]
}
