import { TARGETS, clientAs, failureOf, type Target } from './targets'

const T0 = Date.parse('2026-11-25T10:00:00+08:00')
const now = () => T0

describe.each(TARGETS)('figures contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('matches counts made independently from the records, overall and per grid', async () => {
    // Some activity first: a wish completed, an application hired.
    const staff = await clientAs(t, 'staff')
    const volunteer = await clientAs(t, 'volunteer')
    await volunteer.claimWish('w4')
    await volunteer.completeWish('w4', { note: '教会了挂号', hours: 2.5 })
    await staff.setApplicationStatus('ap1', 'hired')

    const dashboard = await staff.getDashboard()
    const db = await t.records!()
    // Counted here by hand, without src/domain/stats.
    const done = db.wishes.filter((w) => w.status === 'completed' || w.status === 'confirmed')
    const hours = done.reduce((sum, w) => sum + (w.hours ?? 0), 0)
    expect(dashboard.overall.overall).toMatchObject({
      wishesPosted: db.wishes.length,
      wishesFulfilled: done.length,
      volunteerHours: hours,
      clinicBookings: db.bookings.filter((b) => b.status === 'booked' || b.status === 'checked_in').length,
      clinicArrivals: db.bookings.filter((b) => b.status === 'checked_in').length,
      jobApplications: db.applications.length,
      jobPlacements: db.applications.filter((a) => a.status === 'hired').length,
    })
    const da0103 = dashboard.grids.find((g) => g.code === 'DA0103')!
    expect(da0103.figures.overall.wishesPosted).toBe(db.wishes.filter((w) => w.gridCode === 'DA0103').length)
    expect(da0103.figures.overall.volunteerHours).toBe(done.filter((w) => w.gridCode === 'DA0103').reduce((s, w) => s + (w.hours ?? 0), 0))
    const dongan = dashboard.communities.find((c) => c.name === '东安社区')!
    expect(dongan.figures.overall.wishesPosted).toBe(db.wishes.filter((w) => w.gridCode.startsWith('DA01')).length)
    expect(dashboard.grids).toHaveLength(db.grids.length)

    const summary = await (await clientAs(t, null)).getPublicSummary()
    expect(summary).toEqual({
      deedsDone: done.length + dashboard.overall.overall.clinicArrivals + dashboard.overall.overall.jobPlacements,
      volunteerHours: hours,
      clinicArrivals: dashboard.overall.overall.clinicArrivals,
      jobPlacements: db.applications.filter((a) => a.status === 'hired').length,
    })
  })

  it('keeps the dashboard to staff and the summary public', async () => {
    for (const who of ['resident', 'elder', 'volunteer'] as const) {
      expect((await failureOf((await clientAs(t, who)).getDashboard())).code).toBe('FORBIDDEN')
    }
    expect((await failureOf((await clientAs(t, null)).getDashboard())).code).toBe('UNAUTHORIZED')
    expect((await (await clientAs(t, null)).getPublicSummary()).volunteerHours).toBeGreaterThan(0)
  })
})
