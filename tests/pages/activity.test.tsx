import Taro from '@tarojs/taro'
import { api, ApiError, type RosterEntry, type SignUpView } from '../../src/api'
import { activityApi } from '../../src/api/activity'
import ActivityDetail from '../../src/activity/pages/detail'
import OrganiserPage from '../../src/activity/pages/organiser'
import PublishActivity from '../../src/activity/pages/publish'
import VerifyCertificate from '../../src/activity/pages/verify'
import { useSession } from '../../src/stores/session'
import { button, typeInto, valueOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

const settle = () => new Promise((r) => setTimeout(r, 60))

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe('publishing an activity', () => {
  it('shows each error beside its field, keeps what was typed, and stores nothing', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const publish = jest.spyOn(activityApi, 'publishActivity')
    const { container, testUtils } = await mountPage(PublishActivity, { path: '/activity/pages/publish/index' })
    typeInto(container, 'activity-theme', '植树护绿')
    typeInto(container, 'activity-capacity', '0')
    typeInto(container, 'activity-end', '08:00')
    testUtils.fireEvent.click(button(container, '发布活动'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(container.querySelector('#activity-capacity-error')?.textContent).toBe('人数上限须为1到500之间的整数')
    expect(container.querySelector('#activity-end-error')?.textContent).toBe('结束时间须晚于开始时间')
    expect(container.querySelector('#activity-place-error')?.textContent).toBe('请填写活动地点')
    expect([valueOf(container, 'activity-theme'), valueOf(container, 'activity-capacity')]).toEqual(['植树护绿', '0'])
    expect(publish).not.toHaveBeenCalled()
  })

  it('publishes a whole form once and opens the activity', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const publish = jest.spyOn(activityApi, 'publishActivity')
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    const { container, testUtils } = await mountPage(PublishActivity, { path: '/activity/pages/publish/index' })
    typeInto(container, 'activity-theme', '植树护绿')
    typeInto(container, 'activity-place', '东安公园北门')
    typeInto(container, 'activity-capacity', '20')
    testUtils.fireEvent.click(button(container, '发布活动'))
    await settle()
    expect(publish).toHaveBeenCalledTimes(1)
    expect(publish.mock.calls[0][0]).toMatchObject({ theme: '植树护绿', capacity: 20, audience: ['volunteers', 'party', 'residents'], deadline: expect.stringMatching(/T18:00:00\+08:00$/) })
    const made = await publish.mock.results[0].value
    expect(redirect).toHaveBeenCalledWith({ url: `/activity/pages/detail/index?id=${made.id}` })
  })

  it('publishes a monthly series by the rule the form describes', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const series = jest.spyOn(activityApi, 'publishActivitySeries')
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    const { container, testUtils } = await mountPage(PublishActivity, { path: '/activity/pages/publish/index' })
    typeInto(container, 'activity-theme', '党员责任区集中奉献日')
    typeInto(container, 'activity-place', '东安社区文化广场')
    typeInto(container, 'activity-capacity', '30')
    typeInto(container, 'activity-date', '2027-01-09')
    typeInto(container, 'activity-deadlineDate', '2027-01-08')
    typeInto(container, 'activity-months', '13')
    testUtils.fireEvent.click(button(container, '发布活动'))
    await testUtils.queries.waitForQueryByText('重复月数须为1到12之间的整数')
    typeInto(container, 'activity-months', '3')
    expect(container.textContent).toContain('每月第二个周六，共3次')
    testUtils.fireEvent.click(button(container, '发布活动'))
    await settle()
    expect(series.mock.calls[0].slice(0, 2)).toEqual([expect.objectContaining({ date: '2027-01-09', deadline: '2027-01-08T18:00:00+08:00' }), 3])
    expect((await series.mock.results[0].value).map((a: { date: string }) => a.date)).toEqual(['2027-01-09', '2027-02-13', '2027-03-13'])
    expect(redirect).toHaveBeenCalledWith({ url: '/activity/pages/list/index' })
  })
})

describe('an activity’s page', () => {
  it('signs a resident up, then checks in by the typed code: a refused code is said beside the field', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    const { container, testUtils } = await mountPage(ActivityDetail, { path: '/activity/pages/detail/index', params: { id: 'h1' } })
    await testUtils.queries.waitForQueryByText('报名参加', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '报名参加'))
    await testUtils.queries.waitForQueryByText('报名成功，请按时到场签到', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('我的报名：已报名')

    const checkIn = jest
      .spyOn(activityApi, 'checkInToActivity')
      .mockRejectedValueOnce(new ApiError('CONFLICT', '签到码已过期，请扫描组织者手机上的最新签到码', { code: '签到码已过期，请用最新的签到码' }))
      .mockImplementationOnce(async () => ({ ...(await activityApi.listMySignUps())[0], checkedInAt: '2026-11-28T08:55:00+08:00' }) as SignUpView)
    typeInto(container, 'activity-code', '123456')
    testUtils.fireEvent.click(button(container, '签到'))
    await testUtils.queries.waitForQueryByText('签到码已过期，请扫描组织者手机上的最新签到码', undefined, { timeout: 3000 })
    expect(container.querySelector('#activity-code-error')?.textContent).toBe('签到码已过期，请用最新的签到码')
    expect(valueOf(container, 'activity-code')).toBe('123456')

    typeInto(container, 'activity-code', '654321')
    testUtils.fireEvent.click(button(container, '签到'))
    await testUtils.queries.waitForQueryByText('签到成功（08:55）', undefined, { timeout: 3000 })
    expect(checkIn.mock.calls.map((c) => [c[0], c[1]])).toEqual([
      ['h1', '123456'],
      ['h1', '654321'],
    ])
    // The failed try stored nothing, so the retry may reuse its key.
    expect(checkIn.mock.calls[1][2]?.idempotencyKey).toBe(checkIn.mock.calls[0][2]?.idempotencyKey)
  })
})

describe('the organiser’s page', () => {
  it('shows the live code large, and the list of who signed up', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    await activityApi.signUpForActivity('h1')
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    jest.spyOn(activityApi, 'getLiveCode').mockResolvedValue({ code: '482913', payload: 'HD:h1:482913', expiresAt: new Date(Date.now() + 20_000).toISOString() })
    const { container, testUtils } = await mountPage(OrganiserPage, { path: '/activity/pages/organiser/index', params: { id: 'h1' } })
    await testUtils.queries.waitForQueryByText('482913', undefined, { timeout: 3000 })
    expect(container.querySelector('.live-code')?.textContent).toBe('482913')
    expect(container.textContent).toContain('李明 · 已报名')
    expect(container.textContent).toContain('签到 — · 签退 — · 0小时')
  })
})

describe('the volunteer’s own code', () => {
  it('is shown on request on the activity’s page, eight digits and nothing personal', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('volunteer'))
    await activityApi.signUpForActivity('h1')
    const mine = jest.spyOn(activityApi, 'getMyActivityCode')
    const { container, testUtils } = await mountPage(ActivityDetail, { path: '/activity/pages/detail/index', params: { id: 'h1' } })
    await testUtils.queries.waitForQueryByText('出示我的签到码', undefined, { timeout: 3000 })
    // Not fetched until asked for.
    expect(mine).not.toHaveBeenCalled()
    testUtils.fireEvent.click(button(container, '出示我的签到码'))
    const shown = await testUtils.queries.waitForQuerySelector('.live-code--personal', { timeout: 3000 })
    expect(shown!.textContent).toMatch(/^\d{8}$/)
    expect(mine).toHaveBeenCalledWith('h1')
    expect(container.textContent).not.toContain('赵志强')
  })

  it('is typed on the organiser’s page: a refusal is said beside the field and the digits stay; a success names the volunteer', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const { container, testUtils } = await mountPage(OrganiserPage, { path: '/activity/pages/organiser/index', params: { id: 'h1' } })
    await testUtils.queries.waitForQueryByText('扫志愿者的签到码', undefined, { timeout: 3000 })
    typeInto(container, 'volunteer-code', '1234')
    testUtils.fireEvent.click(button(container, '确认签到'))
    await testUtils.queries.waitForQueryByText('请输入志愿者手机上的8位数字', undefined, { timeout: 3000 })
    expect(container.querySelector('#volunteer-code-error')?.textContent).toBe('请输入志愿者手机上的8位数字')
    expect(valueOf(container, 'volunteer-code')).toBe('1234')

    const scan = jest.spyOn(activityApi, 'scanVolunteerCode').mockResolvedValueOnce({ name: '赵志强', checkedInAt: '2026-11-28T08:55:00+08:00', checkedOutAt: '2026-11-28T11:00:00+08:00', creditedHours: 2 } as RosterEntry)
    testUtils.fireEvent.click(container.querySelector('[role="radio"][aria-checked="false"]')!)
    typeInto(container, 'volunteer-code', '12345678')
    testUtils.fireEvent.click(button(container, '确认签退'))
    await testUtils.queries.waitForQueryByText('赵志强 签退成功，本次服务2小时', undefined, { timeout: 3000 })
    expect(scan.mock.calls[0].slice(0, 3)).toEqual(['h1', '12345678', 'check-out'])
    expect(valueOf(container, 'volunteer-code')).toBe('')
  })
})

describe('the public check of a certificate', () => {
  it('opens from the certificate’s link and shows the totals with the holder’s name masked; a wrong code is said beside the field', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('volunteer'))
    const certificate = await activityApi.issueCertificate()
    useSession.setState({ token: null, user: null })
    const { container, testUtils } = await mountPage(VerifyCertificate, { path: '/activity/pages/verify/index', params: { c: certificate.code } })
    await testUtils.queries.waitForQueryByText('证明真实有效', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('持证人：赵*强')
    expect(container.textContent).toContain(`累计服务：${certificate.record.totalHours}小时`)
    expect(container.textContent).not.toContain('赵志强')

    typeInto(container, 'certificate-code', 'ABC')
    testUtils.fireEvent.click(button(container, '查验'))
    await testUtils.queries.waitForQueryByText('验证码是16位数字和字母，请核对')
    expect(container.querySelector('#certificate-code-error')?.textContent).toBe('验证码是16位数字和字母，请核对')
    expect(container.textContent).not.toContain('证明真实有效')
  })
})
