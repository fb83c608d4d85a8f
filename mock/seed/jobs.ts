import { inChina, toChinaIso } from '../../src/domain/chinaTime'
import type { Application, JobKind, Posting, SuitedTag } from '../../src/domain/jobs'

type Template = [title: string, employer: string, kind: JobKind, payMin: number, payMax: number, tags: SuitedTag[], requirements: string, place: string, hours: string]

/** True to the report: 向阳花女工坊, 汇善创业空间服务站, 集善乐业, 共富车间, e-commerce training; 2000–6000 yuan a month. */
const TEMPLATES: Template[] = [
  ['手工编织工（可居家）', '向阳花女工坊', '居家手工', 2000, 4000, ['女性', '长者'], '会钩针或棒针编织，领料回家完成，按件计酬', '东安社区向阳花女工坊', '时间自由'],
  ['串珠饰品加工', '向阳花女工坊', '居家手工', 2000, 3500, ['女性', '残障人士'], '手巧细心，视力良好，免费培训', '东安社区向阳花女工坊', '时间自由'],
  ['刺绣工艺品制作', '向阳花女工坊', '居家手工', 2500, 4500, ['女性'], '有刺绣基础优先，可带回家做', '东安社区向阳花女工坊', '时间自由'],
  ['网络客服（残疾人优先）', '集善乐业残疾人网络就业基地（碾子山）', '灵活就业', 2500, 4000, ['残障人士'], '会用电脑打字，普通话清楚，居家办公，提供设备', '线上（居家）', '每天6小时，可排班'],
  ['电商图片处理员', '集善乐业残疾人网络就业基地（碾子山）', '兼职', 2000, 3500, ['残障人士', '青年'], '会基本修图或愿意学，免费培训', '线上（居家）', '每天4小时'],
  ['食品包装工', '共富车间', '全职', 3000, 4500, ['不限'], '身体健康，能适应站立工作，有健康证', '光明社区共富车间', '8:00–17:00，月休4天'],
  ['服装缝纫工', '共富车间', '全职', 3500, 6000, ['女性', '不限'], '会操作平缝机，熟练工计件工资更高', '光明社区共富车间', '8:00–17:30'],
  ['车间质检员', '共富车间', '全职', 3500, 5000, ['青年'], '高中以上学历，细心负责', '光明社区共富车间', '8:00–17:00'],
  ['小时工（分拣打包）', '共富车间', '兼职', 2000, 3000, ['长者', '不限'], '身体健康，每周可来3天以上', '光明社区共富车间', '上午或下午半天'],
  ['直播带货助理', '汇善创业空间服务站', '灵活就业', 3000, 6000, ['青年'], '喜欢直播，普通话标准，提成另计', '汇善创业空间服务站', '下午及晚上'],
  ['社区团购团长', '汇善创业空间服务站', '灵活就业', 2000, 5000, ['不限'], '熟悉本小区邻里，有微信群优先，提供货源和培训', '本小区', '时间自由'],
  ['创业孵化工位（免费）', '汇善创业空间服务站', '灵活就业', 2000, 6000, ['青年', '女性'], '有创业项目或想法，提供免费工位和导师指导', '汇善创业空间服务站', '工作日'],
  ['电商运营培训班（免费）', '东安街道就业服务站', '技能培训', 2000, 6000, ['不限'], '16–55岁有就业意愿的居民，学习网店开设、商品拍摄和直播，结业推荐就业', '东安社区党群服务中心', '周一至周五 9:00–11:30，共4周'],
  ['养老护理员培训（免费）', '东安街道就业服务站', '技能培训', 3000, 5000, ['女性', '长者'], '身体健康，有爱心，结业可到幸福里康养管家就业', '幸福里康养管家', '为期2周'],
  ['家政保洁员', '东安街道就业服务站', '兼职', 2500, 4000, ['女性', '长者'], '勤快细心，按小时计费，可就近派单', '东安街道各小区', '时间灵活'],
  ['小区保安', '东安物业服务中心', '全职', 2500, 3200, ['长者', '不限'], '60岁以下，身体健康，能值夜班', '东安社区各小区', '两班倒'],
]

const DAY = 24 * 3600 * 1000

/** 32 postings dated from `now`: 26 open, 3 expired, 3 closed; and one application. */
export function seedJobs(now: number): { postings: Posting[]; applications: Application[] } {
  const date = (offset: number) => inChina(now).startOf('day').add(offset, 'day').format('YYYY-MM-DD')
  const postings: Posting[] = []
  for (let i = 0; i < 32; i++) {
    const [title, employer, kind, payMin, payMax, tags, requirements, place, hours] = TEMPLATES[i % TEMPLATES.length]
    const round = Math.floor(i / TEMPLATES.length)
    const expired = i === 29 || i === 30 || i === 31
    const closed = i === 26 || i === 27 || i === 28
    postings.push({
      id: `j${i + 1}`,
      title: round ? `${title}（第${round + 1}批）` : title,
      employer,
      kind,
      payMin,
      payMax,
      place,
      hours,
      requirements,
      tags: [...tags],
      contactName: employer.includes('共富') ? '吴秀梅' : employer.includes('向阳花') ? '王淑琴' : '李春燕',
      contactPhone: `1394520${String(1100 + (i % TEMPLATES.length)).padStart(4, '0')}`,
      publishedAt: toChinaIso(now - (i * 0.5 + 1) * DAY),
      expiresOn: expired ? date(-1 - (i % 3)) : date(20 + (i % 15)),
      status: closed ? 'closed' : 'open',
    })
  }
  const applications: Application[] = [
    {
      id: 'ap1',
      postingId: 'j6',
      applicantId: 'seed-zhou',
      name: '周建华',
      phone: '13504527799',
      note: '以前在食品厂干过',
      status: 'contacted',
      createdAt: toChinaIso(now - 2 * DAY),
      updatedAt: toChinaIso(now - DAY),
    },
  ]
  return { postings, applications }
}
