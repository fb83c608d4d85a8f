import type { Booking } from '../../src/domain/clinic'
import type { Application } from '../../src/domain/jobs'
import type { Activity, SignUp } from '../../src/domain/activity'
import type { Matter } from '../../src/domain/matters'
import type { MediationBooking } from '../../src/domain/mediation'
import { activityFactOf, breakdown, figuresOf, matterFactOf, median, mediationFactOf, participationOf, perActivity, perUnit, type StatsInput } from '../../src/domain/stats'
import type { Wish, WishStatus } from '../../src/domain/wish'

const NOW = Date.parse('2026-11-25T10:00:00+08:00')

function wish(id: string, grid: string, status: WishStatus, createdAt: string, completedAt: string | null = null, hours: number | null = null): Wish {
  return {
    id, gridCode: grid, status, createdAt, completedAt, hours,
    category: '维修', title: 't', description: 'd', preferredTime: '', address: { building: 'b', unit: '', room: 'r' }, phone: '13800000000', photos: [],
    ownerId: 'o', ownerName: 'o', claimedBy: completedAt ? 'v' : null, claimedByName: completedAt ? 'v' : null,
    completionNote: null, rating: null, thanks: null, rejectReason: null, events: [],
  }
}

function booking(id: string, account: string, status: Booking['status'], createdAt: string): Booking {
  return { id, clinicId: 's', slotId: 't', accountId: account, patientName: id, phone: '13800000000', age: 70, forWhom: '本人', symptoms: '', assistance: [], status, queueNumber: 1, checkInCode: 'c', createdAt, checkedInAt: null, promotedAt: null }
}

function application(id: string, account: string, status: Application['status'], createdAt: string): Application {
  return { id, postingId: 'j', applicantId: account, name: id, phone: '13800000000', note: '', status, createdAt, updatedAt: createdAt }
}

const wishes = [
  // Completed 10 hours after posting, 2 h served (this month, grid A).
  wish('w1', 'A', 'completed', '2026-11-20T08:00:00+08:00', '2026-11-20T18:00:00+08:00', 2),
  // Confirmed, 30 hours, 1.5 h (last month, grid A).
  wish('w2', 'A', 'confirmed', '2026-10-30T08:00:00+08:00', '2026-10-31T14:00:00+08:00', 1.5),
  // Completed 20 hours, 3 h (this month, grid B).
  wish('w3', 'B', 'completed', '2026-11-02T08:00:00+08:00', '2026-11-03T04:00:00+08:00', 3),
  wish('w4', 'A', 'open', '2026-11-24T08:00:00+08:00'),
  wish('w5', 'B', 'cancelled', '2026-11-10T08:00:00+08:00'),
]
const bookings = [
  booking('b1', 'alice', 'checked_in', '2026-11-20T08:00:00+08:00'),
  booking('b2', 'alice', 'booked', '2026-11-21T08:00:00+08:00'),
  booking('b3', 'bob', 'checked_in', '2026-10-20T08:00:00+08:00'),
  booking('b4', 'bob', 'cancelled', '2026-11-20T08:00:00+08:00'),
  booking('b5', 'bob', 'waiting', '2026-11-20T08:00:00+08:00'),
]
const applications = [
  application('a1', 'alice', 'hired', '2026-11-01T08:00:00+08:00'),
  application('a2', 'bob', 'submitted', '2026-11-11T08:00:00+08:00'),
  application('a3', 'bob', 'hired', '2026-09-11T08:00:00+08:00'),
]
const noOthers = { matters: [], mediations: [], activities: [], participations: [] }
const input = { wishes, bookings, applications, ...noOthers, gridOf: (id: string) => (id === 'alice' ? 'A' : id === 'bob' ? 'B' : null) }

describe('figures for the street office', () => {
  it('computes every figure from the records', () => {
    expect(figuresOf({ wishes, bookings, applications, ...noOthers }, NOW)).toEqual({
      wishesPosted: 5,
      wishesFulfilled: 3,
      medianHoursToFulfil: 20, // of 10, 30 and 20 hours
      volunteerParticipations: 3,
      volunteerHours: 6.5,
      clinicBookings: 3, // booked or checked in; not cancelled or waiting
      clinicArrivals: 2,
      attendanceRate: 2 / 3,
      jobApplications: 3,
      jobPlacements: 2,
      mattersRaised: 0,
      mattersSolved: 0,
      hazardsRemoved: 0,
      disputesMediated: 0,
      disputesSettled: 0,
      activityParticipations: 0,
      activityHours: 0,
    })
  })

  it('splits by place and by the China calendar month', () => {
    const gridA = breakdown(input, NOW, (grid) => grid === 'A')
    expect(gridA.overall).toMatchObject({ wishesPosted: 3, wishesFulfilled: 2, volunteerHours: 3.5, clinicBookings: 2, clinicArrivals: 1, jobPlacements: 1 })
    expect(gridA.thisMonth).toMatchObject({ wishesPosted: 2, wishesFulfilled: 1, medianHoursToFulfil: 10, volunteerHours: 2, jobApplications: 1 })
    const gridB = breakdown(input, NOW, (grid) => grid === 'B')
    expect(gridB.thisMonth).toMatchObject({ wishesPosted: 2, wishesFulfilled: 1, clinicBookings: 0, attendanceRate: null, jobApplications: 1, jobPlacements: 0 })
  })

  it('counts a record made at 00:30 China time on the 1st in that month, whatever the zone', () => {
    const firstOfDecember = Date.parse('2026-12-01T10:00:00+08:00')
    const early = [wish('w9', 'A', 'open', '2026-11-30T16:30:00Z')] // 12-01 00:30 in China
    expect(breakdown({ ...input, wishes: early }, firstOfDecember, () => true).thisMonth.wishesPosted).toBe(1)
  })

  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})

describe('the figures of matters, mediation and activities', () => {
  const matter = (grid: string, kind: Matter['kind'], status: Matter['status'], raisedAt: string, confirmedAt?: string) =>
    matterFactOf({
      gridCode: grid,
      kind,
      status,
      raisedAt,
      events: [
        { at: raisedAt, action: 'raise', byName: 'r' },
        ...(confirmedAt ? [{ at: confirmedAt, action: 'confirm' as const, byName: 'r' }] : []),
      ],
    })
  const matters = [
    matter('A', '安全隐患', 'confirmed', '2026-10-28T09:00:00+08:00', '2026-11-02T09:00:00+08:00'), // raised last month, solved this month
    matter('A', '设施损坏', 'confirmed', '2026-11-03T09:00:00+08:00', '2026-11-05T09:00:00+08:00'),
    matter('B', '安全隐患', 'answered', '2026-11-10T09:00:00+08:00'),
    matter('B', '环境卫生', 'merged' as Matter['status'], '2026-11-11T09:00:00+08:00'), // a duplicate merged into another
    // Confirmed once, then reopened: not solved any more.
    { ...matter('A', '安全隐患', 'reopened', '2026-11-12T09:00:00+08:00', '2026-11-13T09:00:00+08:00') },
  ]
  const mediationBooking = (accountId: string, status: MediationBooking['status'], outcome: MediationBooking['outcome']) => ({ accountId, status, outcome })
  const mediations = [
    mediationFactOf(mediationBooking('alice', 'booked', '调解成功'), { date: '2026-11-20', start: '09:00' }),
    mediationFactOf(mediationBooking('bob', 'booked', '转诉讼'), { date: '2026-11-21', start: '09:00' }),
    mediationFactOf(mediationBooking('bob', 'booked', null), { date: '2026-11-28', start: '09:00' }),
    mediationFactOf(mediationBooking('alice', 'cancelled', null), { date: '2026-11-22', start: '09:00' }),
    mediationFactOf(mediationBooking('alice', 'booked', '调解成功'), { date: '2026-10-31', start: '23:30' }), // October in China
  ]
  const activity = (id: string, unit: string, date: string) => activityFactOf({ id, theme: `活动${id}`, unit, date, start: '09:00' } as Activity)
  const activities = [activity('t1', '区供电公司', '2026-11-07'), activity('t2', '区人民医院', '2026-10-10'), activity('t3', '区供电公司', '2026-12-05')]
  const signUp = (activityId: string, accountId: string, extra: Partial<SignUp>) =>
    participationOf({ activityId, accountId, status: 'joined', checkedInAt: null, hours: 0, correction: null, ...extra })
  const participations = [
    signUp('t1', 'alice', { checkedInAt: '2026-11-07T08:50:00+08:00', hours: 2 }),
    signUp('t1', 'bob', { checkedInAt: '2026-11-07T09:10:00+08:00', hours: 1.5, correction: { hours: 2.5, reason: '补录', by: { id: 's', name: 's' }, at: '' } }),
    signUp('t1', 'carol', {}), // never checked in
    signUp('t2', 'alice', { checkedInAt: '2026-10-10T09:00:00+08:00', hours: 3 }),
    signUp('t2', 'bob', { status: 'cancelled', checkedInAt: '2026-10-10T09:00:00+08:00', hours: 3 }),
  ].flatMap((p) => p ?? [])
  const all: StatsInput = {
    wishes: [],
    bookings: [],
    applications: [],
    matters,
    mediations,
    activities,
    participations,
    gridOf: (id) => (id === 'alice' ? 'A' : id === 'bob' ? 'B' : null),
  }

  it('counts solved matters when confirmed, hazards among them, and no merged duplicate as raised', () => {
    const { overall, thisMonth } = breakdown(all, NOW, () => true)
    expect(overall).toMatchObject({ mattersRaised: 4, mattersSolved: 2, hazardsRemoved: 1 })
    expect(thisMonth).toMatchObject({ mattersRaised: 3, mattersSolved: 2, hazardsRemoved: 1 })
    expect(breakdown(all, NOW, (grid) => grid === 'B').overall).toMatchObject({ mattersRaised: 1, mattersSolved: 0, hazardsRemoved: 0 })
  })

  it('counts a mediation held when its outcome is recorded, in the month it took place, by the grid of the resident', () => {
    const { overall, thisMonth } = breakdown(all, NOW, () => true)
    expect(overall).toMatchObject({ disputesMediated: 3, disputesSettled: 2 })
    expect(thisMonth).toMatchObject({ disputesMediated: 2, disputesSettled: 1 })
    expect(breakdown(all, NOW, (grid) => grid === 'B').overall).toMatchObject({ disputesMediated: 1, disputesSettled: 0 })
  })

  it('counts checked-in participations with their credited hours, per grid, activity and unit', () => {
    expect(breakdown(all, NOW, () => true).overall).toMatchObject({ activityParticipations: 3, activityHours: 7.5 })
    expect(breakdown(all, NOW, () => true).thisMonth).toMatchObject({ activityParticipations: 2, activityHours: 4.5 })
    expect(breakdown(all, NOW, (grid) => grid === 'B').overall).toMatchObject({ activityParticipations: 1, activityHours: 2.5 })
    expect(perActivity(all).map((a) => [a.id, a.participations, a.hours])).toEqual([
      ['t3', 0, 0],
      ['t1', 2, 4.5],
      ['t2', 1, 3],
    ])
    // t3 has not taken place yet: no unit counts it.
    expect(perUnit(all, NOW)).toEqual([
      { unit: '区供电公司', overall: { activities: 1, participations: 2, hours: 4.5 }, thisMonth: { activities: 1, participations: 2, hours: 4.5 } },
      { unit: '区人民医院', overall: { activities: 1, participations: 1, hours: 3 }, thisMonth: { activities: 0, participations: 0, hours: 0 } },
    ])
  })
})
