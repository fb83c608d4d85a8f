import Taro from '@tarojs/taro'
import { api, ApiError } from '../../src/api'
import { mattersApi } from '../../src/api/matters'
import { inChina } from '../../src/domain/chinaTime'
import MeetingDetail from '../../src/matters/pages/meeting'
import Meetings from '../../src/matters/pages/meetings'
import NewMeeting from '../../src/matters/pages/meeting-new'
import { useSession } from '../../src/stores/session'
import { button, errorOf, typeInto, valueOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

const settle = () => new Promise((r) => setTimeout(r, 60))
const tomorrow = () => inChina(Date.now()).add(1, 'day').format('YYYY-MM-DD')

afterEach(async () => {
  jest.restoreAllMocks()
  await api.resetDemo().catch(() => undefined)
  useSession.setState({ token: null, user: null })
})

async function signIn(account: string) {
  useSession.getState().signIn(await api.switchDemoAccount(account))
}

describe('scheduling a 网格议事会', () => {
  async function openForm() {
    await signIn('staff')
    const page = await mountPage(NewMeeting, { path: '/matters/pages/meeting-new/index' })
    await page.testUtils.queries.waitForQueryByText('安排议事会', undefined, { timeout: 3000 })
    return page
  }

  it('shows errors beside the fields, keeps what was typed and sends nothing', async () => {
    const schedule = jest.spyOn(mattersApi, 'scheduleMeeting')
    const { container, testUtils } = await openForm()
    typeInto(container, 'meeting-place', '党群服务站二楼')
    testUtils.fireEvent.click(button(container, '安排议事会'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'meeting-date')).toBe('请填写日期，如2026-12-08')
    expect(container.textContent).toContain('请选择网格')
    expect(container.textContent).toContain('参会人员请填写姓名')
    expect(valueOf(container, 'meeting-place')).toBe('党群服务站二楼')
    typeInto(container, 'meeting-date', tomorrow())
    await settle()
    expect(errorOf(container, 'meeting-date')).toBeNull()
    expect(schedule).not.toHaveBeenCalled()
  })

  it('sends the grid, China time, place and attendees by role, retrying with the same key', async () => {
    const schedule = jest.spyOn(mattersApi, 'scheduleMeeting').mockRejectedValueOnce(new ApiError('NETWORK'))
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    const { container, testUtils } = await openForm()
    testUtils.fireEvent.click(container.querySelector('[aria-label="网格"] button:nth-child(3)')!)
    typeInto(container, 'meeting-date', tomorrow())
    typeInto(container, 'meeting-start', '19:30')
    typeInto(container, 'meeting-place', '党群服务站二楼')
    typeInto(container, 'attendee-0', '陈建国')
    typeInto(container, 'attendee-1', '赵志强')
    typeInto(container, 'attendee-2', '马玉珍')
    testUtils.fireEvent.click(button(container, '添加参会人员'))
    await settle()
    testUtils.fireEvent.click(container.querySelector('[aria-label="第4位的身份"] button:nth-child(4)')!)
    typeInto(container, 'attendee-3', '韩德胜')
    testUtils.fireEvent.click(button(container, '安排议事会'))
    await testUtils.queries.waitForQueryByText('议事会还没有安排好', undefined, { timeout: 3000 })
    expect(valueOf(container, 'attendee-3')).toBe('韩德胜')
    testUtils.fireEvent.click(button(container, '安排议事会'))
    await settle()
    await settle()
    expect(schedule.mock.calls[1][0]).toEqual({
      gridCode: 'DA0103',
      date: tomorrow(),
      start: '19:30',
      place: '党群服务站二楼',
      attendees: [
        { role: '网格书记', name: '陈建国' },
        { role: '网格员', name: '赵志强' },
        { role: '楼栋长', name: '马玉珍' },
        { role: '单元长', name: '韩德胜' },
      ],
    })
    expect(schedule.mock.calls[1][1]?.idempotencyKey).toBe(schedule.mock.calls[0][1]?.idempotencyKey)
    expect(redirect).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/matters\/pages\/meeting\/index\?id=mg\d+$/) })
  })
})

describe('recording decisions', () => {
  it('puts a matter on the agenda, asks for the decision first, and publishes the minutes read-only', async () => {
    await signIn('staff')
    const meeting = await mattersApi.scheduleMeeting({ gridCode: 'DA0103', date: tomorrow(), start: '19:00', place: '党群服务站二楼', attendees: [{ role: '网格书记', name: '陈建国' }] })
    const { container, testUtils } = await mountPage(MeetingDetail, { path: '/matters/pages/meeting/index', params: { id: meeting.id } })
    await testUtils.queries.waitForQueryByText('议程上还没有事项', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(container.querySelector('button[aria-label^="列入议程：2栋楼道的灯"]')!)
    await testUtils.queries.waitForQueryByText('已列入议程', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('待议定')

    // Publishing first: the minutes and the undecided item are named, nothing is sent.
    const publish = jest.spyOn(mattersApi, 'publishMeeting')
    testUtils.fireEvent.click(button(container, '公布决议'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'meeting-minutes')).toBe('请填写会议决议')
    expect(container.textContent).toContain('还有1件事项没有记录决议')
    expect(publish).not.toHaveBeenCalled()

    testUtils.fireEvent.click(button(container, '记录决议'))
    await settle()
    expect(errorOf(container, 'decision-mt-seed-1')).toBe('请填写决议')
    typeInto(container, 'decision-mt-seed-1', '物业三天内加装声控灯')
    testUtils.fireEvent.click(button(container, '记录决议'))
    await testUtils.queries.waitForQueryByText('决议：物业三天内加装声控灯', undefined, { timeout: 3000 })

    typeInto(container, 'meeting-minutes', '一项决议，由网格员跟进')
    testUtils.fireEvent.click(button(container, '公布决议'))
    await testUtils.queries.waitForQueryByText('决议已公布，本网格居民都能看到', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('会议决议：一项决议，由网格员跟进')
    expect(container.querySelector('#decision-mt-seed-1')).toBeNull()
    expect(Array.from(container.querySelectorAll('button')).map((b) => b.textContent)).not.toContain('公布决议')

    // A resident of the grid now finds it in the list.
    await signIn('elder')
    const list = await mountPage(Meetings, { path: '/matters/pages/meetings/index' })
    await list.testUtils.queries.waitForQuerySelector('.matter-item', { timeout: 3000 })
    expect(list.container.querySelectorAll('button[aria-label^="查看决议："]').length).toBe(2)
    expect(list.container.textContent).not.toContain('安排议事会')
  })
})
