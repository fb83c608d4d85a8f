import type { Api } from '../../src/api/contract'
import type { MatterDraft, MeetingDraft } from '../../src/api/types'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

// Wednesday 25 November 2026, 10:00 China time.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock

const BENCH: MatterDraft = { kind: '设施损坏', text: '3栋门口的长椅坏了，老人没处坐', building: '友谊路9号3栋', unit: '2单元', public: true }
const DISPUTE: MatterDraft = { kind: '邻里纠纷', text: '楼上装修每天早上七点就开始砸墙', building: '友谊路9号3栋', unit: '', public: false }
const DRAFT: MeetingDraft = {
  gridCode: 'DA0103',
  date: '2026-11-27',
  start: '19:00',
  place: '友谊路9号党群服务站二楼',
  attendees: [
    { role: '网格书记', name: '陈建国' },
    { role: '网格员', name: '赵志强' },
    { role: '居民代表', name: '何淑芬' },
  ],
}

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'ok'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe.each(TARGETS)('meetings contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  async function outsider(): Promise<Api> {
    const session = await t.clientWith(null).loginWithPhone('phone:13912345670', 'DA0101')
    return t.clientWith(session.token)
  }

  it('schedules, takes an agenda, records decisions and publishes the minutes the grid then reads', async () => {
    const staff = await clientAs(t, 'staff')
    const resident = await clientAs(t, 'resident')
    const bench = await resident.raiseMatter(BENCH)
    const meeting = await staff.scheduleMeeting(DRAFT)
    expect(meeting).toMatchObject({ gridCode: 'DA0103', date: '2026-11-27', start: '19:00', status: 'scheduled', agenda: [], attendees: DRAFT.attendees })
    await staff.addMeetingItem(meeting.id, bench.id)
    const decided = await staff.decideMeetingItem(meeting.id, bench.id, '物业本周内更换长椅')
    expect(decided.agenda).toEqual([{ matterId: bench.id, kind: '设施损坏', text: BENCH.text, public: true, ownerId: 'resident', decision: '物业本周内更换长椅' }])

    // Not published yet: the residents see neither the meeting nor its decision.
    const elder = await clientAs(t, 'elder')
    expect((await elder.getMeeting(meeting.id).catch((e) => e)).code).toBe('NOT_FOUND')
    expect((await elder.listMeetings()).map((m) => m.id)).not.toContain(meeting.id)
    expect((await resident.getMatter(bench.id)).meetings).toEqual([])
    expect((await staff.getMatter(bench.id)).meetings).toEqual([{ id: meeting.id, date: '2026-11-27', start: '19:00', place: DRAFT.place, status: 'scheduled', decision: '物业本周内更换长椅' }])

    const published = await staff.publishMeeting(meeting.id, '本次议事会形成决议一项')
    expect(published).toMatchObject({ status: 'published', minutes: '本次议事会形成决议一项', publishedAt: '2026-11-25T10:00:00+08:00' })
    expect((await elder.listMeetings()).map((m) => m.id)).toContain(meeting.id)
    expect((await elder.getMeeting(meeting.id)).agenda[0]).toMatchObject({ text: BENCH.text, ownerId: '', decision: '物业本周内更换长椅' })
    expect((await resident.getMatter(bench.id)).meetings).toEqual([{ id: meeting.id, date: '2026-11-27', start: '19:00', place: DRAFT.place, status: 'published', decision: '物业本周内更换长椅' }])
    // The owner hears of the decision in 消息.
    const told = (await resident.listMessages()).items.filter((m) => m.link.kind === 'matter')
    expect(told.map((m) => [m.title, m.link.id])).toEqual([['网格议事会决议已公布', bench.id]])

    // Read-only now.
    const late = await failureOf(staff.decideMeetingItem(meeting.id, bench.id, '改一下'))
    expect([late.code, late.message]).toEqual(['CONFLICT', '决议已公布，不能再修改'])
  })

  it('names every bad field, stores nothing, and stores a retried schedule once', async () => {
    const staff = await clientAs(t, 'staff')
    const bad = await failureOf(staff.scheduleMeeting({ gridCode: 'XX99', date: '2026-11-25', start: '09:00', place: '', attendees: [] }))
    expect([bad.code, bad.fields]).toEqual(['VALIDATION', { gridCode: '请选择列表中的网格' }])
    const bad2 = await failureOf(staff.scheduleMeeting({ ...DRAFT, date: '2026-11-25', start: '09:00', place: '', attendees: [] }))
    expect(Object.keys(bad2.fields).sort()).toEqual(['attendees', 'place', 'start'])
    const before = (await staff.listMeetings()).length
    const first = await staff.scheduleMeeting(DRAFT, { idempotencyKey: 'meeting-1' })
    const again = await staff.scheduleMeeting(DRAFT, { idempotencyKey: 'meeting-1' })
    expect(again.id).toBe(first.id)
    expect(await staff.listMeetings()).toHaveLength(before + 1)
    const noMinutes = await failureOf(staff.publishMeeting(first.id, ''))
    expect(noMinutes.fields).toEqual({ minutes: '请填写会议决议', agenda: '议程上还没有事项' })
    const otherGrid = await (await outsider()).raiseMatter(BENCH)
    expect((await failureOf(staff.addMeetingItem(first.id, otherGrid.id))).fields).toEqual({ matterId: '这个事项不属于本网格' })
  })

  it('keeps a private matter on the agenda from neighbours, and adds an item once when two arrive together', async () => {
    const staff = await clientAs(t, 'staff')
    const dispute = await (await clientAs(t, 'resident')).raiseMatter(DISPUTE)
    const meeting = await staff.scheduleMeeting(DRAFT)
    const both = await Promise.all([staff.addMeetingItem(meeting.id, dispute.id).catch((e) => e.code), staff.addMeetingItem(meeting.id, dispute.id).catch((e) => e.code)])
    expect(both.filter((r) => r === 'CONFLICT')).toHaveLength(1)
    await staff.decideMeetingItem(meeting.id, dispute.id, '转法官工作站调解')
    await staff.publishMeeting(meeting.id, '一项纠纷转调解')
    const seen = await (await clientAs(t, 'elder')).getMeeting(meeting.id)
    expect(seen.agenda).toEqual([{ matterId: dispute.id, kind: '邻里纠纷', text: '', public: false, ownerId: '', decision: '转法官工作站调解' }])
    expect(JSON.stringify(seen)).not.toContain('砸墙')
  })

  it('lets each role see and do only what is theirs (the authorization table)', async () => {
    const staff = await clientAs(t, 'staff')
    const bench = await (await clientAs(t, 'resident')).raiseMatter(BENCH)
    const draftMeeting = await staff.scheduleMeeting(DRAFT)
    const shown = await staff.scheduleMeeting({ ...DRAFT, date: '2026-11-28' })
    await staff.addMeetingItem(shown.id, 'mt-seed-1')
    await staff.decideMeetingItem(shown.id, 'mt-seed-1', '加装声控灯')
    await staff.publishMeeting(shown.id, '一项决议')
    const who: Record<string, Api> = {
      resident: await clientAs(t, 'resident'),
      worker: await clientAs(t, 'volunteer'),
      staff,
      outsider: await outsider(),
      anonymous: await clientAs(t, null),
    }
    const table: Record<string, (api: Api) => Promise<unknown>> = {
      schedule: (api) => api.scheduleMeeting({ ...DRAFT, date: '2026-11-29' }),
      'add item': (api) => api.addMeetingItem(draftMeeting.id, bench.id),
      decide: (api) => api.decideMeetingItem(draftMeeting.id, bench.id, '换新的'),
      publish: (api) => api.publishMeeting(draftMeeting.id, '决议如上'),
      'see unpublished': (api) => api.getMeeting(draftMeeting.id),
      'see published': (api) => api.getMeeting(shown.id),
      list: (api) => api.listMeetings(),
    }
    const EXPECTED: Record<string, Record<string, string>> = {
      schedule: { resident: 'FORBIDDEN', worker: 'FORBIDDEN', staff: 'ok', outsider: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
      // Run in this order: staff add the item first, then decide and publish.
      'add item': { resident: 'FORBIDDEN', worker: 'FORBIDDEN', staff: 'ok', outsider: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
      decide: { resident: 'FORBIDDEN', worker: 'FORBIDDEN', staff: 'ok', outsider: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
      publish: { resident: 'FORBIDDEN', worker: 'FORBIDDEN', staff: 'ok', outsider: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
      // Published by now: the grid's residents see it, other grids do not.
      'see unpublished': { resident: 'ok', worker: 'ok', staff: 'ok', outsider: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
      'see published': { resident: 'ok', worker: 'ok', staff: 'ok', outsider: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
      list: { resident: 'ok', worker: 'ok', staff: 'ok', outsider: 'ok', anonymous: 'UNAUTHORIZED' },
    }
    // Before publishing, a resident does not find the meeting.
    expect(await outcome(who.resident.getMeeting(draftMeeting.id))).toBe('NOT_FOUND')
    expect(await outcome(who.worker.getMeeting(draftMeeting.id))).toBe('ok')
    const seen: Record<string, Record<string, string>> = {}
    for (const [row, call] of Object.entries(table)) {
      seen[row] = {}
      for (const [name, api] of Object.entries(who)) seen[row][name] = await outcome(call(api))
    }
    expect(seen).toEqual(EXPECTED)
    expect(await who.outsider.listMeetings()).toEqual([])
    // The seeded meeting of last evening, and the two published here, newest first.
    expect((await who.resident.listMeetings()).map((m) => m.date)).toEqual(['2026-11-28', '2026-11-27', '2026-11-24'])
  })
})
