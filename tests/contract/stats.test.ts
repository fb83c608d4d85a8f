import type { Dashboard, Figures } from '../../src/api/types'
import { ACTIVITY } from './drafts'
import { TARGETS, clientAs, failureOf, type Target } from './targets'

const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock
const at = (iso: string) => Date.parse(`${iso}+08:00`)

/** What changed in the figures between two dashboards, for the figures this test moves. */
function moved(before: Figures, after: Figures) {
  const keys = ['mattersRaised', 'mattersSolved', 'hazardsRemoved', 'disputesMediated', 'disputesSettled', 'activityParticipations', 'activityHours'] as const
  return Object.fromEntries(keys.map((k) => [k, Math.round((after[k] - before[k]) * 10) / 10]))
}
const gridOf = (d: Dashboard, code: string) => d.grids.find((g) => g.code === code)!.figures

describe.each(TARGETS)('figures contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
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
      // Matters, mediations and activities are counted independently in the next test, by what it changes.
      deedsDone: done.length + dashboard.overall.overall.clinicArrivals + dashboard.overall.overall.jobPlacements + dashboard.overall.overall.mattersSolved + dashboard.overall.overall.disputesSettled,
      volunteerHours: hours + dashboard.overall.overall.activityHours,
      clinicArrivals: dashboard.overall.overall.clinicArrivals,
      jobPlacements: db.applications.filter((a) => a.status === 'hired').length,
      mattersSolved: dashboard.overall.overall.mattersSolved,
      hazardsRemoved: dashboard.overall.overall.hazardsRemoved,
      disputesMediated: dashboard.overall.overall.disputesMediated,
      activityParticipations: dashboard.overall.overall.activityParticipations,
    })
  })

  it('counts a hazard solved, a dispute settled and an activity served, in the grid, the month and the summary', async () => {
    const staff = await clientAs(t, 'staff')
    const resident = await clientAs(t, 'resident') // 李明, grid DA0103
    const volunteer = await clientAs(t, 'volunteer') // 赵志强, grid DA0103
    const anyone = await clientAs(t, null)
    const activity = await staff.publishActivity({ ...ACTIVITY, theme: '清理楼道杂物', unit: '区消防救援大队' })
    await volunteer.signUpForActivity(activity.id)
    const before = await staff.getDashboard()
    const summaryBefore = await anyone.getPublicSummary()

    // A safety hazard raised, answered and confirmed.
    const hazard = await resident.raiseMatter({ kind: '安全隐患', text: '5栋楼道堆满纸箱，挡住了消防通道', building: '友谊路9号5栋', unit: '', public: true })
    await volunteer.acceptMatter(hazard.id)
    await volunteer.answerMatter(hazard.id, '纸箱已清走，通道畅通')
    await resident.confirmMatter(hazard.id)
    // A mediation held on 11-26 that settled.
    const mediation = await resident.bookMediation('ms1', { name: '李明', phone: '13804521234', description: '楼上漏水到我家，协商无果' })
    clock = at('2026-11-26T10:30:00')
    await staff.recordMediationOutcome(mediation.id, '调解成功', '双方同意分担维修费用')
    // An activity served from 09:00 to 10:30: 1.5 hours.
    clock = at('2026-11-28T08:55:00')
    await volunteer.checkInToActivity(activity.id, (await staff.getLiveCode(activity.id)).code)
    clock = at('2026-11-28T10:30:00')
    await volunteer.checkOutOfActivity(activity.id, (await staff.getLiveCode(activity.id)).code)

    const after = await staff.getDashboard()
    const expected = { mattersRaised: 1, mattersSolved: 1, hazardsRemoved: 1, disputesMediated: 1, disputesSettled: 1, activityParticipations: 1, activityHours: 1.5 }
    expect(moved(before.overall.overall, after.overall.overall)).toEqual(expected)
    expect(moved(before.overall.thisMonth, after.overall.thisMonth)).toEqual(expected)
    expect(moved(gridOf(before, 'DA0103').overall, gridOf(after, 'DA0103').overall)).toEqual(expected)
    const untouched = { mattersRaised: 0, mattersSolved: 0, hazardsRemoved: 0, disputesMediated: 0, disputesSettled: 0, activityParticipations: 0, activityHours: 0 }
    expect(moved(gridOf(before, 'DA0101').overall, gridOf(after, 'DA0101').overall)).toEqual(untouched)
    expect(after.activities.find((a) => a.id === activity.id)).toEqual({ id: activity.id, theme: '清理楼道杂物', unit: '区消防救援大队', at: '2026-11-28T09:00:00+08:00', participations: 1, hours: 1.5 })
    expect(after.units.find((u) => u.unit === '区消防救援大队')).toEqual({ unit: '区消防救援大队', overall: { activities: 1, participations: 1, hours: 1.5 }, thisMonth: { activities: 1, participations: 1, hours: 1.5 } })
    // An activity that has not started is not listed yet.
    expect(before.activities.some((a) => a.id === activity.id)).toBe(false)

    const summary = await anyone.getPublicSummary()
    expect({
      deedsDone: summary.deedsDone - summaryBefore.deedsDone,
      volunteerHours: Math.round((summary.volunteerHours - summaryBefore.volunteerHours) * 10) / 10,
      mattersSolved: summary.mattersSolved - summaryBefore.mattersSolved,
      hazardsRemoved: summary.hazardsRemoved - summaryBefore.hazardsRemoved,
      disputesMediated: summary.disputesMediated - summaryBefore.disputesMediated,
      activityParticipations: summary.activityParticipations - summaryBefore.activityParticipations,
    }).toEqual({ deedsDone: 2, volunteerHours: 1.5, mattersSolved: 1, hazardsRemoved: 1, disputesMediated: 1, activityParticipations: 1 })
  })

  it('keeps the dashboard to staff and the summary public', async () => {
    for (const who of ['resident', 'elder', 'volunteer'] as const) {
      expect((await failureOf((await clientAs(t, who)).getDashboard())).code).toBe('FORBIDDEN')
    }
    expect((await failureOf((await clientAs(t, null)).getDashboard())).code).toBe('UNAUTHORIZED')
    expect((await (await clientAs(t, null)).getPublicSummary()).volunteerHours).toBeGreaterThan(0)
  })
})
