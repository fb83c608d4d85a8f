/* 操作记录: staff read the trail, narrow it to one account and to days; a span
 * that ends before it starts is refused beside the field, and what was typed stays. */
import { api } from '../../src/api'
import { clinicApi } from '../../src/api/clinic'
import { privacyApi } from '../../src/api/privacy'
import { staffApi } from '../../src/api/staff'
import AuditTrail from '../../src/staff/pages/audit'
import { useSession } from '../../src/stores/session'
import { button, errorOf, typeInto, valueOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

afterEach(async () => {
  jest.restoreAllMocks()
  await api.resetDemo().catch(() => undefined)
  useSession.setState({ token: null, user: null })
})

const settle = () => new Promise((r) => setTimeout(r, 80))
const lines = (container: HTMLElement) => Array.from(container.querySelectorAll('.audit-line')).map((l) => l.textContent ?? '')

describe('操作记录', () => {
  it('shows who did what for whom, and narrows to one account', async () => {
    // Something to see: the elder corrects her name, staff open a roster.
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    await privacyApi.renameMe('张桂兰')
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    await clinicApi.getRoster('c1')

    const list = jest.spyOn(staffApi, 'listAudit')
    const { container, testUtils } = await mountPage(AuditTrail, { path: '/staff/pages/audit/index' })
    await testUtils.queries.waitForQuerySelector('.audit-line', { timeout: 3000 })
    expect(lines(container)[0]).toMatch(/^查看义诊名单查看刘芳（工作人员）/)
    expect(container.querySelector('.audit-line--read')).not.toBeNull()

    typeInto(container, 'audit-who', '张桂兰')
    testUtils.fireEvent.click(button(container, '查找'))
    await testUtils.queries.waitForQuerySelector('[aria-label="选择账号"] button', { timeout: 3000 })
    testUtils.fireEvent.click(container.querySelector('[aria-label="选择账号"] button')!)
    await settle()
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ accountId: 'elder' }))
    expect(container.textContent).toContain('只看：张桂兰')
    expect(lines(container).every((l) => l.includes('张桂兰'))).toBe(true)
    expect(lines(container).some((l) => l.startsWith('更正姓名'))).toBe(true)
  })

  it('refuses a span of days that ends before it starts, beside the field, keeping both dates', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const { container, testUtils } = await mountPage(AuditTrail, { path: '/staff/pages/audit/index' })
    await testUtils.queries.waitForQueryByText('按日期筛选', undefined, { timeout: 3000 })
    const list = jest.spyOn(staffApi, 'listAudit')
    typeInto(container, 'audit-from', '2026-11-30')
    typeInto(container, 'audit-to', '2026-11-01')
    testUtils.fireEvent.click(button(container, '按日期筛选'))
    await settle()
    expect(errorOf(container, 'audit-to')).toBe('结束日期不能早于开始日期')
    expect([valueOf(container, 'audit-from'), valueOf(container, 'audit-to')]).toEqual(['2026-11-30', '2026-11-01'])
    expect(list).not.toHaveBeenCalled()
    typeInto(container, 'audit-to', '2026-12-31')
    testUtils.fireEvent.click(button(container, '按日期筛选'))
    await settle()
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ from: '2026-11-30', to: '2026-12-31' }))
  })
})
