/* 志愿者管理: staff find an account, change its role and grid, and read the
 * history; refusals show beside the field and keep what was chosen. Runs
 * against the embedded demo backend (fresh after each test: storage is cleared). */
import Taro from '@tarojs/taro'
import { api, ApiError } from '../../src/api'
import { staffApi } from '../../src/api/staff'
import Me from '../../src/pages/me'
import Volunteers from '../../src/staff/pages/volunteers'
import { useSession } from '../../src/stores/session'
import { button, typeInto } from '../setup/form'
import { mountPage } from '../setup/mount-page'

const GRID = '东安社区第一网格'
const SERVED_GRID_ERROR = '[aria-label="所服务的网格"] > .field__error'
const settle = () => new Promise((r) => setTimeout(r, 60))

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

const accountButtons = (container: HTMLElement) => Array.from(container.querySelectorAll('.account-list button'))
const checked = (container: HTMLElement, group: string) =>
  Array.from(container.querySelectorAll(`[aria-label="${group}"] button[aria-checked="true"]`)).map((b) => b.textContent)

/** Signs in as staff, opens the page, finds 李明 and opens his editor. */
async function openLiMing() {
  useSession.getState().signIn(await api.switchDemoAccount('staff'))
  const listAccounts = jest.spyOn(staffApi, 'listAccounts')
  const page = await mountPage(Volunteers, { path: '/staff/pages/volunteers/index' })
  const { container, testUtils } = page
  await testUtils.queries.waitForQuerySelector('.account-list button', { timeout: 3000 })
  expect(accountButtons(container).length).toBeGreaterThan(1)

  typeInto(container, 'accounts-q', '李明')
  testUtils.fireEvent.click(button(container, '查找'))
  await settle()
  expect(listAccounts).toHaveBeenLastCalledWith('李明')
  const found = accountButtons(container)
  expect(found.map((b) => b.textContent)).toEqual(['李明 138****1234居民 · 东安社区第三网格'])
  testUtils.fireEvent.click(found[0])
  await testUtils.queries.waitForQueryByText('现在是：居民 · 东安社区第三网格')
  return page
}

describe('志愿者管理', () => {
  it('makes a resident the volunteer of a grid, says so and shows the history line', async () => {
    const setRole = jest.spyOn(staffApi, 'setAccountRole')
    const { container, testUtils } = await openLiMing()
    await testUtils.queries.waitForQueryByText('还没有变更记录', undefined, { timeout: 3000 })

    testUtils.fireEvent.click(button(container, '网格志愿者'))
    // His own grid stays chosen; staff pick the grid he will serve.
    expect(checked(container, '所服务的网格')).toEqual(['东安社区第三网格'])
    expect(container.textContent).not.toContain('不指定网格')
    testUtils.fireEvent.click(button(container, GRID))
    testUtils.fireEvent.click(button(container, '保存'))

    await testUtils.queries.waitForQueryByText(`已保存：李明 现在是网格志愿者 · ${GRID}。下面的变更记录已更新。`, undefined, { timeout: 3000 })
    expect(setRole).toHaveBeenCalledWith('resident', { role: 'volunteer', gridCode: 'DA0101' }, { idempotencyKey: expect.any(String) })
    expect(container.textContent).toContain(`现在是：网格志愿者 · ${GRID}`)
    const line = await testUtils.queries.waitForQuerySelector('.role-history__line', { timeout: 3000 })
    expect(line!.textContent).toMatch(new RegExp(`^刘芳 \\d+月\\d+日 \\d\\d:\\d\\d：居民（东安社区第三网格） → 网格志愿者（${GRID}）$`))
    // The backend really changed: the account list says so too.
    expect((await staffApi.listAccounts('李明'))[0]).toMatchObject({ role: 'volunteer', gridCode: 'DA0101' })

    // A second change on the same page is a new submission (a new Idempotency-Key), not a replay.
    testUtils.fireEvent.click(button(container, '居民'))
    expect(container.textContent).not.toContain('已保存')
    testUtils.fireEvent.click(button(container, '保存'))
    await testUtils.queries.waitForQueryByText(`已保存：李明 现在是居民 · ${GRID}。下面的变更记录已更新。`, undefined, { timeout: 3000 })
    expect(setRole.mock.calls[1][2]?.idempotencyKey).not.toBe(setRole.mock.calls[0][2]?.idempotencyKey)
    await settle()
    const lines = Array.from(container.querySelectorAll('.role-history__line')).map((l) => l.textContent)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain(`网格志愿者（${GRID}） → 居民（${GRID}）`)

    testUtils.fireEvent.click(button(container, '返回账号列表'))
    expect(accountButtons(container).map((b) => b.textContent)).toEqual([`李明 138****1234居民 · ${GRID}`])
  })

  it('refuses 网格志愿者 without a grid beside the grid field and sends nothing', async () => {
    const setRole = jest.spyOn(staffApi, 'setAccountRole')
    const { container, testUtils } = await openLiMing()
    testUtils.fireEvent.click(button(container, '不指定网格'))
    testUtils.fireEvent.click(button(container, '网格志愿者'))
    expect(checked(container, '所服务的网格')).toEqual([])
    testUtils.fireEvent.click(button(container, '保存'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(container.querySelector(SERVED_GRID_ERROR)?.textContent).toBe('网格志愿者要选择所服务的网格')
    expect(checked(container, '角色')).toEqual(['网格志愿者'])
    expect(setRole).not.toHaveBeenCalled()

    // Choosing a grid clears the message.
    testUtils.fireEvent.click(button(container, GRID))
    expect(container.querySelector(SERVED_GRID_ERROR)).toBeNull()
  })

  it('keeps the choices after a failed save, shows the field message, and saves on retry', async () => {
    const setRole = jest
      .spyOn(staffApi, 'setAccountRole')
      .mockRejectedValueOnce(new ApiError('VALIDATION', '填写的内容有误，请检查后再提交', { gridCode: '请从列表中选择网格' }))
      .mockRejectedValueOnce(new ApiError('NETWORK'))
    const { container, testUtils } = await openLiMing()
    testUtils.fireEvent.click(button(container, '网格志愿者'))
    testUtils.fireEvent.click(button(container, GRID))
    testUtils.fireEvent.click(button(container, '保存'))

    await testUtils.queries.waitForQueryByText('填写的内容有误，请检查后再提交', undefined, { timeout: 3000 })
    expect(container.querySelector(SERVED_GRID_ERROR)?.textContent).toBe('请从列表中选择网格')
    expect(checked(container, '角色')).toEqual(['网格志愿者'])
    expect(checked(container, '所服务的网格')).toEqual([GRID])
    expect(container.textContent).not.toContain('已保存')

    testUtils.fireEvent.click(button(container, '保存'))
    await testUtils.queries.waitForQueryByText('网络连接失败，请检查网络后重试。还没有保存，选好的角色和网格都还在，请再点一次“保存”。', undefined, { timeout: 3000 })
    expect(checked(container, '角色')).toEqual(['网格志愿者'])
    expect(checked(container, '所服务的网格')).toEqual([GRID])

    testUtils.fireEvent.click(button(container, '保存'))
    await testUtils.queries.waitForQueryByText(`已保存：李明 现在是网格志愿者 · ${GRID}。下面的变更记录已更新。`, undefined, { timeout: 3000 })
    // The retry is the same submission: one key for all three tries.
    const keys = setRole.mock.calls.map((c) => c[2]?.idempotencyKey)
    expect(new Set(keys).size).toBe(1)
    expect(setRole).toHaveBeenCalledTimes(3)
  })

  it('does not offer staff a form for their own account', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const { container, testUtils } = await mountPage(Volunteers, { path: '/staff/pages/volunteers/index' })
    await testUtils.queries.waitForQuerySelector('.account-list button', { timeout: 3000 })
    typeInto(container, 'accounts-q', '0011')
    testUtils.fireEvent.click(button(container, '查找'))
    await settle()
    const found = accountButtons(container)
    expect(found.map((b) => b.textContent)).toEqual(['刘芳 137****0011工作人员'])
    testUtils.fireEvent.click(found[0])
    await testUtils.queries.waitForQueryByText('不能调整自己的角色，请另一位工作人员操作。')
    expect(Array.from(container.querySelectorAll('button')).some((b) => b.textContent === '保存')).toBe(false)
  })

  it('is opened from 我的 by staff', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' })
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const { container, testUtils } = await mountPage(Me, { path: '/pages/me/index' })
    await testUtils.queries.waitForQueryByText('志愿者管理', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '志愿者管理'))
    expect(navigate).toHaveBeenCalledWith({ url: '/staff/pages/volunteers/index' })
  })
})
