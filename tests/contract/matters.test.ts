import type { Api } from '../../src/api/contract'
import type { MatterDraft } from '../../src/api/types'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

// Wednesday 25 November 2026, 10:00 China time.
const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock

const BENCH: MatterDraft = { kind: '设施损坏', text: '3栋门口的长椅坏了，老人没处坐', building: '友谊路9号3栋', unit: '2单元', public: true }
const PRIVATE: MatterDraft = { ...BENCH, kind: '邻里纠纷', text: '楼上装修每天早上七点就开始砸墙', public: false }

/** The error code a call ends with, or 'ok'. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'ok'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe.each(TARGETS)('matters contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  /** A resident of another grid (DA0101), registered by signing in with a phone. */
  async function outsider(): Promise<Api> {
    const session = await t.clientWith(null).loginWithPhone('phone:13912345670', 'DA0101')
    expect(session.user.gridCode).toBe('DA0101')
    return t.clientWith(session.token)
  }

  it('goes from raised to confirmed: the grid worker is named, notes and the reply reach the resident', async () => {
    const resident = await clientAs(t, 'resident')
    const raised = await resident.raiseMatter(BENCH)
    expect(raised).toMatchObject({ status: 'submitted', gridCode: 'DA0103', ownerName: '李明', affected: 0, overdue: null, acceptBy: '2026-11-27T00:00:00+08:00', answerBy: '2026-12-02T10:00:00+08:00' })
    expect((await resident.listMyMatters()).items.map((m) => m.id)).toEqual([raised.id])

    const worker = await clientAs(t, 'volunteer')
    clock += 3600_000
    expect(await worker.acceptMatter(raised.id)).toMatchObject({ status: 'accepted', handler: { id: 'volunteer', name: '赵志强' } })
    await worker.noteMatter(raised.id, '已报物业，明天上午来修')
    const staff = await clientAs(t, 'staff')
    await staff.answerMatter(raised.id, '长椅已更换为新的')
    const seen = await resident.getMatter(raised.id)
    expect(seen).toMatchObject({ status: 'answered', reply: '长椅已更换为新的', handler: { name: '赵志强' } })
    expect(seen.events.map((e) => [e.action, e.byName, e.text ?? ''])).toEqual([
      ['raise', '李明', ''],
      ['accept', '赵志强', ''],
      ['note', '赵志强', '已报物业，明天上午来修'],
      ['answer', '刘芳', '长椅已更换为新的'],
    ])
    expect((await resident.confirmMatter(raised.id)).status).toBe('confirmed')
    // 消息: accepted (naming the grid worker) and answered, once each.
    const told = (await resident.listMessages()).items.filter((m) => m.link.kind === 'matter')
    expect(told.map((m) => [m.title, m.body, m.link.id])).toEqual([
      ['您说的事有答复了', '“3栋门口的长椅坏了，老人没处坐”：长椅已更换为新的。解决了请点“确认已解决”。', raised.id],
      ['您说的事已受理', '“3栋门口的长椅坏了，老人没处坐”已由网格员赵志强受理，会尽快办理。', raised.id],
    ])
  })

  it('reopens once with a reason; the answer clock starts again', async () => {
    const resident = await clientAs(t, 'resident')
    const worker = await clientAs(t, 'volunteer')
    const { id } = await resident.raiseMatter(BENCH)
    await worker.acceptMatter(id)
    await worker.answerMatter(id, '已修好')
    clock = Date.parse('2026-11-28T09:00:00+08:00')
    const reopened = await resident.reopenMatter(id, '修完第二天又坏了')
    expect(reopened).toMatchObject({ status: 'reopened', reopenReason: '修完第二天又坏了', answerBy: '2026-12-05T09:00:00+08:00' })
    await worker.answerMatter(id, '换了整张长椅')
    const twice = await failureOf(resident.reopenMatter(id, '还是不行'))
    expect([twice.code, twice.message]).toEqual(['CONFLICT', '事项只能重新提出一次，如仍未解决请联系网格员'])
  })

  it('names every bad field, keeps disputes private and stores nothing', async () => {
    const resident = await clientAs(t, 'resident')
    const bad = await failureOf(resident.raiseMatter({ kind: '吵架' as never, text: '坏', building: '', unit: '', public: true }))
    expect([bad.code, Object.keys(bad.fields).sort()]).toEqual(['VALIDATION', ['building', 'kind', 'text']])
    const dispute = await failureOf(resident.raiseMatter({ ...PRIVATE, public: true }))
    expect(dispute.fields).toEqual({ public: '邻里纠纷涉及他人，不能公开，请选择“不公开”' })
    const note = await failureOf((await clientAs(t, 'volunteer')).noteMatter('mt-seed-1', ''))
    expect(note.code).toBe('CONFLICT')
    expect((await resident.listMyMatters()).items).toEqual([])
  })

  it('lists the matters in 我的个人信息, and 注销账号 leaves the grid the matter but nothing of the person', async () => {
    const resident = await clientAs(t, 'resident')
    const { id } = await resident.raiseMatter(BENCH)
    expect((await resident.getMyData()).matters.map((m) => [m.id, m.text])).toEqual([[id, BENCH.text]])
    await resident.closeMyAccount()
    const kept = await (await clientAs(t, 'staff')).getMatter(id)
    expect(kept).toMatchObject({ ownerName: '已注销用户', text: '', building: '', unit: '', status: 'submitted' })
    expect(JSON.stringify(kept)).not.toContain('李明')
  })

  it('never makes public a matter whose text names a person, and says why', async () => {
    const resident = await clientAs(t, 'resident')
    const named = await resident.raiseMatter({ ...BENCH, kind: '环境卫生', text: '楼上张阿姨天天往楼道里堆纸箱' })
    expect([named.public, named.namedPerson]).toEqual([false, true])
    const plain = await resident.raiseMatter(BENCH)
    expect([plain.public, plain.namedPerson]).toEqual([true, undefined])
    const neighbours = (await (await clientAs(t, 'elder')).listPublicMatters()).map((m) => m.id)
    expect(neighbours).toContain(plain.id)
    expect(neighbours).not.toContain(named.id)
    expect((await failureOf((await clientAs(t, 'elder')).getMatter(named.id))).code).toBe('NOT_FOUND')
  })

  it('stores a retried raise once', async () => {
    const resident = await clientAs(t, 'resident')
    const first = await resident.raiseMatter(BENCH, { idempotencyKey: 'matter-1' })
    const again = await resident.raiseMatter(BENCH, { idempotencyKey: 'matter-1' })
    expect(again.id).toBe(first.id)
    expect((await resident.listMyMatters()).items).toHaveLength(1)
  })

  it('shows neighbours the public matters of their grid without names, safety hazards first', async () => {
    const resident = await clientAs(t, 'resident')
    await resident.raiseMatter(BENCH)
    await resident.raiseMatter(PRIVATE)
    const elder = await clientAs(t, 'elder')
    const list = await elder.listPublicMatters()
    // The seed's solved hazard comes after every open matter.
    expect(list.map((m) => [m.kind, m.status === 'confirmed'])).toEqual([
      ['安全隐患', false],
      ['设施损坏', false],
      ['环境卫生', false],
      ['安全隐患', true],
    ])
    expect(list.every((m) => m.ownerId === '' && m.ownerName === '' && m.handler === null && m.events.every((e) => e.byName === ''))).toBe(true)
    expect(JSON.stringify(list)).not.toMatch(/李明|王秀英|赵志强|已联系物业/)
    expect(await (await outsider()).listPublicMatters()).toEqual([])
  })

  it('counts 我也遇到 once per account, also when 50 arrive at once', async () => {
    const elder = await clientAs(t, 'elder')
    const results = await Promise.all(Array.from({ length: 50 }, () => elder.addMeToMatter('mt-seed-1')))
    expect(results.every((m) => m.affectedByMe)).toBe(true)
    expect((await elder.getMatter('mt-seed-1')).affected).toBe(1)
    await (await clientAs(t, 'resident')).addMeToMatter('mt-seed-1')
    const seen = await (await clientAs(t, 'staff')).getMatter('mt-seed-1')
    expect([seen.affected, seen.affectedByMe]).toEqual([2, false])
    expect((await elder.listPublicMatters()).find((m) => m.id === 'mt-seed-1')?.affectedByMe).toBe(true)
  })

  it('marks on the handling side what is overdue, at the deadlines in China time', async () => {
    const staff = await clientAs(t, 'staff')
    const { id } = await (await clientAs(t, 'resident')).raiseMatter(BENCH)
    const overdueOf = async () => (await staff.listMattersToHandle({ limit: 50 })).items.find((m) => m.id === id)?.overdue
    clock = Date.parse('2026-11-26T23:59:59+08:00')
    expect(await overdueOf()).toBeNull()
    clock = Date.parse('2026-11-27T00:00:00+08:00')
    expect(await overdueOf()).toBe('accept')
    await (await clientAs(t, 'volunteer')).acceptMatter(id)
    expect(await overdueOf()).toBeNull()
    clock = Date.parse('2026-12-02T10:00:00+08:00')
    expect(await overdueOf()).toBe('answer')
  })

  it('lets each role see and do only what is theirs (the authorization table)', async () => {
    const owner = await clientAs(t, 'resident')
    const open = await owner.raiseMatter(BENCH)
    const closed = await owner.raiseMatter(PRIVATE)
    const who: Record<string, Api> = {
      owner,
      neighbour: await clientAs(t, 'elder'),
      worker: await clientAs(t, 'volunteer'),
      staff: await clientAs(t, 'staff'),
      outsider: await outsider(),
      anonymous: await clientAs(t, null),
    }
    const table: Record<string, (api: Api) => Promise<unknown>> = {
      'see public': (api) => api.getMatter(open.id),
      'see private': (api) => api.getMatter(closed.id),
      'handling list': (api) => api.listMattersToHandle(),
      'my matters': (api) => api.listMyMatters(),
      'accept private': (api) => api.acceptMatter(closed.id),
      'confirm public': (api) => api.confirmMatter(open.id),
      '我也遇到 public': (api) => api.addMeToMatter(open.id),
      '我也遇到 private': (api) => api.addMeToMatter(closed.id),
    }
    const EXPECTED: Record<string, Record<string, string>> = {
      'see public': { owner: 'ok', neighbour: 'ok', worker: 'ok', staff: 'ok', outsider: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
      'see private': { owner: 'ok', neighbour: 'NOT_FOUND', worker: 'ok', staff: 'ok', outsider: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
      'handling list': { owner: 'FORBIDDEN', neighbour: 'FORBIDDEN', worker: 'ok', staff: 'ok', outsider: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
      'my matters': { owner: 'ok', neighbour: 'ok', worker: 'ok', staff: 'ok', outsider: 'ok', anonymous: 'UNAUTHORIZED' },
      // Run in this order: the worker accepts first, so staff find it accepted already.
      'accept private': { owner: 'FORBIDDEN', neighbour: 'FORBIDDEN', worker: 'ok', staff: 'CONFLICT', outsider: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
      // Not answered yet: even its owner may not confirm it.
      'confirm public': { owner: 'CONFLICT', neighbour: 'FORBIDDEN', worker: 'FORBIDDEN', staff: 'FORBIDDEN', outsider: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
      '我也遇到 public': { owner: 'CONFLICT', neighbour: 'ok', worker: 'ok', staff: 'FORBIDDEN', outsider: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
      '我也遇到 private': { owner: 'CONFLICT', neighbour: 'NOT_FOUND', worker: 'CONFLICT', staff: 'FORBIDDEN', outsider: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
    }
    const seen: Record<string, Record<string, string>> = {}
    for (const [row, call] of Object.entries(table)) {
      seen[row] = {}
      for (const [name, api] of Object.entries(who)) seen[row][name] = await outcome(call(api))
    }
    expect(seen).toEqual(EXPECTED)
    // The worker sees only their grid's matters; staff every grid's.
    const outsiderMatter = await who.outsider.raiseMatter(BENCH)
    expect((await who.worker.listMattersToHandle({ limit: 50 })).items.map((m) => m.gridCode)).not.toContain('DA0101')
    expect((await who.staff.listMattersToHandle({ limit: 50 })).items.map((m) => m.id)).toContain(outsiderMatter.id)
  })
})
