import type { MyData } from '../api'
import { BOOKING_STATUS_LABEL } from '../domain/clinic'
import { APPLICATION_STATUS_LABEL } from '../domain/jobs'
import { MATTER_STATUS_LABEL } from '../domain/matters'
import { ROLE_LABEL, describeRoleChange } from '../domain/roles'
import { WISH_STATUS_LABEL } from '../domain/wish'

const day = (iso: string) => iso.slice(0, 10)

/** Everything held about an account as a plain text a person can read and keep. */
export function myDataText(data: MyData): string {
  const { account } = data
  const lines = [
    '东安社区服务 · 我的个人信息',
    `导出时间：${data.exportedAt.replace('T', ' ').slice(0, 16)}`,
    '',
    '【账号】',
    `姓名：${account.name}`,
    `手机号：${account.phone || '未绑定'}`,
    `身份：${ROLE_LABEL[account.role]}`,
    `所属网格：${data.gridName ?? account.gridCode ?? '未选择'}`,
    '',
    `【微心愿】共${data.wishes.length}条`,
    ...data.wishes.map((w) => `${day(w.createdAt)} ${w.title}（${WISH_STATUS_LABEL[w.effectiveStatus]}）地址：${w.address.building} ${w.address.unit} ${w.address.room} 电话：${w.phone}`),
    '',
    `【义诊预约】共${data.bookings.length}条`,
    ...data.bookings.map((b) => `${b.clinic.date} ${b.clinic.title} 就诊人：${b.patientName}（${b.age}岁）${b.symptoms ? ` 症状：${b.symptoms}` : ''}（${BOOKING_STATUS_LABEL[b.status]}）`),
    '',
    `【岗位报名】共${data.applications.length}条`,
    ...data.applications.map((a) => `${day(a.createdAt)} ${a.posting.title}（${APPLICATION_STATUS_LABEL[a.status]}）姓名：${a.name} 电话：${a.phone}`),
    '',
    `【说的事】共${data.matters.length}条`,
    ...data.matters.map((m) => `${day(m.raisedAt)} ${m.kind}：${m.text}（${MATTER_STATUS_LABEL[m.status]}）地点：${m.building} ${m.unit}`),
    '',
    `【调解预约】共${data.mediations.length}条`,
    ...data.mediations.map((b) => `${b.slot.date} ${b.slot.start} ${b.slot.place} 姓名：${b.name} 电话：${b.phone} 纠纷情况：${b.description}${b.outcome ? `（${b.outcome}）` : ''}`),
    '',
    `【消息】共${data.messages.length}条`,
    ...data.messages.map((m) => `${day(m.createdAt)} ${m.title}：${m.body}`),
    '',
    `【身份变更记录】共${data.roleChanges.length}条`,
    ...data.roleChanges.map((c) => describeRoleChange(c)),
  ]
  return lines.join('\n')
}
