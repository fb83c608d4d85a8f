import type { Api } from '../../src/api/contract'
import type { MatterDraft } from '../../src/api/types'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock

const LAMP: MatterDraft = { kind: '安全隐患', text: '2栋一单元楼道灯不亮，晚上看不见台阶', building: '友谊路9号2栋', unit: '1单元', public: true }

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'ok'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe.each(TARGETS)('merging duplicate matters: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  async function resident(phone: string): Promise<Api> {
    const session = await t.clientWith(null).loginWithPhone(`phone:${phone}`, 'DA0103')
    return t.clientWith(session.token)
  }

  it("moves the duplicate's raiser and 我也遇到 to the kept matter, each account once, and keeps its raiser informed", async () => {
    const elder = await clientAs(t, 'elder')
    const me = await clientAs(t, 'resident')
    const other = await resident('13912345671')
    // mt-seed-1 (the kept one) already has the elder's 我也遇到.
    await elder.addMeToMatter('mt-seed-1')
    const duplicate = await me.raiseMatter(LAMP)
    await elder.addMeToMatter(duplicate.id)
    await other.addMeToMatter(duplicate.id)
    const worker = await clientAs(t, 'volunteer')
    const merged = await worker.mergeMatter(duplicate.id, 'mt-seed-1')
    expect(merged).toMatchObject({ status: 'merged', mergedInto: 'mt-seed-1' })
    // elder counted once; the raiser and the other neighbour added.
    const kept = await worker.getMatter('mt-seed-1')
    expect(kept.affected).toBe(3)
    expect(kept.followers).toEqual(['resident'])

    // The raiser still sees their own matter, with the link, and the kept one; and hears of the merge and of the answer.
    expect((await me.getMatter(duplicate.id)).mergedInto).toBe('mt-seed-1')
    expect((await me.getMatter('mt-seed-1')).text).toContain('楼道的灯坏了')
    await worker.acceptMatter('mt-seed-1')
    await worker.answerMatter('mt-seed-1', '已换了新灯泡')
    const told = (await me.listMessages()).items.filter((m) => m.link.kind === 'matter').map((m) => [m.title, m.link.id])
    expect(told).toEqual([
      ['您说的事有答复了', 'mt-seed-1'],
      ['您说的事已受理', 'mt-seed-1'],
      ['您说的事已合并办理', 'mt-seed-1'],
    ])
    // A merged duplicate leaves the neighbours' list, and takes no more 我也遇到.
    expect((await other.listPublicMatters()).map((m) => m.id)).not.toContain(duplicate.id)
    expect((await failureOf((await resident('13912345672')).addMeToMatter(duplicate.id))).code).toBe('CONFLICT')
    // Not twice.
    expect((await failureOf(worker.mergeMatter(duplicate.id, 'mt-seed-1'))).code).toBe('CONFLICT')
  })

  it('refuses other grids, itself, a merged target and residents (the authorization table)', async () => {
    const me = await clientAs(t, 'resident')
    const a = await me.raiseMatter(LAMP)
    const b = await me.raiseMatter(LAMP)
    const farSession = await t.clientWith(null).loginWithPhone('phone:13912345670', 'DA0101')
    const far = await t.clientWith(farSession.token).raiseMatter(LAMP)
    const staff = await clientAs(t, 'staff')
    expect((await failureOf(staff.mergeMatter(a.id, far.id))).fields).toEqual({ into: '请选择本网格的事项' })
    expect((await failureOf(staff.mergeMatter(a.id, a.id))).fields).toEqual({ into: '请选择另一件事项' })
    expect((await failureOf(staff.mergeMatter(a.id, 'mt-nothing'))).code).toBe('VALIDATION')
    const who: Record<string, Api> = { owner: me, neighbour: await clientAs(t, 'elder'), anonymous: await clientAs(t, null), worker: await clientAs(t, 'volunteer') }
    const seen: Record<string, string> = {}
    for (const [name, api] of Object.entries(who)) seen[name] = await outcome(api.mergeMatter(a.id, b.id))
    expect(seen).toEqual({ owner: 'FORBIDDEN', neighbour: 'FORBIDDEN', anonymous: 'UNAUTHORIZED', worker: 'ok' })
    expect((await failureOf(staff.mergeMatter(b.id, a.id))).message).toBe('要保留的事项已合并到别处，请选择它合并到的那件')
    const stored = await staff.getMatter(b.id)
    expect(stored.affected).toBe(0)
  })

  it('decides two crossing merges in the database: one wins, nothing is counted twice', async () => {
    const me = await clientAs(t, 'resident')
    const a = await me.raiseMatter(LAMP)
    const b = await me.raiseMatter(LAMP)
    const staff = await clientAs(t, 'staff')
    const worker = await clientAs(t, 'volunteer')
    const results = await Promise.all([outcome(staff.mergeMatter(a.id, b.id)), outcome(worker.mergeMatter(b.id, a.id))])
    expect(results.sort()).toEqual(['CONFLICT', 'ok'])
    const [ra, rb] = [await staff.getMatter(a.id), await staff.getMatter(b.id)]
    expect([ra.status, rb.status].filter((s) => s === 'merged')).toHaveLength(1)
    // Same raiser on both: nothing to add to the kept one.
    expect(ra.affected + rb.affected).toBe(0)
  })

  it('counts a neighbour once when two duplicates they both joined are merged into one matter at the same time', async () => {
    const elder = await clientAs(t, 'elder')
    const me = await clientAs(t, 'resident')
    const other = await resident('13912345673')
    const a = await me.raiseMatter(LAMP)
    const b = await other.raiseMatter(LAMP)
    await elder.addMeToMatter(a.id)
    await elder.addMeToMatter(b.id)
    const staff = await clientAs(t, 'staff')
    const worker = await clientAs(t, 'volunteer')
    await Promise.all([staff.mergeMatter(a.id, 'mt-seed-1'), worker.mergeMatter(b.id, 'mt-seed-1')])
    const kept = await staff.getMatter('mt-seed-1')
    expect(kept.affected).toBe(3)
    expect(kept.followers).toHaveLength(2)
    expect(kept.followers).toContain('resident')
  })
})
