import Taro from '@tarojs/taro'
import { api } from '../../src/api'
import { roomsApi } from '../../src/api/rooms'
import { inChina } from '../../src/domain/chinaTime'
import RoomDetail from '../../src/rooms/pages/detail'
import MyRoomBookingsPage from '../../src/rooms/pages/mine'
import { useSession } from '../../src/stores/session'
import { button, typeInto, valueOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

const tomorrow = () => inChina(Date.now()).add(1, 'day')

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe('booking a room', () => {
  it('an elder picks tomorrow and books 棋牌室 09:00; the hour shows one place fewer', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const { container, testUtils } = await mountPage(RoomDetail, { path: '/rooms/pages/detail/index', params: { id: 'm2' } })
    await testUtils.queries.waitForQueryByText('棋牌室', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, tomorrow().format('M月D日 ddd')))
    const first = await testUtils.queries.waitForQuerySelector('button[aria-label="预约 09:00–10:00"]', { timeout: 3000 })
    testUtils.fireEvent.click(first!)
    await testUtils.queries.waitForQueryByText(`已预约 ${tomorrow().format('M月D日 ddd')} 09:00，请按时到场扫码签到`, undefined, { timeout: 3000 })
    await testUtils.queries.waitForQueryByText('剩余3个名额', undefined, { timeout: 3000 })
  })

  it('staff closing a room see each bad field beside it, with what they typed kept', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    const close = jest.spyOn(roomsApi, 'closeRoom')
    const { container, testUtils } = await mountPage(RoomDetail, { path: '/rooms/pages/detail/index', params: { id: 'm2' } })
    await testUtils.queries.waitForQueryByText('暂停开放（维修、活动）', undefined, { timeout: 3000 })
    // Both days start as today; a time not picked yet is the first thing said.
    expect(valueOf(container, 'closure-from-date')).toBe(inChina(Date.now()).format('YYYY-MM-DD'))
    testUtils.fireEvent.click(button(container, '暂停开放并取消受影响的预约'))
    await testUtils.queries.waitForQueryByText('请填写开始时间')
    typeInto(container, 'closure-from-date', '2030-01-01')
    typeInto(container, 'closure-from-time', '14:00')
    typeInto(container, 'closure-to-date', '2030-01-01')
    typeInto(container, 'closure-to-time', '12:00')
    testUtils.fireEvent.click(button(container, '暂停开放并取消受影响的预约'))
    await testUtils.queries.waitForQueryByText('结束须晚于开始')
    expect(container.querySelector('#closure-to-time-error')?.textContent).toBe('结束须晚于开始')
    expect(container.querySelector('#closure-reason-error')?.textContent).toBe('请填写暂停原因')
    expect([valueOf(container, 'closure-from-date'), valueOf(container, 'closure-from-time')]).toEqual(['2030-01-01', '14:00'])
    expect(close).not.toHaveBeenCalled()
  })
})

describe('my room bookings', () => {
  it('show why staff cancelled a booking', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const date = tomorrow().format('YYYY-MM-DD')
    await roomsApi.bookRoom('m1', { date, start: '15:00' })
    useSession.getState().signIn(await api.switchDemoAccount('staff'))
    await roomsApi.closeRoom('m1', { from: `${date}T14:00:00+08:00`, to: `${date}T18:00:00+08:00`, reason: '球台维修' })
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const { container, testUtils } = await mountPage(MyRoomBookingsPage, { path: '/rooms/pages/mine/index' })
    await testUtils.queries.waitForQueryByText('工作人员已取消：球台维修', undefined, { timeout: 3000 })
    expect(container.textContent).toContain('已取消')
    expect(Array.from(container.querySelectorAll('button')).map((b) => b.textContent)).not.toContain('取消预约')
  })
})

describe('checking in at the door', () => {
  it('offers no check-in without a booking, only the way to book', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' })
    const { container, testUtils } = await mountPage(MyRoomBookingsPage, { path: '/rooms/pages/mine/index' })
    await testUtils.queries.waitForQueryByText('还没有预约', undefined, { timeout: 3000 })
    expect(container.querySelector('#room-door-code')).toBeNull()
    testUtils.fireEvent.click(button(container, '去预约功能室'))
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/rooms/pages/list/index' }))
  })

  it('explains a short code, and six digits before the booking opens for check-in, beside the field, keeping what was typed and sending nothing', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    await roomsApi.bookRoom('m2', { date: tomorrow().format('YYYY-MM-DD'), start: '15:00' })
    const checkIn = jest.spyOn(roomsApi, 'checkInToRoom')
    const { container, testUtils } = await mountPage(MyRoomBookingsPage, { path: '/rooms/pages/mine/index' })
    await testUtils.queries.waitForQuerySelector('#room-door-code', { timeout: 3000 })
    typeInto(container, 'room-door-code', '12345')
    testUtils.fireEvent.click(button(container, '签到'))
    await testUtils.queries.waitForQueryByText('请扫描功能室门口屏幕上的二维码，或输入二维码下方的6位数字')
    typeInto(container, 'room-door-code', '123456')
    testUtils.fireEvent.click(button(container, '签到'))
    await testUtils.queries.waitForQueryByText('您现在没有可签到的预约（开始前10分钟起可签到）')
    expect(valueOf(container, 'room-door-code')).toBe('123456')
    expect(checkIn).not.toHaveBeenCalled()
  })
})

describe('the 母婴室', () => {
  it('shows 空闲, takes 我在使用 and then shows 使用中 with 离开; 离开 makes it 空闲 again', async () => {
    // Inside the opening hours (09:00–21:00 China time) whenever the test runs.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(`${tomorrow().format('YYYY-MM-DD')}T10:00:00+08:00`))
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    const { container, testUtils } = await mountPage(RoomDetail, { path: '/rooms/pages/detail/index', params: { id: 'm4' } })
    await testUtils.queries.waitForQueryByText('空闲', undefined, { timeout: 3000 })
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('母婴室示意图')
    // A walk-in room has no hours to book.
    expect(container.querySelector('[aria-label="时段"]')).toBeNull()
    testUtils.fireEvent.click(button(container, '我在使用'))
    await testUtils.queries.waitForQueryByText('已登记使用，10:30自动结束；离开时请点“离开”', undefined, { timeout: 3000 })
    await testUtils.queries.waitForQueryByText('使用中', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '离开'))
    await testUtils.queries.waitForQueryByText('已离开，谢谢', undefined, { timeout: 3000 })
    await testUtils.queries.waitForQueryByText('空闲', undefined, { timeout: 3000 })
  })
})
