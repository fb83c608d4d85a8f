/* 工作数据: signs in like every page; opens on figures that say something. */
import { api, type Dashboard as DashboardData, type Figures } from '../../src/api'
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
    const real = await api.getDashboard()
    const first = await mountPage(Dashboard, { path: '/staff/pages/dashboard/index' })
    await first.testUtils.queries.waitForQueryByText('累计', undefined, { timeout: 3000 })
    expect(pressed(first.container)[0]).toMatch(/^本月/)
    first.unmount()

    const zero = Object.fromEntries(Object.entries(real.overall.thisMonth).map(([k, v]) => [k, v === null ? null : 0])) as unknown as Figures
    const firstOfMonth: DashboardData = { ...real, overall: { ...real.overall, thisMonth: zero } }
    jest.spyOn(api, 'getDashboard').mockResolvedValue(firstOfMonth)
    const { container, testUtils } = await mountPage(Dashboard, { path: '/staff/pages/dashboard/index' })
    await testUtils.queries.waitForQueryByText('累计', undefined, { timeout: 3000 })
    expect(pressed(container)[0]).toBe('累计')
  })
})
