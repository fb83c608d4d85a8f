import Taro from '@tarojs/taro'
import { api, ApiError } from '../../src/api'
import { jobsApi } from '../../src/api/jobs'
import ApplyJob from '../../src/jobs/pages/apply'
import JobDetail from '../../src/jobs/pages/detail'
import JobList from '../../src/jobs/pages/list'
import { useSession } from '../../src/stores/session'
import { typeInto, button } from '../setup/form'
import { mountPage } from '../setup/mount-page'

const titles = (container: HTMLElement) => Array.from(container.querySelectorAll('.job-item .card__title')).map((t) => t.textContent)
/**
 * Until the page has stopped changing (a list answered and drawn): no change
 * for 3 looks 30 ms apart, at most 3 s. A fixed pause was too short on a busy machine.
 */
async function settle(): Promise<void> {
  const pause = () => new Promise((r) => setTimeout(r, 30))
  const deadline = Date.now() + 3000
  let last = document.body.innerHTML
  let quiet = 0
  while (quiet < 3 && Date.now() < deadline) {
    await pause()
    const now = document.body.innerHTML
    quiet = now === last ? quiet + 1 : 0
    last = now
  }
}

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe('job search', () => {
  it('staff search every posting, closed and expired ones included', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const listAllJobs = jest.spyOn(jobsApi, 'listAllJobs')
    const { container, testUtils } = await mountPage(JobList, { path: '/jobs/pages/list/index' })
    await testUtils.queries.waitForQuerySelector('.job-item', { timeout: 3000 })
    typeInto(container, 'jobs-keyword', '保安')
    testUtils.fireEvent.click(button(container, '搜索'))
    await settle()
    expect(listAllJobs).toHaveBeenLastCalledWith({ cursor: null, keyword: '保安' })
    expect(titles(container)).toEqual(['小区保安'])
  })

  it('searches when Enter is pressed in the search box, as with the 搜索 button', async () => {
    const listJobs = jest.spyOn(jobsApi, 'listJobs')
    const { container, testUtils } = await mountPage(JobList, { path: '/jobs/pages/list/index' })
    await testUtils.queries.waitForQuerySelector('.job-item', { timeout: 3000 })
    typeInto(container, 'jobs-keyword', '编织')
    testUtils.fireEvent.keyDown(container.querySelector('#jobs-keyword')!, { key: 'Enter' })
    await settle()
    expect(listJobs).toHaveBeenLastCalledWith(expect.objectContaining({ keyword: '编织' }))
    expect(titles(container).every((t) => t!.includes('编织'))).toBe(true)
  })

  it('searches by keyword and combines kind, tag and pay filters', async () => {
    const listJobs = jest.spyOn(jobsApi, 'listJobs')
    const { container, testUtils } = await mountPage(JobList, { path: '/jobs/pages/list/index' })
    await testUtils.queries.waitForQuerySelector('.job-item', { timeout: 3000 })
    expect(titles(container).length).toBe(20)

    typeInto(container, 'jobs-keyword', '编织')
    testUtils.fireEvent.click(button(container, '搜索'))
    await settle()
    expect(titles(container).every((t) => t!.includes('编织'))).toBe(true)
    expect(titles(container).length).toBeGreaterThan(0)

    typeInto(container, 'jobs-keyword', '')
    testUtils.fireEvent.click(button(container, '搜索'))
    // The chips are folded behind 筛选, which then says how many are set.
    expect(Array.from(container.querySelectorAll('button')).map((b) => b.textContent)).not.toContain('全职')
    testUtils.fireEvent.click(button(container, '筛选'))
    await settle()
    testUtils.fireEvent.click(button(container, '全职'))
    testUtils.fireEvent.click(button(container, '女性'))
    testUtils.fireEvent.click(button(container, '5000元以上'))
    await settle()
    expect(listJobs).toHaveBeenLastCalledWith({ cursor: null, keyword: undefined, kind: '全职', tag: '女性', minPay: 5000 })
    // Newest first: the second round was published earlier.
    expect(titles(container)).toEqual(['服装缝纫工', '羽绒服缝纫工'])
    expect(button(container, '全职').getAttribute('aria-pressed')).toBe('true')
    expect(button(container, '筛选（已选3项）')).toBeTruthy()

    // 不限 suits everyone: the e-commerce course shows for 残障人士 too.
    testUtils.fireEvent.click(button(container, '技能培训'))
    testUtils.fireEvent.click(button(container, '残障人士'))
    await settle()
    expect(titles(container)).toEqual(['电商运营培训班（免费）'])

    testUtils.fireEvent.click(button(container, '居家手工'))
    testUtils.fireEvent.click(button(container, '青年'))
    await settle()
    expect(container.textContent).toContain('没有符合条件的岗位')
  })
})

describe('the apply form', () => {
  async function openForm() {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    const page = await mountPage(ApplyJob, { path: '/jobs/pages/apply/index', params: { id: 'j1' } })
    await page.testUtils.queries.waitForQueryByText('提交报名', undefined, { timeout: 3000 })
    return page
  }

  it('prefills the profile, shows errors beside fields and applies nothing', async () => {
    const apply = jest.spyOn(jobsApi, 'applyForJob')
    const { container, testUtils } = await openForm()
    expect((container.querySelector('#apply-name') as HTMLInputElement).value).toBe('李明')
    typeInto(container, 'apply-phone', '1380452')
    typeInto(container, 'apply-name', '')
    testUtils.fireEvent.click(button(container, '提交报名'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(container.querySelector('#apply-name-error')?.textContent).toBe('请填写姓名')
    expect(container.querySelector('#apply-phone-error')?.textContent).toMatch(/11位手机号/)
    expect((container.querySelector('#apply-phone') as HTMLInputElement).value).toBe('1380452')
    expect(apply).not.toHaveBeenCalled()
  })

  it('keeps the note after a network failure and retries with the same key', async () => {
    const apply = jest.spyOn(jobsApi, 'applyForJob').mockRejectedValueOnce(new ApiError('NETWORK'))
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    const { container, testUtils } = await openForm()
    typeInto(container, 'apply-note', '会钩针，每天下午有空')
    testUtils.fireEvent.click(button(container, '提交报名'))
    await testUtils.queries.waitForQueryByText('报名还没有提交', undefined, { timeout: 3000 })
    expect((container.querySelector('#apply-note') as HTMLTextAreaElement).value).toBe('会钩针，每天下午有空')
    testUtils.fireEvent.click(button(container, '提交报名'))
    await settle()
    expect(apply.mock.calls[1][2]?.idempotencyKey).toBe(apply.mock.calls[0][2]?.idempotencyKey)
    expect(redirect).toHaveBeenCalledWith({ url: '/jobs/pages/mine/index?applied=1' })
  })

  it('says so when the resident already applied', async () => {
    jest.spyOn(jobsApi, 'applyForJob').mockRejectedValue(new ApiError('CONFLICT', '您已经报名过这个岗位，请在“我的报名”查看进度'))
    const { container, testUtils } = await openForm()
    testUtils.fireEvent.click(button(container, '提交报名'))
    expect(await testUtils.queries.waitForQueryByText('您已经报名过这个岗位', undefined, { timeout: 3000 })).toBeTruthy()
  })
})

describe('a posting already applied to', () => {
  it('says so on the posting, with the progress, instead of offering 我要报名 again', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    const before = await mountPage(JobDetail, { path: '/jobs/pages/detail/index', params: { id: 'j1' } })
    await before.testUtils.queries.waitForQueryByText('我要报名', undefined, { timeout: 3000 })
    before.unmount()

    await jobsApi.applyForJob('j1', { name: '李明', phone: '13804521234', note: '' })
    const { container, testUtils } = await mountPage(JobDetail, { path: '/jobs/pages/detail/index', params: { id: 'j1' } })
    await testUtils.queries.waitForQueryByText('您已报名这个岗位，当前进度：已提交', undefined, { timeout: 3000 })
    expect(Array.from(container.querySelectorAll('button')).map((b) => b.textContent)).not.toContain('我要报名')
    expect(button(container, '查看我的报名')).toBeTruthy()
  })
})

describe('代办 on the apply form', () => {
  it('lets staff choose a resident of the list, and applies for that resident', async () => {
    const apply = jest.spyOn(jobsApi, 'applyForJob')
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const { container, testUtils } = await mountPage(ApplyJob, { path: '/jobs/pages/apply/index', params: { id: 'j1' } })
    // Staff only ever apply for residents: no 为自己办理, and nothing of their own profile.
    const chooseWang = await testUtils.queries.waitForQuerySelector('button[aria-label="选择居民 王秀英 135****6688"]', { timeout: 3000 })
    expect(container.textContent).not.toContain('为自己办理')
    expect((container.querySelector('#apply-name') as HTMLInputElement).value).toBe('')
    testUtils.fireEvent.click(chooseWang!)
    await testUtils.queries.waitForQueryByText('已选择：王秀英。要为其他人办理，请重新选择或在下面填写。')
    expect((container.querySelector('#apply-name') as HTMLInputElement).value).toBe('王秀英')
    typeInto(container, 'apply-phone', '13504526688')
    testUtils.fireEvent.click(button(container, '提交报名'))
    await settle()
    expect(apply.mock.calls[0][1]).toMatchObject({ name: '王秀英', phone: '13504526688', forResident: { id: 'seed-wang' } })
    expect(redirect).toHaveBeenCalledWith({ url: '/jobs/pages/detail/index?id=j1&applied=1' })
  })
})

