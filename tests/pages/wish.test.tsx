import Taro from '@tarojs/taro'
import { api, ApiError } from '../../src/api'
import { wishApi } from '../../src/api/wish'
import WishDetail from '../../src/wish/pages/detail'
import WishList from '../../src/wish/pages/list'
import PostWish from '../../src/wish/pages/post'
import { useSession } from '../../src/stores/session'
import { typeInto, button, valueOf, errorOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

async function signIn(accountId: string) {
  const session = await api.switchDemoAccount(accountId)
  useSession.getState().signIn(session)
}

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe('posting a wish', () => {
  async function openForm() {
    await signIn('elder')
    const page = await mountPage(PostWish, { path: '/wish/pages/post/index' })
    await page.testUtils.queries.waitForQueryByText('提交心愿', undefined, { timeout: 3000 })
    return page
  }

  it('shows each problem beside its field, keeps what was typed and creates nothing', async () => {
    const post = jest.spyOn(wishApi, 'postWish')
    const { container, testUtils } = await openForm()
    typeInto(container, 'wish-title', '这是一个非常非常非常非常非常长的心愿标题啊')
    typeInto(container, 'wish-description', '<script>alert(1)</script>')
    typeInto(container, 'wish-phone', '12345')
    typeInto(container, 'wish-building', '友谊路9号3栋')
    testUtils.fireEvent.click(await testUtils.queries.waitForQueryByText('提交心愿'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'wish-title')).toMatch(/标题不能超过20个字/)
    expect(errorOf(container, 'wish-description')).toMatch(/网页代码/)
    expect(errorOf(container, 'wish-phone')).toMatch(/11位手机号/)
    expect(errorOf(container, 'wish-room')).toBe('请填写门牌号')
    expect(errorOf(container, 'wish-building')).toBeNull()
    // Nothing typed is lost, and the script is shown as text, never run.
    expect(valueOf(container, 'wish-title')).toBe('这是一个非常非常非常非常非常长的心愿标题啊')
    expect(valueOf(container, 'wish-description')).toBe('<script>alert(1)</script>')
    expect(container.querySelector('script')).toBeNull()
    expect(post).not.toHaveBeenCalled()
  })

  it('keeps the draft and its key after a network failure, and the retry posts once', async () => {
    const { container, testUtils } = await openForm()
    typeInto(container, 'wish-title', '想找人陪我下象棋')
    typeInto(container, 'wish-description', '每周三下午想找人下两盘象棋。')
    typeInto(container, 'wish-building', '友谊路9号3栋')
    typeInto(container, 'wish-room', '101')
    const failing = jest.spyOn(wishApi, 'postWish').mockRejectedValueOnce(new ApiError('NETWORK'))
    testUtils.fireEvent.click(await testUtils.queries.waitForQueryByText('提交心愿'))
    await testUtils.queries.waitForQueryByText('心愿还没有发出', undefined, { timeout: 3000 })
    expect(valueOf(container, 'wish-title')).toBe('想找人陪我下象棋')
    const firstKey = failing.mock.calls[0][1]?.idempotencyKey

    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    testUtils.fireEvent.click(button(container, '提交心愿'))
    await new Promise((r) => setTimeout(r, 50))
    expect(failing).toHaveBeenCalledTimes(2)
    expect(failing.mock.calls[1][1]?.idempotencyKey).toBe(firstKey)
    expect(redirect).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/wish\/pages\/detail\/index\?id=w\d+&posted=1$/) })
  })

  it('tells the resident about the limit of 3 active wishes', async () => {
    jest.spyOn(wishApi, 'postWish').mockRejectedValue(new ApiError('CONFLICT', '您已有3个进行中的心愿，等它们完成或取消后才能再发布'))
    const { container, testUtils } = await openForm()
    typeInto(container, 'wish-title', '第四个心愿')
    typeInto(container, 'wish-description', '还有一件小事想请人帮忙。')
    typeInto(container, 'wish-building', '3栋')
    typeInto(container, 'wish-room', '101')
    testUtils.fireEvent.click(await testUtils.queries.waitForQueryByText('提交心愿'))
    expect(await testUtils.queries.waitForQueryByText('您已有3个进行中的心愿', undefined, { timeout: 3000 })).toBeTruthy()
    expect(valueOf(container, 'wish-title')).toBe('第四个心愿')
  })

  it('shows WeChat’s content-check refusal beside the title, keeping what was typed', async () => {
    const refusal = new ApiError('CONTENT_REFUSED', '内容含有不适宜发布的信息，请修改后再提交', { title: '标题含有不适宜发布的内容，请修改' })
    jest.spyOn(wishApi, 'postWish').mockRejectedValue(refusal)
    const { container, testUtils } = await openForm()
    typeInto(container, 'wish-title', '不适宜的标题')
    typeInto(container, 'wish-description', '描述没有问题。')
    typeInto(container, 'wish-building', '3栋')
    typeInto(container, 'wish-room', '101')
    testUtils.fireEvent.click(await testUtils.queries.waitForQueryByText('提交心愿'))
    await testUtils.queries.waitForQueryByText('标题含有不适宜发布的内容，请修改', undefined, { timeout: 3000 })
    expect(errorOf(container, 'wish-title')).toBe('标题含有不适宜发布的内容，请修改')
    expect(errorOf(container, 'wish-description')).toBeNull()
    expect(valueOf(container, 'wish-title')).toBe('不适宜的标题')
  })
})

describe('the volunteer list', () => {
  it('shows open wishes of the grid with masked phones, filters by category and claims', async () => {
    await signIn('volunteer')
    const { container, testUtils } = await mountPage(WishList, { path: '/wish/pages/list/index', params: { mode: 'open' } })
    await testUtils.queries.waitForQueryByText('教我用手机挂号', undefined, { timeout: 3000 })
    const titles = () => Array.from(container.querySelectorAll('.wish-item__title')).map((t) => t.textContent)
    expect(titles()).toEqual(['楼道灯不亮了', '教我用手机挂号'])
    expect(container.textContent).not.toContain('13804521234')

    testUtils.fireEvent.click(button(container, '维修'))
    await testUtils.queries.waitForQueryByText('本网格暂时没有待认领的心愿', undefined, { timeout: 3000 })
    expect(button(container, '维修').getAttribute('aria-pressed')).toBe('true')

    testUtils.fireEvent.click(button(container, '全部'))
    await testUtils.queries.waitForQueryByText('楼道灯不亮了', undefined, { timeout: 3000 })
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    testUtils.fireEvent.click(container.querySelector('button[aria-label="认领心愿：楼道灯不亮了"]')!)
    await new Promise((r) => setTimeout(r, 50))
    expect(navigate).toHaveBeenCalledWith({ url: '/wish/pages/detail/index?id=w5' })
  })

  it('retries a claim that met a network failure with the same Idempotency-Key', async () => {
    await signIn('volunteer')
    const claimWish = jest.spyOn(wishApi, 'claimWish').mockRejectedValueOnce(new ApiError('TIMEOUT'))
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container, testUtils } = await mountPage(WishList, { path: '/wish/pages/list/index', params: { mode: 'open' } })
    await testUtils.queries.waitForQueryByText('教我用手机挂号', undefined, { timeout: 3000 })
    const claimButton = () => container.querySelector('button[aria-label="认领心愿：教我用手机挂号"]')!
    testUtils.fireEvent.click(claimButton())
    await testUtils.queries.waitForQueryByText('服务器响应超时，请稍后重试', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(claimButton())
    await new Promise((r) => setTimeout(r, 50))
    expect(navigate).toHaveBeenCalledWith({ url: '/wish/pages/detail/index?id=w4' })
    const keys = claimWish.mock.calls.map((call) => call[1]?.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
  })

  it('says 该心愿已被认领 and refreshes when someone else was quicker', async () => {
    await signIn('volunteer')
    const { container, testUtils } = await mountPage(WishList, { path: '/wish/pages/list/index', params: { mode: 'open' } })
    await testUtils.queries.waitForQueryByText('教我用手机挂号', undefined, { timeout: 3000 })
    // Another volunteer claims it first, behind this page's back.
    const other = await api.switchDemoAccount('volunteer2')
    useSession.getState().signIn(other)
    await wishApi.claimWish('w4')
    await signIn('volunteer')

    testUtils.fireEvent.click(container.querySelector('button[aria-label="认领心愿：教我用手机挂号"]')!)
    await testUtils.queries.waitForQueryByText('该心愿已被认领', undefined, { timeout: 3000 })
    await new Promise((r) => setTimeout(r, 50))
    const titles = Array.from(container.querySelectorAll('.wish-item__title')).map((t) => t.textContent)
    expect(titles).not.toContain('教我用手机挂号')
  })
})

describe('a volunteer on a claimed wish', () => {
  it('shows the service record first, and giving the wish back only as a separate, confirmed step', async () => {
    await signIn('volunteer')
    const releaseWish = jest.spyOn(wishApi, 'releaseWish')
    const { container, testUtils } = await mountPage(WishDetail, { path: '/wish/pages/detail/index', params: { id: 'w3' } })
    await testUtils.queries.waitForQueryByText('完成服务', undefined, { timeout: 3000 })
    expect(container.querySelector('#wish-reason')).toBeNull()
    const labels = () => Array.from(container.querySelectorAll('button')).map((b) => b.textContent)
    expect(labels().indexOf('完成服务')).toBeLessThan(labels().indexOf('不能继续服务？放弃认领'))
    testUtils.fireEvent.click(button(container, '不能继续服务？放弃认领'))
    await testUtils.queries.waitForQuerySelector('#wish-reason')
    testUtils.fireEvent.click(button(container, '继续服务'))
    await new Promise((r) => setTimeout(r, 30))
    expect(container.querySelector('#wish-reason')).toBeNull()
    expect(releaseWish).not.toHaveBeenCalled()
  })
})

describe('代办 on the wish form', () => {
  it('asks a volunteer for the resident, beside the fields, and posts nothing until given', async () => {
    const postWish = jest.spyOn(wishApi, 'postWish')
    await signIn('volunteer')
    const { container, testUtils } = await mountPage(PostWish, { path: '/wish/pages/post/index' })
    await testUtils.queries.waitForQueryByText('为居民发布心愿', undefined, { timeout: 3000 })
    typeInto(container, 'resident-phone', '1394567')
    testUtils.fireEvent.click(await testUtils.queries.waitForQueryByText('提交心愿'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'resident-name')).toBe('请填写居民姓名')
    expect(errorOf(container, 'resident-phone')).toMatch(/11位手机号/)
    expect(valueOf(container, 'resident-phone')).toBe('1394567')
    expect(postWish).not.toHaveBeenCalled()
  })
})

