import type { Booking, Clinic } from '../../src/domain/clinic'
import type { Application, Posting } from '../../src/domain/jobs'
import { applicationMessages, bookingMessages, clinicChangedMessages, newWishMessages, wishMessages } from '../../src/domain/messages'
import type { Wish } from '../../src/domain/wish'

const AT = '2026-12-01T10:00:00+08:00'
const clinic = { id: 'c1', title: '心血管专家义诊', date: '2026-12-03', place: '一楼诊室', slots: [{ id: 't1', start: '09:00', end: '09:30', capacity: 3 }] } as Clinic
const booking = (over: Partial<Booking>) =>
  ({ id: 'k1', clinicId: 'c1', slotId: 't1', accountId: 'elder', patientName: '张桂兰', status: 'waiting', queueNumber: null, ...over }) as Booking
const helper = { id: 'volunteer', name: '赵志强', role: 'volunteer' as const, at: AT }

describe('who is told what', () => {
  it('a booking moved in from the waiting list tells its owner and the 代办 helper, once per event', () => {
    const messages = bookingMessages(booking({}), booking({ status: 'booked', queueNumber: 3, actedBy: helper }), clinic, 'resident', AT)
    expect(messages.map((m) => m.accountId)).toEqual(['elder', 'volunteer'])
    expect(messages[0]).toMatchObject({ title: '候补成功，请按时就诊', link: { kind: 'booking', id: 'k1' }, eventKey: 'booking:k1:promoted' })
    expect(messages[0].body).toBe('心血管专家义诊：有人取消，已为张桂兰补上12月3日 09:00的名额，第3号。')
  })

  it('a booking cancelled by staff tells the owner with the reason; one cancelled by its owner tells nobody', () => {
    const cancelled = booking({ status: 'cancelled', cancelledBy: { id: 'staff', name: '刘芳', role: 'staff', reason: '医生临时有事', at: AT } })
    const [told] = bookingMessages(booking({ status: 'booked' }), cancelled, clinic, 'staff', AT)
    expect(told).toMatchObject({ accountId: 'elder', title: '预约已取消', eventKey: 'booking:k1:cancelled' })
    expect(told.body).toContain('原因：医生临时有事')
    expect(bookingMessages(booking({ status: 'booked' }), { ...cancelled, cancelledBy: undefined }, clinic, 'elder', AT)).toEqual([])
    expect(bookingMessages(booking({ status: 'booked' }), booking({ status: 'booked' }), clinic, 'staff', AT)).toEqual([])
  })

  it('a clinic moved to another time tells every active booking, the waiting list included, and no cancelled one', () => {
    const later = { ...clinic, slots: [{ ...clinic.slots[0], start: '10:00', end: '10:30' }] }
    const bookings = [booking({ id: 'k1', status: 'booked' }), booking({ id: 'k2', status: 'waiting', accountId: 'resident' }), booking({ id: 'k3', status: 'cancelled', accountId: 'x' })]
    const told = clinicChangedMessages(clinic, later, bookings, 'staff', AT)
    expect(told.map((m) => [m.accountId, m.link.id])).toEqual([['elder', 'k1'], ['resident', 'k2']])
    expect(told[0].body).toContain('12月3日 10:00')
    expect(clinicChangedMessages(clinic, { ...clinic, title: '改个名字' }, bookings, 'staff', AT)).toEqual([])
  })

  it('a wish approved, rejected, claimed and completed tells its owner; a claim after a release is a new event', () => {
    const wish = { id: 'w1', ownerId: 'resident', title: '楼道灯不亮了', claimedByName: '赵志强', rejectReason: '请写清楼栋', events: [{}, {}] } as unknown as Wish
    expect(wishMessages(wish, 'approve', 'staff', AT)[0]).toMatchObject({ accountId: 'resident', title: '心愿已通过审核', link: { kind: 'wish', id: 'w1' } })
    expect(wishMessages(wish, 'reject', 'staff', AT)[0].body).toContain('原因：请写清楼栋')
    expect(wishMessages(wish, 'claim', 'volunteer', AT)[0].eventKey).toBe('wish:w1:claim:2')
    expect(wishMessages({ ...wish, events: [{}, {}, {}, {}] } as unknown as Wish, 'claim', 'volunteer', AT)[0].eventKey).toBe('wish:w1:claim:4')
    expect(wishMessages(wish, 'complete', 'volunteer', AT)[0].title).toBe('心愿已完成，请确认')
    expect(wishMessages(wish, 'cancel', 'resident', AT)).toEqual([])
    expect(wishMessages(wish, 'approve', 'resident', AT)).toEqual([])
  })

  it('an application moved on by staff tells the applicant', () => {
    const app = { id: 'ap1', applicantId: 'resident', status: 'hired' } as Application
    const [told] = applicationMessages(app, { title: '服装缝纫工', employer: '光明社区共富车间' } as Posting, 'staff', AT)
    expect(told).toMatchObject({ accountId: 'resident', title: '报名已录用', eventKey: 'application:ap1:hired', link: { kind: 'application', id: 'ap1' } })
  })

  it('a wish staff approved tells every volunteer of its grid once, never the one who approved it', () => {
    const wish = { id: 'w7', ownerId: 'elder', title: '帮忙换灯泡', category: '维修', events: [{}, {}] } as unknown as Wish
    const told = newWishMessages(wish, ['v1', 'v2', 'staff'], 'staff', AT)
    expect(told.map((m) => m.accountId)).toEqual(['v1', 'v2'])
    expect(told[0]).toMatchObject({ title: '网格里有新心愿', link: { kind: 'wish', id: 'w7' }, eventKey: 'wish:w7:opened:2' })
    expect(told[0].body).toBe('“帮忙换灯泡”（维修）等待认领，先到先得。')
  })
})
