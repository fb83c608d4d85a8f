import {
  CLOSED_NAME,
  closedAccount,
  closedAccountsBookings,
  closedApplication,
  closedOwnersWish,
  closedVolunteersWish,
  closedWishMessages,
} from '../../src/domain/accountClosure'
import type { Booking, Clinic } from '../../src/domain/clinic'
import type { Application } from '../../src/domain/jobs'
import { figuresOf } from '../../src/domain/stats'
import type { Wish } from '../../src/domain/wish'

const NOW = Date.parse('2026-12-01T10:00:00+08:00')
const clinic = (date: string) =>
  ({ id: 'c1', title: '心血管专家义诊', date, place: '一楼诊室', cutoffMinutes: 120, slots: [{ id: 't1', start: '09:00', end: '09:30', capacity: 1 }] }) as Clinic
const booking = (over: Partial<Booking>) =>
  ({
    id: 'k1',
    clinicId: 'c1',
    slotId: 't1',
    accountId: 'elder',
    patientName: '张桂兰',
    phone: '13800001111',
    age: 72,
    symptoms: '胸闷',
    assistance: ['wheelchair'],
    status: 'booked',
    queueNumber: 1,
    createdAt: '2026-11-20T09:00:00+08:00',
    ...over,
  }) as Booking
const wish = (over: Partial<Wish>) =>
  ({
    id: 'w1',
    ownerId: 'elder',
    ownerName: '张桂兰',
    title: '楼道灯不亮了',
    description: '三楼的灯坏了，晚上看不见',
    preferredTime: '周末上午',
    address: { building: '3栋', unit: '2单元', room: '301' },
    phone: '13800001111',
    photos: ['ph1001'],
    status: 'open',
    createdAt: '2026-11-20T09:00:00+08:00',
    claimedBy: null,
    claimedByName: null,
    completedAt: null,
    hours: null,
    rating: null,
    thanks: null,
    events: [{ at: '2026-11-20T09:00:00+08:00', action: 'post', byName: '张桂兰' }],
    ...over,
  }) as Wish

describe('注销账号: what is withdrawn and what is erased', () => {
  it('the account keeps no name, number or WeChat identity, and remembers when it was closed', () => {
    // 在职党员 is something about the person: erased too.
    const closed = closedAccount({ id: 'elder', name: '张桂兰', phone: '13800001111', openid: 'o-1', role: 'elder', gridCode: 'DA0103', partyMember: true }, NOW)
    expect(closed).toEqual({ id: 'elder', name: CLOSED_NAME, phone: '', openid: null, role: 'elder', gridCode: 'DA0103', closedAt: '2026-12-01T10:00:00+08:00' })
  })

  it('an unfinished wish is cancelled and loses address, phone, description and photos; a fulfilled one keeps its status, hours and rating', () => {
    const open = closedOwnersWish(wish({}), NOW)
    expect(open).toMatchObject({ status: 'cancelled', ownerName: CLOSED_NAME, description: '', preferredTime: '', phone: '', photos: [], address: { building: '', unit: '', room: '' } })
    expect(open.events.map((e) => [e.action, e.byName])).toEqual([
      ['post', CLOSED_NAME],
      ['cancel', CLOSED_NAME],
    ])
    const done = wish({ status: 'confirmed', claimedBy: 'v1', claimedByName: '赵志强', completedAt: '2026-11-22T09:00:00+08:00', hours: 2, rating: 5, thanks: '谢谢小赵' })
    const kept = closedOwnersWish(done, NOW)
    expect(kept).toMatchObject({ status: 'confirmed', hours: 2, rating: 5, thanks: '', claimedByName: '赵志强', title: '楼道灯不亮了' })
    expect(JSON.stringify(kept)).not.toMatch(/张桂兰|13800001111|301|谢谢小赵/)
  })

  it('the volunteer who had claimed a withdrawn wish is told not to come; nobody is told of an open one', () => {
    const claimed = wish({ status: 'claimed', claimedBy: 'v1', claimedByName: '赵志强' })
    const [told] = closedWishMessages(claimed, closedOwnersWish(claimed, NOW), '2026-12-01T10:00:00+08:00')
    expect(told).toMatchObject({ accountId: 'v1', title: '心愿已取消', link: { kind: 'wish', id: 'w1' }, eventKey: 'wish:w1:cancel:2' })
    expect(closedWishMessages(wish({}), closedOwnersWish(wish({}), NOW), '2026-12-01T10:00:00+08:00')).toEqual([])
  })

  it("a closing volunteer's claimed wish goes back to the grid; a done one keeps its hours under no name", () => {
    const claimed = wish({ status: 'claimed', claimedBy: 'v1', claimedByName: '赵志强', events: [{ at: 'x', action: 'claim', byName: '赵志强' }] })
    const back = closedVolunteersWish(claimed, NOW)
    expect(back).toMatchObject({ status: 'open', claimedBy: null, claimedByName: null })
    expect(JSON.stringify(back)).not.toContain('赵志强')
    const done = closedVolunteersWish({ ...claimed, status: 'completed', hours: 1.5 }, NOW)
    expect(done).toMatchObject({ status: 'completed', claimedBy: 'v1', claimedByName: CLOSED_NAME, hours: 1.5 })
  })

  it('a booked place still to come is cancelled and the first on the waiting list moves in; the own waiting booking does not', () => {
    const mine = booking({})
    const myOtherPatient = booking({ id: 'k2', status: 'waiting', queueNumber: null, patientName: '李建国', createdAt: '2026-11-21T09:00:00+08:00' })
    const neighbour = booking({ id: 'k3', accountId: 'r9', status: 'waiting', queueNumber: null, patientName: '王秀英', createdAt: '2026-11-22T09:00:00+08:00' })
    const changed = closedAccountsBookings('elder', clinic('2026-12-03'), [mine, myOtherPatient, neighbour], NOW)
    const byId = new Map(changed.map((b) => [b.id, b]))
    expect(byId.get('k1')).toMatchObject({ status: 'cancelled', patientName: CLOSED_NAME, phone: '', symptoms: '', assistance: [], age: 72 })
    expect(byId.get('k2')).toMatchObject({ status: 'cancelled', patientName: CLOSED_NAME })
    expect(byId.get('k3')).toMatchObject({ status: 'booked', queueNumber: 2, patientName: '王秀英', promotedAt: '2026-12-01T10:00:00+08:00' })
  })

  it('a past booking keeps its status for the figures, without the patient', () => {
    const past = booking({ status: 'checked_in' })
    const [erased] = closedAccountsBookings('elder', clinic('2026-11-25'), [past], NOW)
    expect(erased).toMatchObject({ status: 'checked_in', patientName: CLOSED_NAME, phone: '', symptoms: '' })
    const noShow = booking({ status: 'booked' })
    expect(closedAccountsBookings('elder', clinic('2026-11-25'), [noShow], NOW)[0].status).toBe('booked')
  })

  it("the street office's figures are the same before and after closing (a waiting booking takes the place given up)", () => {
    const wishes = [wish({}), wish({ id: 'w2', status: 'completed', claimedBy: 'v1', claimedByName: '赵志强', completedAt: '2026-11-22T09:00:00+08:00', hours: 2 })]
    const bookings = [booking({ status: 'checked_in', clinicId: 'c0' }), booking({ id: 'k2' }), booking({ id: 'k3', accountId: 'r9', status: 'waiting', queueNumber: null })]
    const applications = [{ id: 'a1', applicantId: 'elder', name: '张桂兰', phone: '13800001111', note: '会缝纫', status: 'hired' } as Application]
    const others = { matters: [], mediations: [], activities: [], participations: [] }
    const before = figuresOf({ wishes, bookings, applications, ...others }, NOW)
    const closedWishes = wishes.map((w) => closedOwnersWish(w, NOW))
    const closedBookings = [
      ...closedAccountsBookings('elder', clinic('2026-11-25'), [bookings[0]], NOW),
      ...closedAccountsBookings('elder', clinic('2026-12-03'), bookings.slice(1), NOW),
    ]
    const after = figuresOf({ wishes: closedWishes, bookings: closedBookings, applications: applications.map(closedApplication), ...others }, NOW)
    expect(after).toEqual(before)
    expect(JSON.stringify([closedWishes, closedBookings.filter((b) => b.accountId === 'elder'), applications.map(closedApplication)])).not.toMatch(/张桂兰|13800001111|胸闷|会缝纫/)
  })
})
