import type { Api } from '../../src/api/contract'
import type { WishDraft, WishView } from '../../src/api/types'
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { WISH as draft } from './drafts'


/** A wish of 李明 (resident) walked to the given point by the people who may. */
async function wishReached(t: Target, stage: 'pending_review' | 'open' | 'claimed' | 'completed'): Promise<WishView> {
  const resident = await clientAs(t, 'resident')
  let wish = await resident.postWish(draft)
  if (stage === 'pending_review') return wish
  wish = await (await clientAs(t, 'staff')).approveWish(wish.id)
  if (stage === 'open') return wish
  const volunteer = await clientAs(t, 'volunteer')
  wish = await volunteer.claimWish(wish.id)
  if (stage === 'claimed') return wish
  return volunteer.completeWish(wish.id, { note: '换了新钢丝', hours: 1.5 })
}

describe.each(TARGETS)('micro-wish contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    t = await kind.start()
  })
  afterEach(() => t.close())

  it('walks a wish from posting to a confirmed rating', async () => {
    const resident = await clientAs(t, 'resident')
    const staff = await clientAs(t, 'staff')
    const volunteer = await clientAs(t, 'volunteer')
    const before = await volunteer.listMyTasks()

    const posted = await resident.postWish(draft)
    expect(posted).toMatchObject({ status: 'pending_review', title: draft.title, ownerName: '李明', gridCode: 'DA0103' })
    expect((await staff.listWishesToReview()).items.map((w) => w.id)).toContain(posted.id)

    expect((await staff.approveWish(posted.id)).status).toBe('open')
    const listed = (await volunteer.listOpenWishes()).items.find((w) => w.id === posted.id)!
    expect(listed.phone).toBe('138****1234')
    expect(listed.address).toEqual({ building: '友谊路9号3栋', unit: '', room: '' })

    const claimed = await volunteer.claimWish(posted.id)
    expect(claimed).toMatchObject({ status: 'claimed', claimedByName: '赵志强', phone: '13804521234' })
    expect(claimed.address.room).toBe('301')

    const completed = await volunteer.completeWish(posted.id, { note: '换了新钢丝', hours: 1.5 })
    expect(completed).toMatchObject({ status: 'completed', hours: 1.5, completionNote: '换了新钢丝' })

    const confirmed = await resident.confirmWish(posted.id, { rating: 5, thanks: '谢谢赵师傅' })
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: 5, thanks: '谢谢赵师傅' })
    expect(confirmed.events.map((e) => e.action)).toEqual(['post', 'approve', 'claim', 'complete', 'confirm'])

    const after = await volunteer.listMyTasks()
    expect(after.completedCount).toBe(before.completedCount + 1)
    expect(after.totalHours).toBeCloseTo(before.totalHours + 1.5)
  })

  it('rejects with a reason, cancels, and releases back to open', async () => {
    const staff = await clientAs(t, 'staff')
    const pending = await wishReached(t, 'pending_review')
    const rejected = await staff.rejectWish(pending.id, '请补充具体地址')
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请补充具体地址' })

    const resident = await clientAs(t, 'resident')
    const open = await wishReached(t, 'open')
    expect((await resident.cancelWish(open.id)).status).toBe('cancelled')

    const claimed = await wishReached(t, 'claimed')
    const volunteer = await clientAs(t, 'volunteer')
    const released = await volunteer.releaseWish(claimed.id, '临时出差')
    expect(released).toMatchObject({ status: 'open', claimedBy: null })
    // Once released, the wish is no longer theirs to release.
    expect((await failureOf(volunteer.releaseWish(claimed.id, '再放弃一次'))).code).toBe('FORBIDDEN')
  })

  it('refuses a 4th active wish with a clear message and stores nothing', async () => {
    const resident = await clientAs(t, 'resident')
    const mine = async () => (await resident.listMyWishes({ limit: 50 })).items.length
    // The seed gives 李明 one open and one pending wish.
    await resident.postWish(draft)
    const count = await mine()
    const error = await failureOf(resident.postWish({ ...draft, title: '第四个心愿' }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe('您已有3个进行中的心愿，等它们完成或取消后才能再发布')
    expect(await mine()).toBe(count)
  })

  it('names every bad field and stores nothing', async () => {
    const resident = await clientAs(t, 'resident')
    const count = (await resident.listMyWishes({ limit: 50 })).items.length
    const error = await failureOf(
      resident.postWish({
        ...draft,
        title: '',
        description: '<script>alert(1)</script>',
        phone: '12345',
        address: { building: '', unit: '', room: '' },
      }),
    )
    expect(error.code).toBe('VALIDATION')
    expect(Object.keys(error.fields).sort()).toEqual(['address.building', 'address.room', 'description', 'phone', 'title'])
    expect(error.fields.phone).toMatch(/11位手机号/)
    expect((await resident.listMyWishes({ limit: 50 })).items.length).toBe(count)
  })

  it('stores a post retried with the same Idempotency-Key once', async () => {
    const resident = await clientAs(t, 'resident')
    const count = (await resident.listMyWishes({ limit: 50 })).items.length
    const first = await resident.postWish(draft, { idempotencyKey: 'wish-draft-1' })
    const again = await resident.postWish(draft, { idempotencyKey: 'wish-draft-1' })
    expect(again.id).toBe(first.id)
    expect((await resident.listMyWishes({ limit: 50 })).items.length).toBe(count + 1)
  })

  it('checks the input of the volunteer and resident steps', async () => {
    const claimed = await wishReached(t, 'claimed')
    const volunteer = await clientAs(t, 'volunteer')
    const hours = await failureOf(volunteer.completeWish(claimed.id, { note: '修好了', hours: 13 }))
    expect([hours.code, hours.fields.hours]).toEqual(['VALIDATION', '服务时长须在0.5小时到12小时之间'])
    await volunteer.completeWish(claimed.id, { note: '修好了', hours: 2 })
    const resident = await clientAs(t, 'resident')
    const rating = await failureOf(resident.confirmWish(claimed.id, { rating: 6, thanks: '' }))
    expect([rating.code, rating.fields.rating]).toEqual(['VALIDATION', '请选择1到5颗星'])
  })

  it('keeps residents out of each other’s wishes', async () => {
    const wish = await wishReached(t, 'open')
    const elder = await clientAs(t, 'elder')
    expect((await failureOf(elder.getWish(wish.id))).code).toBe('NOT_FOUND')
    const mine = (await elder.listMyWishes({ limit: 50 })).items
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((w) => w.ownerName === '张桂兰')).toBe(true)
  })

  it('shows the claiming volunteer everything and the other volunteer only the building', async () => {
    const wish = await wishReached(t, 'claimed')
    const other = await (await clientAs(t, 'volunteer2')).getWish(wish.id)
    expect([other.phone, other.address.room, other.ownerName]).toEqual(['138****1234', '', '李*'])
    const mine = await (await clientAs(t, 'volunteer')).getWish(wish.id)
    expect([mine.phone, mine.address.room, mine.ownerName]).toEqual(['13804521234', '301', '李明'])
  })

  it('pages open wishes newest first and filters by category', async () => {
    const resident = await clientAs(t, 'resident')
    const elder = await clientAs(t, 'elder')
    const staff = await clientAs(t, 'staff')
    for (const [who, category, title] of [
      [resident, '维修', '修门'],
      [elder, '代买代办', '买菜'],
      [elder, '维修', '修窗'],
    ] as [Api, WishDraft['category'], string][]) {
      await staff.approveWish((await who.postWish({ ...draft, category, title })).id)
    }
    const volunteer = await clientAs(t, 'volunteer')
    const first = await volunteer.listOpenWishes({ limit: 2 })
    expect(first.items.map((w) => w.title)).toEqual(['修窗', '买菜'])
    expect(first.nextCursor).not.toBeNull()
    const second = await volunteer.listOpenWishes({ limit: 2, cursor: first.nextCursor })
    expect(second.items[0].title).toBe('修门')
    const all = [...first.items, ...second.items]
    expect(new Set(all.map((w) => w.id)).size).toBe(all.length)
    expect(all.every((w) => w.gridCode === 'DA0103' && w.status === 'open')).toBe(true)

    const repairs = await volunteer.listOpenWishes({ category: '维修', limit: 50 })
    expect(repairs.items.map((w) => w.title).slice(0, 2)).toEqual(['修窗', '修门'])
    expect(repairs.items.every((w) => w.category === '维修')).toBe(true)
    expect((await failureOf(volunteer.listOpenWishes({ limit: 500 }))).code).toBe('VALIDATION')
  })

  it('lets exactly one of 50 simultaneous claims win', async () => {
    const wish = await wishReached(t, 'open')
    const a = await clientAs(t, 'volunteer')
    const b = await clientAs(t, 'volunteer2')
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).claimWish(wish.id)))
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(49)
    for (const r of lost) expect([r.reason.code, r.reason.message]).toEqual(['CONFLICT', '该心愿已被认领'])
    const final = await a.getWish(wish.id)
    expect(final.status).toBe('claimed')
    expect(final.events.filter((e) => e.action === 'claim')).toHaveLength(1)
  })
})

type Who = 'resident' | 'elder' | 'volunteer' | 'volunteer2' | 'staff' | null
const WHO: Who[] = ['resident', 'elder', 'volunteer', 'volunteer2', 'staff', null]
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'CONFLICT'

/** Each action, the state it needs, and what each caller gets. Owner: 李明 (resident); grid DA0103. */
const TABLE: [string, 'pending_review' | 'open' | 'claimed' | 'completed' | null, (api: Api, id: string) => Promise<unknown>, Outcome[]][] = [
  //                                                         resident     elder        volunteer    volunteer2   staff        nobody
  ['post', null, (api) => api.postWish(draft), ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['approve', 'pending_review', (api, id) => api.approveWish(id), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['reject', 'pending_review', (api, id) => api.rejectWish(id, '信息不全'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['cancel', 'open', (api, id) => api.cancelWish(id), ['ok', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['claim', 'open', (api, id) => api.claimWish(id), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['release', 'claimed', (api, id) => api.releaseWish(id, '有事'), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['complete', 'claimed', (api, id) => api.completeWish(id, { note: '完成', hours: 1 }), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['confirm', 'completed', (api, id) => api.confirmWish(id, { rating: 4, thanks: '' }), ['ok', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['view', 'open', (api, id) => api.getWish(id), ['ok', 'NOT_FOUND', 'ok', 'ok', 'ok', 'UNAUTHORIZED']],
  ['review queue', null, (api) => api.listWishesToReview(), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['open list', null, (api) => api.listOpenWishes(), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['my tasks', null, (api) => api.listMyTasks(), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['my wishes', null, (api) => api.listMyWishes(), ['ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHORIZED']],
]

describe.each(TARGETS)('micro-wish authorization table: $name', (kind) => {
  it.each(TABLE)('%s', async (_name, stage, call, expected) => {
    const outcomes: Outcome[] = []
    for (const who of WHO) {
      const t = await kind.start()
      try {
        const wish = stage ? await wishReached(t, stage) : null
        const api = await clientAs(t, who)
        try {
          await call(api, wish?.id ?? '')
          outcomes.push('ok')
        } catch (error) {
          outcomes.push((error as { code: Outcome }).code)
        }
      } finally {
        await t.close()
      }
    }
    expect(outcomes).toEqual(expected)
  })
})
