import { RuleError } from '../../src/domain/rules'
import {
  allowedActions,
  applyWishAction,
  autoConfirmAt,
  createWish,
  effectiveStatus,
  validateWishDraft,
  wishFor,
  type Wish,
  type WishAction,
  type WishActor,
  type WishDraft,
  type WishStatus,
} from '../../src/domain/wish'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const NOW = at('2026-11-25T10:00:00')

const resident: WishActor = { id: 'r1', name: '李明', role: 'resident', gridCode: 'DA0103' }
const elder: WishActor = { id: 'e1', name: '张桂兰', role: 'elder', gridCode: 'DA0103' }
const volunteer: WishActor = { id: 'v1', name: '赵志强', role: 'volunteer', gridCode: 'DA0103' }
const volunteer2: WishActor = { id: 'v2', name: '孙丽娟', role: 'volunteer', gridCode: 'DA0103' }
const otherGridVolunteer: WishActor = { id: 'v3', name: '钱进', role: 'volunteer', gridCode: 'XH0201' }
const staff: WishActor = { id: 's1', name: '刘芳', role: 'staff', gridCode: null }

const draft: WishDraft = {
  category: '维修',
  title: '厨房水龙头漏水',
  description: '水龙头一直滴水，想请人帮忙换个阀芯。',
  preferredTime: '周末上午',
  address: { building: '友谊路9号3栋', unit: '2单元', room: '501' },
  phone: '138 0452 1234',
  photos: [],
}

function wishIn(status: WishStatus, extra: Partial<Wish> = {}): Wish {
  const base = createWish(draft, resident, 0, 'w1', NOW)
  const claimed = status === 'claimed' || status === 'completed' || status === 'confirmed'
  return {
    ...base,
    status,
    claimedBy: claimed ? volunteer.id : null,
    claimedByName: claimed ? volunteer.name : null,
    completedAt: status === 'completed' || status === 'confirmed' ? '2026-11-25T10:00:00+08:00' : null,
    ...extra,
  }
}

const INPUT = {
  reject: { reason: '内容不完整' },
  release: { reason: '临时有事' },
  complete: { note: '已更换阀芯', hours: 1.5 },
  confirm: { rating: 5, thanks: '谢谢小赵！' },
}

function attempt(wish: Wish, action: WishAction, actor: WishActor) {
  try {
    return applyWishAction(wish, action, actor, INPUT[action as keyof typeof INPUT] ?? {}, NOW)
  } catch (error) {
    return error as RuleError
  }
}

describe('posting a wish', () => {
  it('creates a pending wish with a trimmed draft and a post event', () => {
    const wish = createWish({ ...draft, title: '  厨房水龙头漏水 ' }, resident, 2, 'w9', NOW)
    expect(wish.status).toBe('pending_review')
    expect(wish.title).toBe('厨房水龙头漏水')
    expect(wish.phone).toBe('13804521234')
    expect(wish.gridCode).toBe('DA0103')
    expect(wish.events).toEqual([{ at: '2026-11-25T10:00:00+08:00', action: 'post', byName: '李明' }])
  })

  it('refuses a 4th active wish with a clear message', () => {
    expect(() => createWish(draft, elder, 3, 'w', NOW)).toThrow('您已有3个进行中的心愿')
    try {
      createWish(draft, elder, 3, 'w', NOW)
    } catch (error) {
      expect((error as RuleError).code).toBe('CONFLICT')
    }
  })

  it('lets only residents and elders post', () => {
    expect((attemptCreate(volunteer) as RuleError).code).toBe('FORBIDDEN')
    expect((attemptCreate(staff) as RuleError).code).toBe('FORBIDDEN')
    expect(attemptCreate(elder)).toHaveProperty('status', 'pending_review')
  })

  function attemptCreate(actor: WishActor) {
    try {
      return createWish(draft, actor, 0, 'w', NOW)
    } catch (error) {
      return error
    }
  }

  it('names every bad field', () => {
    const errors = validateWishDraft({
      category: '别的',
      title: '',
      description: '😀😀😀',
      preferredTime: 'x'.repeat(31),
      address: { building: '<b>3栋</b>', unit: '', room: '' },
      phone: '12345',
      photos: ['javascript:alert(1)'],
    })
    expect(Object.keys(errors).sort()).toEqual(
      ['address.building', 'address.room', 'category', 'description', 'phone', 'photos', 'preferredTime', 'title'].sort(),
    )
    expect(errors.title).toBe('请填写标题')
    expect(errors.description).toBe('描述不能只有表情或符号')
  })

  it('accepts up to 3 uploaded photos, each once, and nothing but their ids', () => {
    expect(validateWishDraft({ ...draft, photos: ['ph1001', 'ph1002', 'ph1003'] })).toEqual({})
    expect(validateWishDraft({ ...draft, photos: ['ph1', 'ph2', 'ph3', 'ph4'] }).photos).toBe('最多上传3张照片')
    expect(validateWishDraft({ ...draft, photos: ['ph1001', 'ph1001'] }).photos).toBe('同一张照片只能用一次')
    expect(validateWishDraft({ ...draft, photos: ['data:image/jpeg;base64,AAAA'] }).photos).toBe('照片格式不正确，请重新选择')
  })

  it('refuses a missing draft without crashing', () => {
    expect(Object.keys(validateWishDraft(null))).toContain('title')
    expect(Object.keys(validateWishDraft('text'))).toContain('phone')
  })
})

describe('wish transitions', () => {
  // Every action from every status by its rightful actor: allowed or refused.
  const RIGHTFUL: Record<WishAction, WishActor> = {
    approve: staff,
    reject: staff,
    cancel: resident,
    claim: volunteer2,
    release: volunteer,
    complete: volunteer,
    confirm: resident,
  }
  const ALLOWED: Record<WishAction, [WishStatus, WishStatus][]> = {
    approve: [['pending_review', 'open']],
    reject: [['pending_review', 'rejected']],
    cancel: [
      ['pending_review', 'cancelled'],
      ['open', 'cancelled'],
    ],
    claim: [['open', 'claimed']],
    release: [['claimed', 'open']],
    complete: [['claimed', 'completed']],
    confirm: [['completed', 'confirmed']],
  }
  const STATUSES: WishStatus[] = ['pending_review', 'open', 'claimed', 'completed', 'confirmed', 'rejected', 'cancelled']

  for (const action of Object.keys(ALLOWED) as WishAction[]) {
    for (const from of STATUSES) {
      const to = ALLOWED[action].find(([f]) => f === from)?.[1]
      it(`${action} from ${from}: ${to ? `→ ${to}` : 'refused with CONFLICT'}`, () => {
        // The claimer stays on record so only the status decides here.
        const holder = action === 'release' || action === 'complete' ? { claimedBy: volunteer.id, claimedByName: volunteer.name } : {}
        const result = attempt(wishIn(from, holder), action, RIGHTFUL[action])
        if (to) {
          expect(result).toHaveProperty('status', to)
        } else {
          expect(result).toBeInstanceOf(RuleError)
          expect((result as RuleError).code).toBe('CONFLICT')
        }
      })
    }
  }

  it('refuses the wrong people with FORBIDDEN', () => {
    const cases: [WishStatus, WishAction, WishActor][] = [
      ['pending_review', 'approve', volunteer],
      ['pending_review', 'reject', resident],
      ['open', 'cancel', elder],
      ['open', 'cancel', staff],
      ['open', 'claim', resident],
      ['open', 'claim', staff],
      ['open', 'claim', otherGridVolunteer],
      ['claimed', 'release', volunteer2],
      ['claimed', 'complete', volunteer2],
      ['completed', 'confirm', elder],
      ['completed', 'confirm', volunteer],
    ]
    for (const [status, action, actor] of cases) {
      const result = attempt(wishIn(status), action, actor)
      expect([status, action, actor.id, (result as RuleError).code]).toEqual([status, action, actor.id, 'FORBIDDEN'])
    }
  })

  it('tells a late volunteer the wish was already claimed', () => {
    const claimed = applyWishAction(wishIn('open'), 'claim', volunteer, {}, NOW)
    expect(claimed.claimedByName).toBe('赵志强')
    const late = attempt(claimed, 'claim', volunteer2) as RuleError
    expect(late.code).toBe('CONFLICT')
    expect(late.message).toBe('该心愿已被认领')
  })

  it('releases a claim back to open and forgets the volunteer', () => {
    const released = applyWishAction(wishIn('claimed'), 'release', volunteer, { reason: '临时出差' }, NOW)
    expect(released).toMatchObject({ status: 'open', claimedBy: null, claimedByName: null })
    expect(released.events.at(-1)).toMatchObject({ action: 'release', note: '临时出差' })
  })

  it('checks the input of reject, release, complete and confirm', () => {
    const bad: [WishStatus, WishAction, WishActor, object, string][] = [
      ['pending_review', 'reject', staff, { reason: ' ' }, 'reason'],
      ['claimed', 'release', volunteer, {}, 'reason'],
      ['claimed', 'complete', volunteer, { note: '修好了', hours: 0 }, 'hours'],
      ['claimed', 'complete', volunteer, { note: '修好了', hours: 12.5 }, 'hours'],
      ['claimed', 'complete', volunteer, { note: '修好了', hours: '两小时' }, 'hours'],
      ['claimed', 'complete', volunteer, { note: '', hours: 2 }, 'note'],
      ['completed', 'confirm', resident, { rating: 0 }, 'rating'],
      ['completed', 'confirm', resident, { rating: 6 }, 'rating'],
      ['completed', 'confirm', resident, { rating: 4.5 }, 'rating'],
      ['completed', 'confirm', resident, { rating: 5, thanks: '<script>x</script>' }, 'thanks'],
    ]
    for (const [status, action, actor, input, field] of bad) {
      let error: RuleError | null = null
      try {
        applyWishAction(wishIn(status), action, actor, input, NOW)
      } catch (e) {
        error = e as RuleError
      }
      expect([action, field, error?.code, Boolean(error?.fields[field])]).toEqual([action, field, 'VALIDATION', true])
    }
  })

  it('records hours at the exact limits 0.5 and 12', () => {
    expect(applyWishAction(wishIn('claimed'), 'complete', volunteer, { note: '陪聊', hours: 0.5 }, NOW).hours).toBe(0.5)
    expect(applyWishAction(wishIn('claimed'), 'complete', volunteer, { note: '陪聊', hours: 12 }, NOW).hours).toBe(12)
  })
})

describe('the 7-day rule', () => {
  // Completed on Wednesday 2026-11-25 at 10:00 China time: the 7th day after is
  // Wednesday 2026-12-02; from Thursday 2026-12-03 00:00 it counts as confirmed.
  const completed = wishIn('completed', { completedAt: '2026-11-25T10:00:00+08:00' })

  it('sets the deadline at the start of the 8th China day', () => {
    expect(autoConfirmAt('2026-11-25T10:00:00+08:00')).toBe('2026-12-03T00:00:00+08:00')
    // 23:30 UTC on the 24th is already the 25th in China.
    expect(autoConfirmAt('2026-11-24T23:30:00Z')).toBe('2026-12-03T00:00:00+08:00')
  })

  it('is still completed one second before the deadline, confirmed exactly at it', () => {
    expect(effectiveStatus(completed, at('2026-12-02T23:59:59'))).toBe('completed')
    expect(effectiveStatus(completed, at('2026-12-03T00:00:00'))).toBe('confirmed')
  })

  it('no longer offers confirmation once it counts as confirmed', () => {
    expect(allowedActions(completed, resident, at('2026-12-02T23:59:59'))).toEqual(['confirm'])
    expect(allowedActions(completed, resident, at('2026-12-03T00:00:00'))).toEqual([])
    const late = (() => {
      try {
        return applyWishAction(completed, 'confirm', resident, INPUT.confirm, at('2026-12-03T00:00:00'))
      } catch (e) {
        return e as RuleError
      }
    })()
    expect((late as RuleError).code).toBe('CONFLICT')
  })
})

describe('allowed actions per viewer', () => {
  it('offers each role exactly its actions', () => {
    expect(allowedActions(wishIn('pending_review'), staff, NOW)).toEqual(['approve', 'reject'])
    expect(allowedActions(wishIn('pending_review'), resident, NOW)).toEqual(['cancel'])
    expect(allowedActions(wishIn('open'), volunteer2, NOW)).toEqual(['claim'])
    expect(allowedActions(wishIn('open'), otherGridVolunteer, NOW)).toEqual([])
    expect(allowedActions(wishIn('claimed'), volunteer, NOW)).toEqual(['release', 'complete'])
    expect(allowedActions(wishIn('claimed'), volunteer2, NOW)).toEqual([])
    expect(allowedActions(wishIn('confirmed'), resident, NOW)).toEqual([])
  })
})

describe('privacy', () => {
  it('shows other volunteers the building only, a masked phone and name', () => {
    const view = wishFor(wishIn('open'), volunteer2, NOW)!
    expect(view.address).toEqual({ building: '友谊路9号3栋', unit: '', room: '' })
    expect(view.phone).toBe('138****1234')
    expect(view.ownerName).toBe('李*')
    expect(JSON.stringify(view)).not.toContain('13804521234')
    expect(JSON.stringify(view)).not.toContain('501')
  })

  it('shows the claiming volunteer, the owner and staff everything', () => {
    for (const viewer of [volunteer, resident, staff]) {
      const view = wishFor(wishIn('claimed'), viewer, NOW)!
      expect([viewer.id, view.phone, view.address.room]).toEqual([viewer.id, '13804521234', '501'])
    }
  })

  it('hides a wish from other residents and other grids entirely', () => {
    expect(wishFor(wishIn('open'), elder, NOW)).toBeNull()
    expect(wishFor(wishIn('open'), otherGridVolunteer, NOW)).toBeNull()
  })

  it('masks every name in a limited view: owner, reviewer, claimer, helper and history', () => {
    let wish = applyWishAction(wishIn('pending_review'), 'approve', staff, {}, NOW)
    wish = applyWishAction(wish, 'claim', volunteer, {}, NOW)
    wish = applyWishAction(wish, 'release', volunteer, { reason: '临时有事' }, NOW)
    wish = { ...wish, actedBy: { id: 's1', name: '刘芳', role: 'staff', at: '2026-11-25T09:00:00+08:00' } }
    const view = wishFor(wish, volunteer2, NOW)!
    const text = JSON.stringify(view)
    for (const name of ['李明', '刘芳', '赵志强']) expect(text).not.toContain(name)
    expect(view.events.map((e) => e.byName)).toEqual(['李*', '刘*', '赵*强', '赵*强'])
    expect(view.actedBy?.name).toBe('刘*')
  })

  it('keeps wishes awaiting review or rejected from volunteers of the grid', () => {
    expect(wishFor(wishIn('pending_review'), volunteer2, NOW)).toBeNull()
    expect(wishFor(wishIn('rejected', { rejectReason: '重复' }), volunteer2, NOW)).toBeNull()
    expect(wishFor(wishIn('open'), volunteer2, NOW)).not.toBeNull()
    expect(wishFor(wishIn('pending_review'), staff, NOW)).not.toBeNull()
  })
})
