import Taro from '@tarojs/taro'
import { api, ApiError } from '../../src/api'
import { mattersApi } from '../../src/api/matters'
import MatterDetail from '../../src/matters/pages/detail'
import PublicMatters from '../../src/matters/pages/public'
import RaiseMatter from '../../src/matters/pages/raise'
import MattersToHandle from '../../src/matters/pages/handle'
import Mediation from '../../src/matters/pages/mediation'
import { useSession } from '../../src/stores/session'
import { button, errorOf, typeInto, valueOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

const settle = () => new Promise((r) => setTimeout(r, 60))

afterEach(async () => {
  jest.restoreAllMocks()
  await api.resetDemo().catch(() => undefined)
  useSession.setState({ token: null, user: null })
})

async function signIn(account: string) {
  useSession.getState().signIn(await api.switchDemoAccount(account))
}

describe('the 我要说事 form', () => {
  async function openForm() {
    await signIn('resident')
    const page = await mountPage(RaiseMatter, { path: '/matters/pages/raise/index' })
    await page.testUtils.queries.waitForQueryByText('提交', undefined, { timeout: 3000 })
    return page
  }

  it('shows errors beside the fields, keeps what was typed and sends nothing', async () => {
    const raise = jest.spyOn(mattersApi, 'raiseMatter')
    const { container, testUtils } = await openForm()
    typeInto(container, 'matter-text', '灯坏')
    testUtils.fireEvent.click(button(container, '提交'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'matter-text')).toBe('事项内容至少需要5个字')
    expect(errorOf(container, 'matter-building')).toBe('请填写楼栋')
    expect(valueOf(container, 'matter-text')).toBe('灯坏')
    // Typing clears that field's message only.
    typeInto(container, 'matter-building', '友谊路9号3栋')
    await settle()
    expect(errorOf(container, 'matter-building')).toBeNull()
    expect(errorOf(container, 'matter-text')).toBe('事项内容至少需要5个字')
    expect(raise).not.toHaveBeenCalled()
  })

  it('keeps a neighbour dispute private: the public choice is not offered', async () => {
    const { container, testUtils } = await openForm()
    testUtils.fireEvent.click(button(container, '让邻居看到（不显示姓名）'))
    expect(button(container, '让邻居看到（不显示姓名）').getAttribute('aria-checked')).toBe('true')
    testUtils.fireEvent.click(button(container, '邻里纠纷'))
    await settle()
    expect(Array.from(container.querySelectorAll('button')).map((b) => b.textContent)).not.toContain('让邻居看到（不显示姓名）')
    expect(button(container, '只给网格员看').getAttribute('aria-checked')).toBe('true')
    expect(container.textContent).toContain('邻里纠纷涉及他人，只有网格员和工作人员能看到')
  })

  it('says beside the 公开 switch that a text naming someone stays private', async () => {
    const { container, testUtils } = await openForm()
    typeInto(container, 'matter-text', '3栋楼道的灯坏了')
    await settle()
    expect(container.textContent).not.toContain('内容里好像提到了他人')
    typeInto(container, 'matter-text', '楼上张阿姨天天往楼道里堆纸箱')
    await testUtils.queries.waitForQueryByText('内容里好像提到了他人（张阿姨），为保护隐私，这件事不会公开，只有网格员和工作人员能看到')
  })

  it('keeps what was typed after a network failure and retries with the same key', async () => {
    const raise = jest.spyOn(mattersApi, 'raiseMatter').mockRejectedValueOnce(new ApiError('NETWORK'))
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    const { container, testUtils } = await openForm()
    testUtils.fireEvent.click(button(container, '安全隐患'))
    typeInto(container, 'matter-text', '3栋楼道的灯坏了一星期')
    typeInto(container, 'matter-building', '友谊路9号3栋')
    testUtils.fireEvent.click(button(container, '让邻居看到（不显示姓名）'))
    testUtils.fireEvent.click(button(container, '提交'))
    await testUtils.queries.waitForQueryByText('事项还没有提交', undefined, { timeout: 3000 })
    expect(valueOf(container, 'matter-text')).toBe('3栋楼道的灯坏了一星期')
    testUtils.fireEvent.click(button(container, '提交'))
    await settle()
    expect(raise.mock.calls[1][0]).toMatchObject({ kind: '安全隐患', text: '3栋楼道的灯坏了一星期', building: '友谊路9号3栋', public: true })
    expect(raise.mock.calls[1][1]?.idempotencyKey).toBe(raise.mock.calls[0][1]?.idempotencyKey)
    expect(redirect).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/matters\/pages\/detail\/index\?id=mt\d+&raised=1$/) })
  })
})

describe('handling a matter', () => {
  it('lets the grid worker accept and answer, names them to the resident, and asks for the reply first', async () => {
    await signIn('resident')
    const matter = await mattersApi.raiseMatter({ kind: '设施损坏', text: '3栋门口的长椅坏了', building: '友谊路9号3栋', unit: '', public: true })
    await signIn('volunteer')
    const { container, testUtils } = await mountPage(MatterDetail, { path: '/matters/pages/detail/index', params: { id: matter.id } })
    await testUtils.queries.waitForQuerySelector('.timeline', { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '受理'))
    await testUtils.queries.waitForQueryByText('受理网格员：赵志强', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '答复居民'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'matter-reply')).toBe('请填写答复内容')
    typeInto(container, 'matter-reply', '已换了新长椅')
    testUtils.fireEvent.click(button(container, '答复居民'))
    await testUtils.queries.waitForQueryByText('答复：已换了新长椅', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('赵志强 答复：已换了新长椅')

    await signIn('resident')
    const mine = await mountPage(MatterDetail, { path: '/matters/pages/detail/index', params: { id: matter.id } })
    await mine.testUtils.queries.waitForQueryByText('受理网格员：赵志强', undefined, { timeout: 3000 })
    expect(button(mine.container, '确认已解决')).toBeTruthy()
    expect(button(mine.container, '重新提出')).toBeTruthy()
  })

  it('shows staff every matter to handle, each with 办理', async () => {
    await signIn('staff')
    const { container, testUtils } = await mountPage(MattersToHandle, { path: '/matters/pages/handle/index' })
    await testUtils.queries.waitForQuerySelector('.matter-item', { timeout: 3000 })
    expect(container.textContent).toContain('全部网格的居民事项')
    // The private dispute is there for staff, with its resident's name.
    expect(container.textContent).toContain('邻里纠纷')
    expect(container.textContent).toContain('王秀英')
    expect(container.querySelectorAll('button[aria-label^="办理："]').length).toBeGreaterThan(0)
  })
})

describe('merging a duplicate', () => {
  it('lets staff find the grid’s matters after a failed try and merge the duplicate into the one kept', async () => {
    await signIn('resident')
    const duplicate = await mattersApi.raiseMatter({ kind: '安全隐患', text: '2栋楼道的灯还是坏的，晚上看不见台阶', building: '友谊路9号2栋', unit: '1单元', public: true })
    await signIn('staff')
    const list = jest.spyOn(mattersApi, 'listMattersToHandle').mockRejectedValueOnce(new ApiError('NETWORK'))
    const merge = jest.spyOn(mattersApi, 'mergeMatter')
    const { container, testUtils } = await mountPage(MatterDetail, { path: '/matters/pages/detail/index', params: { id: duplicate.id } })
    await testUtils.queries.waitForQueryByText('合并重复事项', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '找本网格的同类事项'))
    await testUtils.queries.waitForQueryByText('同类事项没有加载出来，请检查网络后再点一次', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '找本网格的同类事项'))
    const kept = '2栋楼道的灯坏了一个星期，晚上下楼看不见台阶'
    await testUtils.queries.waitForQuerySelector(`button[aria-label="合并到：${kept}"]`, { timeout: 3000 })
    expect(container.textContent).not.toContain('同类事项没有加载出来')
    // Only the grid's other matters are offered, never the matter itself.
    expect(container.querySelector(`button[aria-label="合并到：${duplicate.text}"]`)).toBeNull()
    testUtils.fireEvent.click(container.querySelector(`button[aria-label="合并到：${kept}"]`)!)
    await testUtils.queries.waitForQueryByText('已合并，之后在保留的事项里办理', undefined, { timeout: 3000 })
    expect(merge).toHaveBeenCalledWith(duplicate.id, 'mt-seed-1', expect.objectContaining({ idempotencyKey: expect.any(String) }))
    expect(list).toHaveBeenCalledTimes(2)
    expect(container.textContent).toContain('这件事和邻居反映的同一件事合并办理了')
    expect(button(container, '查看合并后的事项')).toBeTruthy()
    expect(container.textContent).not.toContain('找本网格的同类事项')
  })
})

describe("neighbours' matters", () => {
  it('lists safety hazards first without names, and counts 我也遇到 once', async () => {
    await signIn('elder')
    const join = jest.spyOn(mattersApi, 'addMeToMatter')
    const { container, testUtils } = await mountPage(PublicMatters, { path: '/matters/pages/public/index' })
    await testUtils.queries.waitForQuerySelector('.matter-item', { timeout: 3000 })
    const first = container.querySelector('.matter-item')!
    expect(first.textContent).toContain('安全隐患')
    expect(container.textContent).not.toContain('王秀英')
    expect(container.textContent).not.toContain('邻里纠纷')
    testUtils.fireEvent.click(first.querySelector('button[aria-label^="我也遇到"]')!)
    await testUtils.queries.waitForQueryByText('我也遇到了', undefined, { timeout: 3000 })
    expect(first.textContent).toContain('1位邻居也遇到')
    expect(first.querySelector('button[aria-label^="我也遇到"]')).toBeNull()
    expect(join).toHaveBeenCalledTimes(1)
  })
})

describe('调解预约', () => {
  async function openBooking() {
    await signIn('elder')
    const page = await mountPage(Mediation, { path: '/matters/pages/mediation/index' })
    await page.testUtils.queries.waitForQueryByText('预约调解', undefined, { timeout: 3000 })
    return page
  }

  it("shows the station's roster: who is on duty, 3 judges and 5 mediators", async () => {
    const { container } = await openBooking()
    const roster = container.querySelector('[aria-label="今日值班"]')!
    expect(roster.textContent).toContain('本站轮值法官3位、金牌调解员5位')
    expect(roster.textContent).toMatch(/现在在岗：|现在没有人在岗/)
  })

  it('asks for a slot and the dispute beside the fields, keeps what was typed and sends nothing', async () => {
    const book = jest.spyOn(mattersApi, 'bookMediation')
    const { container, testUtils } = await openBooking()
    expect(valueOf(container, 'mediation-name')).toBe('张桂兰')
    typeInto(container, 'mediation-description', '楼上吵')
    testUtils.fireEvent.click(button(container, '预约调解'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'mediation-slot')).toBe('请先选择一个时段')
    expect(errorOf(container, 'mediation-description')).toBe('纠纷情况至少需要10个字')
    expect(valueOf(container, 'mediation-description')).toBe('楼上吵')
    expect(book).not.toHaveBeenCalled()
  })

  it('books a place after a network failure with the same key, and lists it with 取消预约', async () => {
    const book = jest.spyOn(mattersApi, 'bookMediation').mockRejectedValueOnce(new ApiError('NETWORK'))
    const { container, testUtils } = await openBooking()
    testUtils.fireEvent.click(container.querySelector('[aria-label="选择时段"] button')!)
    typeInto(container, 'mediation-description', '楼上邻居家漏水到我家，协商几次都没有结果')
    testUtils.fireEvent.click(button(container, '预约调解'))
    await testUtils.queries.waitForQueryByText('预约还没有提交', undefined, { timeout: 3000 })
    expect(valueOf(container, 'mediation-description')).toBe('楼上邻居家漏水到我家，协商几次都没有结果')
    testUtils.fireEvent.click(button(container, '预约调解'))
    await testUtils.queries.waitForQueryByText('我的调解预约', undefined, { timeout: 3000 })
    expect(book.mock.calls[1][2]?.idempotencyKey).toBe(book.mock.calls[0][2]?.idempotencyKey)
    expect(button(container, '取消预约')).toBeTruthy()
    expect(container.textContent).toContain('已预约')
  })
})
