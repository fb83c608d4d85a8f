import type { Booking } from '../../src/domain/clinic'
import type { Application } from '../../src/domain/jobs'
import { breakdown, figuresOf, median } from '../../src/domain/stats'
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
const input = { wishes, bookings, applications, gridOf: (id: string) => (id === 'alice' ? 'A' : id === 'bob' ? 'B' : null) }

describe('figures for the street office', () => {
  it('computes every figure from the records', () => {
    expect(figuresOf(wishes, bookings, applications, NOW)).toEqual({
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
