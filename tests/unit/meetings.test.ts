import { applyMatterAction, raiseMatter, type MatterActor } from '../../src/domain/matters'
import {
  addToAgenda,
  matterMeetingOf,
  meetingFor,
  meetingOrder,
  meetingStartsAt,
  publishMeeting,
  recordDecision,
  scheduleMeeting,
  validateMeetingDraft,
  type Meeting,
  type MeetingDraft,
} from '../../src/domain/meetings'
import { matterMessages, meetingMessages } from '../../src/domain/messages'
import { refusal } from '../support/refusal'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const NOW = at('2026-11-25T10:00:00')

const staff: MatterActor = { id: 's1', name: '刘芳', role: 'staff', gridCode: null }
const worker: MatterActor = { id: 'v1', name: '赵志强', role: 'volunteer', gridCode: 'DA0103' }
const resident: MatterActor = { id: 'r1', name: '李明', role: 'resident', gridCode: 'DA0103' }
const neighbour: MatterActor = { id: 'r2', name: '张桂兰', role: 'elder', gridCode: 'DA0103' }
const elsewhere: MatterActor = { id: 'r3', name: '周建华', role: 'resident', gridCode: 'DA0101' }

const DRAFT: MeetingDraft = {
  gridCode: 'DA0103',
  date: '2026-11-27',
  start: '19:00',
  place: '党群服务站二楼',
  attendees: [
    { role: '网格书记', name: '陈建国' },
    { role: '楼栋长', name: '马玉珍' },
  ],
}

const bench = raiseMatter({ kind: '设施损坏', text: '3栋门口的长椅坏了', building: '3栋', unit: '', public: true }, resident, 'mt1', NOW)
const dispute = raiseMatter({ kind: '邻里纠纷', text: '楼上装修太吵了每天早上', building: '3栋', unit: '', public: false }, resident, 'mt2', NOW)
const otherGrid = raiseMatter({ kind: '设施损坏', text: '1栋门口的长椅坏了', building: '1栋', unit: '', public: true }, elsewhere, 'mt3', NOW)

const scheduled = (): Meeting => scheduleMeeting(DRAFT, staff, 'mg1', NOW)

describe('scheduling a 网格议事会', () => {
  it('keeps the China date and time, the place and who attends by role', () => {
    const m = scheduled()
    expect(m).toMatchObject({ id: 'mg1', gridCode: 'DA0103', status: 'scheduled', agenda: [], minutes: null, createdBy: { id: 's1', name: '刘芳' } })
    expect(m.attendees).toEqual(DRAFT.attendees)
    expect(new Date(meetingStartsAt(m)).toISOString()).toBe('2026-11-27T11:00:00.000Z')
  })

  it('names every bad field', () => {
    expect(validateMeetingDraft({ gridCode: '', date: '27/11', start: '7pm', place: '', attendees: [] }, NOW)).toEqual({
      gridCode: '请选择网格',
      date: '请填写日期，如2026-12-08',
      start: '请填写开始时间，如19:00',
      place: '请填写地点',
      attendees: '请至少添加一位参会人员',
    })
    expect(validateMeetingDraft({ ...DRAFT, attendees: [{ role: '主任', name: '王' }] }, NOW).attendees).toBe('请为每位参会人员选择身份')
    expect(validateMeetingDraft({ ...DRAFT, attendees: [{ role: '网格员', name: ' ' }] }, NOW).attendees).toBe('参会人员请填写姓名')
  })

  it('refuses a time already past, at the exact minute', () => {
    expect(validateMeetingDraft({ ...DRAFT, date: '2026-11-25', start: '10:00' }, NOW).start).toBe('会议时间已经过去了')
    expect(validateMeetingDraft({ ...DRAFT, date: '2026-11-25', start: '10:01' }, NOW).start).toBeUndefined()
  })

  it('is for staff only', () => {
    for (const actor of [worker, resident]) expect(refusal(() => scheduleMeeting(DRAFT, actor, 'mg1', NOW)).code).toBe('FORBIDDEN')
  })
})

describe('agenda, decisions and minutes', () => {
  it('takes matters of its own grid once each', () => {
    const m = addToAgenda(scheduled(), bench, staff)
    expect(m.agenda).toEqual([{ matterId: 'mt1', kind: '设施损坏', text: '3栋门口的长椅坏了', public: true, ownerId: 'r1', decision: null }])
    expect(refusal(() => addToAgenda(m, bench, staff)).code).toBe('CONFLICT')
    expect(refusal(() => addToAgenda(m, otherGrid, staff)).fields).toEqual({ matterId: '这个事项不属于本网格' })
    expect(refusal(() => addToAgenda(m, dispute, worker)).code).toBe('FORBIDDEN')
  })

  it('publishes only when every item has its decision, and is read-only after', () => {
    const m = addToAgenda(addToAgenda(scheduled(), bench, staff), dispute, staff)
    expect(refusal(() => publishMeeting(scheduled(), { minutes: '散会' }, staff, NOW)).fields).toEqual({ agenda: '议程上还没有事项' })
    const one = recordDecision(m, 'mt1', { decision: '物业本周内更换长椅' }, staff)
    expect(refusal(() => publishMeeting(one, { minutes: '形成决议' }, staff, NOW)).fields).toEqual({ agenda: '还有1件事项没有记录决议' })
    expect(refusal(() => recordDecision(one, 'mt2', { decision: '' }, staff)).fields).toEqual({ decision: '请填写决议' })
    expect(refusal(() => recordDecision(one, 'mt9', { decision: '好' }, staff)).code).toBe('NOT_FOUND')
    const both = recordDecision(one, 'mt2', { decision: '转法官工作站调解' }, staff)
    expect(refusal(() => publishMeeting(both, { minutes: '形成决议' }, worker, NOW)).code).toBe('FORBIDDEN')
    const published = publishMeeting(both, { minutes: ' 两件事项均形成决议 ' }, staff, NOW)
    expect(published).toMatchObject({ status: 'published', minutes: '两件事项均形成决议', publishedAt: '2026-11-25T10:00:00+08:00' })
    expect(refusal(() => recordDecision(published, 'mt1', { decision: '改了' }, staff)).message).toBe('决议已公布，不能再修改')
    expect(refusal(() => addToAgenda(published, bench, staff)).code).toBe('CONFLICT')
    expect(refusal(() => publishMeeting(published, { minutes: '再发' }, staff, NOW)).code).toBe('CONFLICT')
  })
})

describe('who sees a meeting', () => {
  const open = recordDecision(recordDecision(addToAgenda(addToAgenda(scheduled(), bench, staff), dispute, staff), 'mt1', { decision: '换长椅' }, staff), 'mt2', { decision: '调解' }, staff)
  const published = publishMeeting(open, { minutes: '决议如上' }, staff, NOW)

  it('shows residents of the grid only published minutes; other grids nothing', () => {
    expect(meetingFor(open, neighbour)).toBeNull()
    expect(meetingFor(open, worker)).toEqual(open)
    expect(meetingFor(open, staff)).toEqual(open)
    expect(meetingFor(published, elsewhere)).toBeNull()
    expect(meetingFor(published, { ...worker, gridCode: 'DA0101' })).toBeNull()
  })

  it('keeps a private matter’s words from neighbours but not from its owner', () => {
    const seen = meetingFor(published, neighbour)!
    expect(seen.agenda.map((i) => [i.text, i.ownerId, i.decision])).toEqual([
      ['3栋门口的长椅坏了', '', '换长椅'],
      ['', '', '调解'],
    ])
    expect(meetingFor(published, resident)!.agenda.map((i) => i.text)).toEqual(['3栋门口的长椅坏了', '楼上装修太吵了每天早上'])
  })

  it('gives each matter its meeting and decision, and tells each owner once', () => {
    expect(matterMeetingOf(published, 'mt1')).toEqual({ id: 'mg1', date: '2026-11-27', start: '19:00', place: '党群服务站二楼', status: 'published', decision: '换长椅' })
    expect(matterMeetingOf(published, 'mt3')).toBeNull()
    const told = meetingMessages(published, 's1', '2026-11-25T10:00:00+08:00')
    expect(told.map((m) => [m.accountId, m.link.id, m.eventKey])).toEqual([
      ['r1', 'mt1', 'meeting:mg1:published:mt1'],
      ['r1', 'mt2', 'meeting:mg1:published:mt2'],
    ])
    expect(told[0].body).toBe('“3栋门口的长椅坏了”在11月27日的网格议事会上议定：换长椅')
  })

  it('lists the newest meeting first', () => {
    const later = { ...open, id: 'mg2', date: '2026-12-01' }
    expect([open, later].sort(meetingOrder).map((m) => m.id)).toEqual(['mg2', 'mg1'])
  })
})

describe('messages about a matter', () => {
  const accepted = applyMatterAction(bench, 'accept', worker, {}, NOW)
  it('names the grid worker on acceptance, quotes the reply, and is not sent to whoever caused it', () => {
    const [told] = matterMessages(accepted, 'accept', 'v1', 'at')
    expect([told.accountId, told.title, told.body, told.link, told.eventKey]).toEqual(['r1', '您说的事已受理', '“3栋门口的长椅坏了”已由网格员赵志强受理，会尽快办理。', { kind: 'matter', id: 'mt1' }, 'matter:mt1:accept:2'])
    const answered = applyMatterAction(accepted, 'answer', worker, { text: '已换新' }, NOW)
    expect(matterMessages(answered, 'answer', 'v1', 'at')[0].body).toBe('“3栋门口的长椅坏了”：已换新。解决了请点“确认已解决”。')
    expect(matterMessages(answered, 'answer', 'r1', 'at')).toEqual([])
  })

  it('tells the raisers of merged duplicates without quoting the kept matter', () => {
    const followed = { ...accepted, followers: ['r2'] }
    const told = matterMessages(followed, 'accept', 'v1', 'at')
    expect(told.map((m) => [m.accountId, m.body])).toEqual([
      ['r1', '“3栋门口的长椅坏了”已由网格员赵志强受理，会尽快办理。'],
      ['r2', '您反映的事已合并办理，由网格员赵志强受理。'],
    ])
  })
})
