import Taro from '@tarojs/taro'
import { api } from '../../src/api'
import { mayJoin } from '../../src/domain/activity'
import Me from '../../src/pages/me'
import { useSession } from '../../src/stores/session'
import { mountPage } from '../setup/mount-page'

async function openMe() {
  const page = await mountPage(Me, { path: '/pages/me/index' })
  return { ...page, q: page.testUtils.queries }
}

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null, elderMode: false })
})

describe('我的 page', () => {
  it('signs in silently and shows the profile with a masked phone', async () => {
    const { q, container } = await openMe()
    await q.waitForQueryByText('李明', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('手机：138****1234')
    expect(container.textContent).not.toContain('13804521234')
    expect(container.textContent).toContain('身份：居民')
    await q.waitForQueryByText('网格：东安社区 · 第三网格', undefined, { timeout: 3000 })
  })

  it('marks the resident 在职党员 on the profile, stored by the backend, and the activity page then lets them join one for party members', async () => {
    const { q, testUtils, container } = await openMe()
    await q.waitForQueryByText('李明', undefined, { timeout: 3000 })
    const toggle = await q.waitForQuerySelector('button[role="switch"][aria-label="在职党员"]', { timeout: 3000 })
    expect(toggle!.getAttribute('aria-checked')).toBe('false')
    testUtils.fireEvent.click(toggle!)
    await q.waitForQueryByText('已标记为在职党员', undefined, { timeout: 3000 })
    expect(container.querySelector('button[role="switch"][aria-label="在职党员"]')!.getAttribute('aria-checked')).toBe('true')
    expect(useSession.getState().user!.partyMember).toBe(true)
    expect((await api.getMe()).partyMember).toBe(true)
    expect(mayJoin({ audience: ['party'] }, useSession.getState().user!)).toBe(true)
  })

  it('switches 长辈模式 on and keeps it in storage', async () => {
    const { q, testUtils, container } = await openMe()
    const toggle = container.querySelector('button[role="switch"][aria-label="长辈模式"]') as HTMLButtonElement
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(toggle.textContent).toBe('关')
    testUtils.fireEvent.click(toggle)
    await q.waitForQueryByText('开')
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    expect(container.querySelector('.page')?.className).toContain('page--elder')
    expect(JSON.parse(Taro.getStorageSync('dongan-session')).state.elderMode).toBe(true)
  })

  it('shows only the account now signed in: a switch never leaves the last account’s wishes', async () => {
    const { q, testUtils, container } = await openMe()
    await q.waitForQueryByText('楼道灯不亮了', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(container.querySelector('button[aria-label="切换为长者张桂兰"]')!)
    await q.waitForQueryByText('已切换为长者：张桂兰', undefined, { timeout: 3000 })
    await q.waitForQueryByText('代买降压药', undefined, { timeout: 3000 })
    expect(container.textContent).not.toContain('楼道灯不亮了')
    testUtils.fireEvent.click(container.querySelector('button[aria-label="切换为网格志愿者赵志强"]')!)
    await q.waitForQueryByText('我的志愿服务', undefined, { timeout: 3000 })
    expect(container.textContent).not.toContain('代买降压药')
  })

  it('switches between the four demo accounts', async () => {
    const { q, testUtils, container } = await openMe()
    await q.waitForQueryByText('刘芳', undefined, { timeout: 3000 })
    const buttons = Array.from(container.querySelectorAll('.accounts__item'))
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      '切换为居民李明',
      '切换为长者张桂兰',
      '切换为网格志愿者赵志强',
      '切换为网格志愿者孙丽娟',
      '切换为工作人员刘芳',
    ])
    testUtils.fireEvent.click(buttons[4])
    await q.waitForQueryByText('已切换为工作人员：刘芳', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('身份：工作人员')
    expect(useSession.getState().user?.role).toBe('staff')
  })

  it('resets the demo data after confirmation', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' })
    const { q, testUtils } = await openMe()
    testUtils.fireEvent.click(await q.waitForQueryByText('重置演示数据', undefined, { timeout: 3000 }))
    await q.waitForQueryByText('演示数据已重置', undefined, { timeout: 3000 })
    expect(modal).toHaveBeenCalledTimes(1)
  })

  it('does nothing when the reset is cancelled', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'ok' })
    const { q, testUtils, container } = await openMe()
    testUtils.fireEvent.click(await q.waitForQueryByText('重置演示数据', undefined, { timeout: 3000 }))
    await new Promise((r) => setTimeout(r, 50))
    expect(container.textContent).not.toContain('演示数据已重置')
  })
})
