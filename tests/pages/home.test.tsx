import Taro from '@tarojs/taro'
import { api, ApiError } from '../../src/api'
import Home from '../../src/pages/home'
import { useSession } from '../../src/stores/session'
import { mountPage } from '../setup/mount-page'

const HOME = '/pages/home/index'

async function openHome(params: Record<string, string>) {
  const page = await mountPage(Home, { path: HOME, params })
  return { ...page, q: page.testUtils.queries }
}

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ gridCode: null, elderMode: false })
})

describe('home page: the six-colour card', () => {
  it('opens the service station on the map (查看路线) where its point is known', async () => {
    const { q, container } = await openHome({ g: 'DA0103' })
    await q.waitForQueryByText('东安社区第三网格', undefined, { timeout: 3000 })
    const link = container.querySelector('a[aria-label="查看路线：东安社区第三网格党群服务站"]') as HTMLAnchorElement
    expect(link.getAttribute('href')).toBe(
      `https://uri.amap.com/marker?position=122.8846,47.5149&name=${encodeURIComponent('东安社区第三网格党群服务站')}&coordinate=gaode&callnative=1`,
    )
    expect(link.textContent).toBe('查看路线')
  })

  it('opens the grid named by a QR code with six tiles in order', async () => {
    const { q, container } = await openHome({ g: 'DA0103' })
    await q.waitForQueryByText('东安社区第三网格', undefined, { timeout: 3000 })
    const tiles = container.querySelectorAll('.tile')
    expect(tiles).toHaveLength(6)
    expect(Array.from(tiles).map((t) => t.getAttribute('data-colour'))).toEqual([
      'red',
      'orange',
      'yellow',
      'green',
      'blue',
      'purple',
    ])
    // Colour is never the only signal: each tile names its colour and category.
    expect(tiles[0].textContent).toContain('红色')
    expect(tiles[0].textContent).toContain('党群服务')
    // 平安法治 leads to 有事先商量.
    expect(tiles[4].querySelector('.tile__link')?.textContent).toBe('有事先商量 ›')
    // Someone or the hotline, never an empty tile; a real tel: link to call.
    for (const tile of Array.from(tiles)) {
      expect(tile.textContent).toMatch(/现在值班|现在无人值班/)
      expect(tile.querySelector('a[href^="tel:"]')).not.toBeNull()
    }
    expect(container.textContent).toContain('网格长')
    expect(container.textContent).toContain('24小时服务热线')
    expect(useSession.getState().gridCode).toBe('DA0103')
  })

  it('reads the grid from a URL-encoded mini-program scene', async () => {
    const { q } = await openHome({ scene: 'g%3DXH0202' })
    expect(await q.waitForQueryByText('兴华社区第二网格', undefined, { timeout: 3000 })).toBeTruthy()
  })

  it('explains an unknown grid and offers a picker whose choice is remembered', async () => {
    const { q, container, testUtils } = await openHome({ g: 'ZZ9999' })
    await q.waitForQueryByText('未找到网格「ZZ9999」', undefined, { timeout: 3000 })
    const choice = await q.waitForQueryByText('第一网格', undefined, { timeout: 3000 })
    // The first community listed is 东安社区; pick 兴华社区's first grid instead.
    const buttons = Array.from(container.querySelectorAll('.picker__community'))
    const xinghua = buttons.find((b) => b.textContent?.includes('兴华社区'))!
    expect(choice).toBeTruthy()
    testUtils.fireEvent.click(xinghua.querySelector('button')!)
    await q.waitForQueryByText('兴华社区第一网格', undefined, { timeout: 3000 })
    expect(container.querySelectorAll('.tile')).toHaveLength(6)
    expect(useSession.getState().gridCode).toBe('XH0201')
  })

  it('asks for a grid when none is known', async () => {
    const { q } = await openHome({})
    expect(await q.waitForQueryByText('请选择您所在的网格', undefined, { timeout: 3000 })).toBeTruthy()
  })

  it('opens the grid of the account signed in on 我的 first, not the grid picker', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    useSession.setState({ gridCode: null })
    const { q, container } = await openHome({})
    await q.waitForQueryByText('东安社区第三网格', undefined, { timeout: 3000 })
    expect(container.querySelectorAll('.tile')).toHaveLength(6)
    expect(container.textContent).not.toContain('请选择您所在的网格')
    useSession.setState({ token: null, user: null })
  })

  it('shows the last card with a notice when the backend cannot be reached', async () => {
    const first = await openHome({ g: 'DA0103' })
    await first.q.waitForQueryByText('东安社区第三网格', undefined, { timeout: 3000 })
    first.unmount()

    jest.spyOn(api, 'getCard').mockRejectedValue(new ApiError('NETWORK'))
    const { q, container } = await openHome({ g: 'DA0103' })
    await q.waitForQueryByText('已离线，显示上次数据', undefined, { timeout: 3000 })
    expect(container.querySelectorAll('.tile')).toHaveLength(6)
  })

  it('paints the last card of the grid at once while a slow network answers, then shows the fresh one', async () => {
    const first = await openHome({ g: 'DA0103' })
    await first.q.waitForQueryByText('东安社区第三网格', undefined, { timeout: 3000 })
    first.unmount()

    let answer!: (card: Awaited<ReturnType<typeof api.getCard>>) => void
    const fresh = await api.getCard('DA0103')
    jest.spyOn(api, 'getCard').mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const { q, container } = await openHome({ g: 'DA0103' })
    // Before any answer: the six tiles of the kept card, no loading screen, no offline notice.
    await q.waitForQueryByText('东安社区第三网格', undefined, { timeout: 3000 })
    expect(container.querySelectorAll('.tile')).toHaveLength(6)
    expect(container.textContent).not.toContain('已离线')
    answer({ ...fresh, hotline: '0452-5869999' })
    await q.waitForQueryByText('0452-5869999', undefined, { timeout: 3000 })
  })

  it('says what went wrong and offers a retry when offline with nothing cached', async () => {
    Taro.clearStorageSync()
    const getCard = jest.spyOn(api, 'getCard').mockRejectedValue(new ApiError('TIMEOUT'))
    const { q, testUtils } = await openHome({ g: 'GM0301' })
    await q.waitForQueryByText('服务器响应超时，请稍后重试', undefined, { timeout: 3000 })
    getCard.mockRestore()
    testUtils.fireEvent.click(await q.waitForQueryByText('重新加载'))
    expect(await q.waitForQueryByText('光明社区第一网格', undefined, { timeout: 3000 })).toBeTruthy()
  })

  it('renders in elder mode when it is on', async () => {
    useSession.setState({ elderMode: true })
    const { q, container } = await openHome({ g: 'DA0103' })
    await q.waitForQueryByText('东安社区第三网格', undefined, { timeout: 3000 })
    expect(container.querySelector('.page')?.className).toContain('page--elder')
  })
})

describe('home page: the public summary', () => {
  /** The summary's text once it has loaded (its figures sit in nested Text nodes). */
  async function summaryText(container: HTMLElement): Promise<string> {
    for (let waited = 0; waited < 3000; waited += 50) {
      const summary = container.querySelector('.summary')
      if (summary) return summary.textContent ?? ''
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('the summary never appeared')
  }
  const figures = { deedsDone: 9, volunteerHours: 31.5, clinicArrivals: 2, jobPlacements: 1, hazardsRemoved: 1, activityParticipations: 12 }
  it('adds matters solved and disputes mediated once there are any', async () => {
    jest.spyOn(api, 'getPublicSummary').mockResolvedValue({ ...figures, mattersSolved: 5, disputesMediated: 3 })
    const { container } = await openHome({ g: 'DA0103' })
    expect(await summaryText(container)).toBe('本街道已为民办实事 9 件，志愿服务 31.5 小时解决居民身边事 5 件，调解纠纷 3 起')
  })

  it('says nothing of them while there are none', async () => {
    jest.spyOn(api, 'getPublicSummary').mockResolvedValue({ ...figures, mattersSolved: 0, disputesMediated: 0 })
    const { container } = await openHome({ g: 'DA0103' })
    expect(await summaryText(container)).toBe('本街道已为民办实事 9 件，志愿服务 31.5 小时')
  })
})
