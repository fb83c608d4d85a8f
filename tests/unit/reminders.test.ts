/* Time-driven events in China time: the unit config runs under TZ=UTC and
 * TZ=Pacific/Honolulu (UTC−10, where the China evening is still the morning
 * of the day before), so a rule that read the machine's zone would fail. */
import type { Booking, Clinic } from '../../src/domain/clinic'
import { autoConfirmedMessages, reminderMessages } from '../../src/domain/messages'
import { autoConfirmScan, dueAutoConfirmations, dueReminders, reminderDates, reminderWindows } from '../../src/domain/reminders'
import type { Wish } from '../../src/domain/wish'

const china = (wall: string) => Date.parse(`${wall}+08:00`)
const AT = '2026-12-02T18:00:00+08:00'

// Thursday 2026-12-03: slot t1 at 09:00, slot t2 at 00:30 (just after midnight).
const clinic = {
  id: 'c1',
  title: '心血管专家义诊',
  date: '2026-12-03',
  place: '一楼诊室',
  slots: [
    { id: 't1', start: '09:00', end: '09:30', capacity: 3 },
    { id: 't2', start: '00:30', end: '01:00', capacity: 3 },
  ],
} as Clinic
const booking = (over: Partial<Booking> = {}) =>
  ({ id: 'k1', clinicId: 'c1', slotId: 't1', accountId: 'elder', patientName: '张桂兰', status: 'booked', queueNumber: 2, createdAt: '2026-11-30T10:00:00+08:00', promotedAt: null, ...over }) as Booking

describe('when a clinic reminder is due', () => {
  it('puts the evening reminder at 18:00 China time the day before and the other 2 hours before the slot', () => {
    const [eve, soon] = reminderWindows(clinic, '09:00')
    expect(eve).toEqual({ kind: 'eve', dueAt: china('2026-12-02T18:00:00'), until: china('2026-12-03T07:00:00') })
    expect(soon).toEqual({ kind: '2h', dueAt: china('2026-12-03T07:00:00'), until: china('2026-12-03T09:00:00') })
    // In UTC the evening reminder is 10:00 on the 2nd; in Honolulu, midnight of the 2nd.
    expect(new Date(eve.dueAt).toISOString()).toBe('2026-12-02T10:00:00.000Z')
  })

  it('finds nothing at 17:59:59, the evening reminder at 18:00 exactly, and the 2-hour one at 07:00', () => {
    expect(dueReminders([clinic], [booking()], china('2026-12-02T17:59:59'))).toEqual([])
    expect(dueReminders([clinic], [booking()], china('2026-12-02T18:00:00')).map((r) => r.kind)).toEqual(['eve'])
    expect(dueReminders([clinic], [booking()], china('2026-12-03T06:59:59')).map((r) => r.kind)).toEqual(['eve'])
    expect(dueReminders([clinic], [booking()], china('2026-12-03T07:00:00')).map((r) => r.kind)).toEqual(['2h'])
    expect(dueReminders([clinic], [booking()], china('2026-12-03T08:59:59')).map((r) => r.kind)).toEqual(['2h'])
  })

  it('sends nothing late: not once the slot has started', () => {
    expect(dueReminders([clinic], [booking()], china('2026-12-03T09:00:00'))).toEqual([])
    expect(dueReminders([clinic], [booking()], china('2026-12-04T18:00:00'))).toEqual([])
  })

  it('keeps the order for a slot just after midnight: 18:00, then 22:30 the day before', () => {
    const early = booking({ slotId: 't2' })
    expect(reminderWindows(clinic, '00:30').map((w) => [w.kind, w.dueAt])).toEqual([
      ['eve', china('2026-12-02T18:00:00')],
      ['2h', china('2026-12-02T22:30:00')],
    ])
    expect(dueReminders([clinic], [early], china('2026-12-02T22:29:59')).map((r) => r.kind)).toEqual(['eve'])
    expect(dueReminders([clinic], [early], china('2026-12-02T22:30:00')).map((r) => r.kind)).toEqual(['2h'])
  })

  it('reminds only bookings that hold a place, and not one made after the reminder moment', () => {
    const at = china('2026-12-02T19:00:00')
    for (const status of ['waiting', 'cancelled', 'checked_in'] as const) expect(dueReminders([clinic], [booking({ status })], at)).toEqual([])
    expect(dueReminders([clinic], [booking({ createdAt: '2026-12-02T18:30:00+08:00' })], at)).toEqual([])
    // Moved in from the waiting list at 18:30: the 候补成功 message just told the time.
    expect(dueReminders([clinic], [booking({ promotedAt: '2026-12-02T18:30:00+08:00' })], at)).toEqual([])
    expect(dueReminders([clinic], [booking({ promotedAt: '2026-12-02T17:00:00+08:00' })], at)).toHaveLength(1)
    expect(dueReminders([clinic], [booking({ slotId: 'gone' }), booking({ clinicId: 'c9' })], at)).toEqual([])
  })

  it('scans the clinics of today and tomorrow in China, whatever the machine zone', () => {
    // 2026-12-02 23:30 in China is 15:30 UTC and 05:30 in Honolulu, both still the 2nd there too,
    // but 00:30 on the 3rd in China is the 2nd in UTC and Honolulu.
    expect(reminderDates(china('2026-12-03T00:30:00'))).toEqual({ from: '2026-12-03', to: '2026-12-04' })
    expect(reminderDates(china('2026-12-02T23:59:59'))).toEqual({ from: '2026-12-02', to: '2026-12-03' })
  })

  it('words each reminder for the owner and the 代办 helper, one event key per booking and kind', () => {
    const helper = { id: 'volunteer', name: '赵志强', role: 'volunteer' as const, at: AT }
    const [owner, told] = reminderMessages(booking({ actedBy: helper }), clinic, 'eve', AT)
    expect([owner.accountId, told.accountId]).toEqual(['elder', 'volunteer'])
    expect(owner).toMatchObject({ title: '明天义诊，请按时就诊', eventKey: 'booking:k1:remind-eve', link: { kind: 'booking', id: 'k1' } })
    expect(owner.body).toBe('心血管专家义诊（张桂兰）：12月3日 09:00，第2号，地点：一楼诊室。到场出示签到码。')
    expect(reminderMessages(booking(), clinic, '2h', AT)).toEqual([expect.objectContaining({ accountId: 'elder', title: '义诊2小时后开始', eventKey: 'booking:k1:remind-2h' })])
  })
})

describe('the counted-as-confirmed message of a completed wish', () => {
  // Completed Wednesday 2026-11-25 10:00 China time: counts as confirmed from Thursday 2026-12-03 00:00.
  const wish = { id: 'w1', ownerId: 'elder', title: '代买降压药', status: 'completed', completedAt: '2026-11-25T10:00:00+08:00', events: [] } as unknown as Wish

  it('is due from 00:00 China time of the 8th day, for 3 days, and only while nobody confirmed', () => {
    expect(dueAutoConfirmations([wish], china('2026-12-02T23:59:59'))).toEqual([])
    expect(dueAutoConfirmations([wish], china('2026-12-03T00:00:00'))).toEqual([wish])
    expect(dueAutoConfirmations([wish], china('2026-12-05T23:59:59'))).toEqual([wish])
    expect(dueAutoConfirmations([wish], china('2026-12-06T00:00:00'))).toEqual([])
    expect(dueAutoConfirmations([{ ...wish, status: 'confirmed' }], china('2026-12-03T00:00:00'))).toEqual([])
  })

  it('scans a completion range that holds every due wish', () => {
    for (const now of ['2026-12-03T00:00:00', '2026-12-04T12:00:00', '2026-12-05T23:59:59'].map(china)) {
      const { from, to } = autoConfirmScan(now)
      const completed = Date.parse(wish.completedAt!)
      expect(from <= completed && completed <= to).toBe(true)
    }
    // Completed at 23:59 China time (15:59 UTC): still the 25th in China.
    const late = { ...wish, completedAt: '2026-11-25T23:59:00+08:00' }
    expect(dueAutoConfirmations([late], china('2026-12-03T00:00:00'))).toEqual([late])
    expect(autoConfirmScan(china('2026-12-03T00:00:00')).to).toBeGreaterThanOrEqual(Date.parse(late.completedAt))
  })

  it('tells the owner once, keyed by the wish', () => {
    const [told] = autoConfirmedMessages(wish, AT)
    expect(told).toMatchObject({ accountId: 'elder', title: '心愿已自动确认', eventKey: 'wish:w1:auto-confirmed', link: { kind: 'wish', id: 'w1' } })
    expect(told.body).toBe('“代买降压药”完成已满7天，已自动确认完成。')
  })
})
