/* 工作数据: signs in like every page; opens on figures that say something. */
import { api, type Dashboard as DashboardData, type Figures } from '../../src/api'
import { staffApi } from '../../src/api/staff'
import Dashboard from '../../src/staff/pages/dashboard'
import { useSession } from '../../src/stores/session'
import { mountPage } from '../setup/mount-page'

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

const pressed = (container: HTMLElement) => Array.from(container.querySelectorAll('button[aria-pressed="true"]')).map((b) => b.textContent)

describe('the staff dashboard', () => {
  it('signs in first when opened in a fresh browser, instead of saying the session expired', async () => {
    const { container, testUtils } = await mountPage(Dashboard, { path: '/staff/pages/dashboard/index' })
    // The embedded demo signs a fresh browser in as its resident, who may not see the figures.
    await testUtils.queries.waitForQueryByText('您没有权限进行此操作', undefined, { timeout: 3000 })
    expect(container.textContent).not.toContain('登录已过期')
  })

  it('opens on this month when it has figures, and on 累计 when the month has just begun', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const real = await staffApi.getDashboard()
    const first = await mountPage(Dashboard, { path: '/staff/pages/dashboard/index' })
    await first.testUtils.queries.waitForQueryByText('累计', undefined, { timeout: 3000 })
    expect(pressed(first.container)[0]).toMatch(/^本月/)
    first.unmount()

    const zero = Object.fromEntries(Object.entries(real.overall.thisMonth).map(([k, v]) => [k, v === null ? null : 0])) as unknown as Figures
    const firstOfMonth: DashboardData = { ...real, overall: { ...real.overall, thisMonth: zero } }
    jest.spyOn(staffApi, 'getDashboard').mockResolvedValue(firstOfMonth)
    const { container, testUtils } = await mountPage(Dashboard, { path: '/staff/pages/dashboard/index' })
    await testUtils.queries.waitForQueryByText('累计', undefined, { timeout: 3000 })
    expect(pressed(container)[0]).toBe('累计')
  })

  it('shows matters, mediation and each unit’s activities for the period chosen', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const real = await staffApi.getDashboard()
    const month = { ...real.overall.thisMonth, mattersRaised: 7, mattersSolved: 5, hazardsRemoved: 2, disputesMediated: 3, disputesSettled: 2, activityParticipations: 12, activityHours: 30.5 }
    const units = [{ unit: '区供电公司', overall: { activities: 4, participations: 40, hours: 90 }, thisMonth: { activities: 1, participations: 12, hours: 30.5 } }]
    const activities = [{ id: 'h1', theme: '植树护绿', unit: '区供电公司', at: '2026-11-07T09:00:00+08:00', participations: 12, hours: 30.5 }]
    jest.spyOn(staffApi, 'getDashboard').mockResolvedValue({ ...real, overall: { ...real.overall, thisMonth: month }, units, activities })
    const { container, testUtils } = await mountPage(Dashboard, { path: '/staff/pages/dashboard/index' })
    await testUtils.queries.waitForQueryByText('各共建单位 · 志愿活动', undefined, { timeout: 3000 })
    const text = container.textContent ?? ''
    expect(text).toContain('7 件，解决 5 件')
    expect(text).toContain('2 处')
    expect(text).toContain('3 起，调解成功 2 起')
    expect(text).toContain('区供电公司1 场，12 人次，30.5 小时')
    expect(text).toContain('11月7日 植树护绿12 人次，30.5 小时')
    const overall = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === '累计')!
    overall.click()
    await testUtils.queries.waitForQueryByText('4 场，40 人次，90 小时', undefined, { timeout: 3000 })
  })
})
