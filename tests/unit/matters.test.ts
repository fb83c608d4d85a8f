import {
  MATTER_KINDS,
  acceptDeadline,
  allowedMatterActions,
  answerDeadline,
  applyMatterAction,
  joinRefusal,
  mergeMatters,
  mergedAccounts,
  matterFor,
  overdueOf,
  publicOrder,
  raiseMatter,
  validateMatterDraft,
  type Matter,
  type MatterAction,
  type MatterActor,
  type MatterStatus,
} from '../../src/domain/matters'
import { closedOwnersMatter } from '../../src/domain/accountClosure'
import { refusal } from '../support/refusal'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
// Wednesday 25 November 2026, China time.
const NOW = at('2026-11-25T10:00:00')

const owner: MatterActor = { id: 'r1', name: '李明', role: 'resident', gridCode: 'DA0103' }
const neighbour: MatterActor = { id: 'r2', name: '张桂兰', role: 'elder', gridCode: 'DA0103' }
const elsewhere: MatterActor = { id: 'r3', name: '周建华', role: 'resident', gridCode: 'DA0101' }
const worker: MatterActor = { id: 'v1', name: '赵志强', role: 'volunteer', gridCode: 'DA0103' }
const otherWorker: MatterActor = { id: 'v9', name: '钱进', role: 'volunteer', gridCode: 'DA0101' }
const staff: MatterActor = { id: 's1', name: '刘芳', role: 'staff', gridCode: null }

const draft = { kind: '设施损坏', text: '小区东门的长椅坏了，老人没处坐', building: '3号楼', unit: '2单元', public: true }
const raised = () => raiseMatter(draft, owner, 'mt1', NOW)
const inState = (status: MatterStatus): Matter => ({ ...raised(), status, handler: status === 'submitted' ? null : { id: worker.id, name: worker.name } })

describe('a matter as raised', () => {
  it('keeps the draft, trimmed, and starts submitted with its first event', () => {
    const m = raiseMatter({ ...draft, text: '  楼道灯坏了一个月了  ' }, owner, 'mt1', NOW)
    expect(m).toMatchObject({ status: 'submitted', gridCode: 'DA0103', text: '楼道灯坏了一个月了', raisedAt: '2026-11-25T10:00:00+08:00', affected: 0, handler: null })
    expect(m.events).toEqual([{ at: '2026-11-25T10:00:00+08:00', action: 'raise', byName: '李明' }])
  })

  it('names every bad field in Chinese', () => {
    expect(validateMatterDraft({ kind: '吵架', text: '坏', building: '', unit: '<b>1</b>', public: 'yes' })).toEqual({
      kind: '请选择事项类别',
      text: '事项内容至少需要5个字',
      building: '请填写楼栋',
      unit: '单元不能包含网页代码（如 < 开头的标签）',
      public: '请选择是否让邻居看到',
    })
    expect(validateMatterDraft(null)).toHaveProperty('text', '请填写事项内容')
    expect(validateMatterDraft(draft)).toEqual({})
  })

  it('never lets a neighbour dispute be public', () => {
    expect(validateMatterDraft({ ...draft, kind: '邻里纠纷', public: true })).toEqual({ public: '邻里纠纷涉及他人，不能公开，请选择“不公开”' })
    expect(validateMatterDraft({ ...draft, kind: '邻里纠纷', public: false })).toEqual({})
    for (const kind of MATTER_KINDS.filter((k) => k !== '邻里纠纷')) expect(validateMatterDraft({ ...draft, kind })).toEqual({})
  })

  it('needs a grid', () => {
    expect(refusal(() => raiseMatter(draft, { ...owner, gridCode: null }, 'mt1', NOW)).fields).toEqual({ grid: '请先在首页选择所在网格' })
  })
})

describe('every transition, allowed and refused', () => {
  const STATUSES: MatterStatus[] = ['submitted', 'accepted', 'in_progress', 'answered', 'confirmed', 'reopened']
  const ACTORS = { owner, neighbour, worker, otherWorker, staff }
  // Who may do what from which state; everything not listed is refused.
  const ALLOWED: Record<MatterAction, { from: MatterStatus[]; by: (keyof typeof ACTORS)[] }> = {
    accept: { from: ['submitted'], by: ['worker', 'staff'] },
    note: { from: ['accepted', 'in_progress', 'reopened'], by: ['worker', 'staff'] },
    answer: { from: ['accepted', 'in_progress', 'reopened'], by: ['worker', 'staff'] },
    confirm: { from: ['answered'], by: ['owner'] },
    reopen: { from: ['answered'], by: ['owner'] },
  }
  const input = { text: '已联系物业，明天来修' }
  for (const [action, rule] of Object.entries(ALLOWED) as [MatterAction, (typeof ALLOWED)[MatterAction]][]) {
    for (const status of STATUSES) {
      for (const [who, actor] of Object.entries(ACTORS)) {
        const ok = rule.from.includes(status) && rule.by.includes(who as keyof typeof ACTORS)
        it(`${action} from ${status} by ${who}: ${ok ? 'allowed' : 'refused'}`, () => {
          const matter = inState(status)
          if (ok) {
            expect(applyMatterAction(matter, action, actor, input, NOW + 1000).events.at(-1)).toMatchObject({ action, byName: actor.name })
            expect(allowedMatterActions(matter, actor)).toContain(action)
          } else {
            const error = refusal(() => applyMatterAction(matter, action, actor, input, NOW + 1000))
            // The wrong person is told so before the wrong state.
            const wrongPerson = !rule.by.includes(who as keyof typeof ACTORS)
            expect(error.code).toBe(wrongPerson ? 'FORBIDDEN' : 'CONFLICT')
            expect(allowedMatterActions(matter, actor)).not.toContain(action)
          }
        })
      }
    }
  }

  it('walks the whole way: accepted names the grid worker, notes, the reply, confirmed', () => {
    let m = applyMatterAction(raised(), 'accept', worker, {}, at('2026-11-25T11:00:00'))
    expect(m).toMatchObject({ status: 'accepted', handler: { id: 'v1', name: '赵志强' }, acceptedAt: '2026-11-25T11:00:00+08:00' })
    m = applyMatterAction(m, 'note', worker, { text: '已报物业维修' }, at('2026-11-25T12:00:00'))
    expect(m.status).toBe('in_progress')
    m = applyMatterAction(m, 'answer', staff, { text: '长椅已更换' }, at('2026-11-26T09:00:00'))
    expect(m).toMatchObject({ status: 'answered', reply: '长椅已更换', answeredAt: '2026-11-26T09:00:00+08:00' })
    m = applyMatterAction(m, 'confirm', owner, {}, at('2026-11-26T10:00:00'))
    expect(m.status).toBe('confirmed')
    expect(m.events.map((e) => e.action)).toEqual(['raise', 'accept', 'note', 'answer', 'confirm'])
  })

  it('reopens once, with a reason, and not twice', () => {
    const answered = applyMatterAction(inState('in_progress'), 'answer', worker, { text: '已修好' }, NOW)
    expect(refusal(() => applyMatterAction(answered, 'reopen', owner, { text: '' }, NOW)).fields).toEqual({ text: '请填写重新提出的原因' })
    const reopened = applyMatterAction(answered, 'reopen', owner, { text: '修完又坏了' }, at('2026-11-27T09:00:00'))
    expect(reopened).toMatchObject({ status: 'reopened', reopenReason: '修完又坏了', reopenedAt: '2026-11-27T09:00:00+08:00' })
    const again = applyMatterAction(reopened, 'answer', worker, { text: '换了新的' }, at('2026-11-28T09:00:00'))
    const twice = refusal(() => applyMatterAction(again, 'reopen', owner, { text: '还是坏' }, at('2026-11-29T09:00:00')))
    expect([twice.code, twice.message]).toEqual(['CONFLICT', '事项只能重新提出一次，如仍未解决请联系网格员'])
    expect(allowedMatterActions(again, owner)).toEqual(['confirm'])
  })

  it('wants the note and the reply written', () => {
    expect(refusal(() => applyMatterAction(inState('accepted'), 'note', worker, {}, NOW)).fields).toEqual({ text: '请填写办理进展' })
    expect(refusal(() => applyMatterAction(inState('accepted'), 'answer', worker, { text: ' ' }, NOW)).fields).toEqual({ text: '请填写答复内容' })
  })
})

describe('deadlines on the China clock', () => {
  const matterAt = (iso: string): Matter => ({ ...raised(), raisedAt: `${iso}+08:00` })

  it('gives until the end of the next working day to accept', () => {
    // Wednesday morning → the end of Thursday.
    expect(acceptDeadline('2026-11-25T10:00:00+08:00')).toBe(at('2026-11-27T00:00:00'))
    // Friday late evening, and Saturday → the end of Monday.
    expect(acceptDeadline('2026-11-27T23:30:00+08:00')).toBe(at('2026-12-01T00:00:00'))
    expect(acceptDeadline('2026-11-28T08:00:00+08:00')).toBe(at('2026-12-01T00:00:00'))
    // Friday 00:10 in China is still Thursday in UTC and in Honolulu: the China day decides.
    expect(acceptDeadline('2026-11-27T00:10:00+08:00')).toBe(at('2026-12-01T00:00:00'))
    // Thursday 23:59 in China → the end of Friday.
    expect(acceptDeadline('2026-11-26T23:59:00+08:00')).toBe(at('2026-11-28T00:00:00'))
  })

  it('is overdue for acceptance at the deadline, not a millisecond before, and never once accepted', () => {
    const m = matterAt('2026-11-25T10:00:00')
    expect(overdueOf(m, at('2026-11-27T00:00:00') - 1)).toBeNull()
    expect(overdueOf(m, at('2026-11-27T00:00:00'))).toBe('accept')
    expect(overdueOf({ ...m, status: 'accepted' }, at('2026-11-27T00:00:00'))).toBeNull()
  })

  it('is overdue for an answer 7 days after it was raised, to the millisecond', () => {
    const m = { ...matterAt('2026-11-25T10:00:00'), status: 'in_progress' as const }
    expect(answerDeadline(m)).toBe(at('2026-12-02T10:00:00'))
    expect(overdueOf(m, at('2026-12-02T10:00:00') - 1)).toBeNull()
    expect(overdueOf(m, at('2026-12-02T10:00:00'))).toBe('answer')
    // Still submitted after 7 days: acceptance is the first deadline missed.
    expect(overdueOf({ ...m, status: 'submitted' }, at('2026-12-02T10:00:00'))).toBe('accept')
    for (const status of ['answered', 'confirmed'] as const) expect(overdueOf({ ...m, status }, at('2026-12-30T10:00:00'))).toBeNull()
  })

  it('counts 7 days again from a reopening', () => {
    const m = { ...matterAt('2026-11-25T10:00:00'), status: 'reopened' as const, reopenedAt: '2026-12-05T08:00:00+08:00' }
    expect(overdueOf(m, at('2026-12-12T08:00:00') - 1)).toBeNull()
    expect(overdueOf(m, at('2026-12-12T08:00:00'))).toBe('answer')
  })

  it('shows its deadlines as China time', () => {
    const view = matterFor(raised(), owner, NOW)!
    expect([view.acceptBy, view.answerBy, view.overdue]).toEqual(['2026-11-27T00:00:00+08:00', '2026-12-02T10:00:00+08:00', null])
  })
})

describe('who sees what', () => {
  it('shows the whole matter to its owner, the grid workers and staff', () => {
    const m = applyMatterAction(raised(), 'accept', worker, {}, NOW)
    for (const viewer of [owner, worker, staff]) expect(matterFor(m, viewer, NOW)).toMatchObject({ ownerName: '李明', unit: '2单元', handler: { name: '赵志强' } })
  })

  it('shows a public matter to neighbours of the grid without any name or note', () => {
    let m = applyMatterAction(raised(), 'accept', worker, {}, NOW)
    m = applyMatterAction(m, 'note', worker, { text: '找了3号楼王师傅' }, NOW)
    const seen = matterFor(m, neighbour, NOW, true)!
    expect(seen).toMatchObject({ ownerId: '', ownerName: '', unit: '', handler: null, building: '3号楼', affectedByMe: true })
    expect(JSON.stringify(seen)).not.toMatch(/李明|赵志强|王师傅/)
    expect(seen.events.map((e) => e.action)).toEqual(['raise', 'accept'])
  })

  it('hides private matters, disputes and other grids from neighbours', () => {
    expect(matterFor({ ...raised(), public: false }, neighbour, NOW)).toBeNull()
    expect(matterFor({ ...raised(), kind: '邻里纠纷' }, neighbour, NOW)).toBeNull()
    expect(matterFor(raised(), elsewhere, NOW)).toBeNull()
    expect(matterFor(raised(), otherWorker, NOW)).toBeNull()
  })
})

describe('我也遇到', () => {
  it('is for neighbours who see the matter, not its owner, not staff, and not once solved', () => {
    expect(joinRefusal(raised(), neighbour)).toBeNull()
    expect(joinRefusal(raised(), worker)).toBeNull()
    expect(joinRefusal(raised(), owner)?.message).toBe('这是你自己提出的事项')
    expect(joinRefusal({ ...raised(), public: false }, neighbour)?.code).toBe('NOT_FOUND')
    // Grid workers see private matters, but nobody is counted on them.
    expect(joinRefusal({ ...raised(), public: false }, worker)?.message).toBe('不公开的事项不能点“我也遇到”')
    expect(joinRefusal({ ...raised(), kind: '邻里纠纷' }, worker)?.code).toBe('CONFLICT')
    // The street office's staff see every grid's matters but are nobody's neighbour.
    expect(joinRefusal(raised(), staff)?.code).toBe('FORBIDDEN')
    expect(joinRefusal(raised(), elsewhere)?.code).toBe('NOT_FOUND')
    expect(joinRefusal({ ...raised(), status: 'confirmed' }, neighbour)?.message).toBe('这个事项已经解决了')
  })

  it('lists what is open first (safety hazards, then the most affected, the newest), then what is solved', () => {
    const m = (id: string, kind: string, status: MatterStatus, affected: number, day: string): Matter => ({
      ...raised(),
      id,
      kind: kind as Matter['kind'],
      status,
      affected,
      raisedAt: `2026-11-${day}T10:00:00+08:00`,
    })
    const list = [
      m('a', '环境卫生', 'submitted', 1, '20'),
      m('b', '安全隐患', 'confirmed', 0, '21'),
      m('c', '环境卫生', 'submitted', 5, '19'),
      m('d', '安全隐患', 'submitted', 0, '18'),
      m('e', '环境卫生', 'submitted', 1, '22'),
      m('f', '物业管理', 'confirmed', 9, '23'),
    ]
    // Open ones first (hazards, then the most affected, then the newest); solved ones after, in the same order.
    expect(list.sort(publicOrder).map((x) => x.id)).toEqual(['d', 'c', 'e', 'a', 'b', 'f'])
  })
})

describe('注销账号', () => {
  it('keeps the matter for the grid but nothing of the person who raised it', () => {
    let m = applyMatterAction(raised(), 'accept', worker, {}, NOW)
    m = applyMatterAction(m, 'answer', worker, { text: '已修好' }, NOW)
    m = applyMatterAction(m, 'reopen', owner, { text: '李明家门口还是坏的' }, NOW)
    const closed = closedOwnersMatter(m)
    expect(closed).toMatchObject({ ownerName: '已注销用户', text: '', building: '', unit: '', reopenReason: '', status: 'reopened', handler: { name: '赵志强' } })
    expect(JSON.stringify(closed)).not.toContain('李明')
    expect(closed.events.map((e) => e.byName)).toEqual(['已注销用户', '赵志强', '赵志强', '已注销用户'])
  })
})

describe('merging a duplicate', () => {
  const bench = { kind: '设施损坏' as const, text: '3栋门口的长椅坏了', building: '3栋', unit: '', public: true }
  const kept = raiseMatter(bench, owner, 'mt1', NOW)
  const duplicate = raiseMatter(bench, neighbour, 'mt2', NOW)
  const farAway = raiseMatter(bench, elsewhere, 'mt3', NOW)

  it('marks the duplicate merged into the kept one, whose raiser follows it', () => {
    const { duplicate: d, kept: k } = mergeMatters(duplicate, kept, worker, NOW)
    expect([d.status, d.mergedInto, d.events.at(-1)?.action]).toEqual(['merged', 'mt1', 'merge'])
    expect(k.followers).toEqual(['r2'])
    expect(matterFor(k, neighbour, NOW)).not.toBeNull()
    expect(allowedMatterActions(d, worker)).toEqual([])
    expect(joinRefusal(d, elsewhere)?.code).toBe('NOT_FOUND')
    expect(overdueOf(d, NOW + 30 * 24 * 3600_000)).toBeNull()
  })

  it('refuses other grids, itself, merged or solved ones, and those who may not handle both', () => {
    expect(refusal(() => mergeMatters(duplicate, farAway, staff, NOW)).fields).toEqual({ into: '请选择本网格的事项' })
    expect(refusal(() => mergeMatters(duplicate, duplicate, staff, NOW)).fields).toEqual({ into: '请选择另一件事项' })
    expect(refusal(() => mergeMatters(duplicate, kept, otherWorker, NOW)).code).toBe('FORBIDDEN')
    expect(refusal(() => mergeMatters(duplicate, kept, owner, NOW)).code).toBe('FORBIDDEN')
    const merged = mergeMatters(duplicate, kept, staff, NOW).duplicate
    expect(refusal(() => mergeMatters(merged, kept, staff, NOW)).code).toBe('CONFLICT')
    expect(refusal(() => mergeMatters(kept, merged, staff, NOW)).code).toBe('CONFLICT')
  })

  it('moves 我也遇到 and the raiser, never the kept one’s raiser, each once', () => {
    expect(mergedAccounts(duplicate, kept, ['r1', 'r5', 'r5'])).toEqual(['r5', 'r2'])
    const ownDuplicate = raiseMatter(bench, owner, 'mt4', NOW)
    expect(mergedAccounts(ownDuplicate, kept, [])).toEqual([])
  })
})
