import Taro from '@tarojs/taro'
import { api, ApiError } from '../../src/api'
import { clinicApi } from '../../src/api/clinic'
import BookClinic from '../../src/clinic/pages/book'
import Ticket from '../../src/clinic/pages/ticket'
import { useSession } from '../../src/stores/session'
import { typeInto, button, valueOf, errorOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

async function openBooking(slot = 't2') {
  const session = await api.switchDemoAccount('elder')
  useSession.getState().signIn(session)
  const page = await mountPage(BookClinic, { path: '/clinic/pages/book/index', params: { clinic: 'c1', slot } })
  await page.testUtils.queries.waitForQueryByText('为谁预约', undefined, { timeout: 3000 })
  return page
}

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe('the booking form', () => {
  it('fills 本人 from the profile and asks for the name when booking for family', async () => {
    const { container, testUtils } = await openBooking()
    expect(valueOf(container, 'book-name')).toBe('张桂兰')
    expect(valueOf(container, 'book-phone')).toBe('13904527788')
    testUtils.fireEvent.click(button(container, '家人代约'))
    await testUtils.queries.waitForQuerySelector('[aria-checked="true"]')
    expect(valueOf(container, 'book-name')).toBe('')
    expect(valueOf(container, 'book-phone')).toBe('13904527788')
  })

  it('shows each error beside its field, keeps the form and books nothing', async () => {
    const bookClinic = jest.spyOn(clinicApi, 'bookClinic')
    const { container, testUtils } = await openBooking()
    typeInto(container, 'book-phone', '139045')
    typeInto(container, 'book-age', '130')
    testUtils.fireEvent.click(button(container, '确认预约'))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')
    expect(errorOf(container, 'book-phone')).toMatch(/11位手机号/)
    expect(errorOf(container, 'book-age')).toBe('年龄须为0到120之间的整数')
    expect(errorOf(container, 'book-name')).toBeNull()
    expect([valueOf(container, 'book-phone'), valueOf(container, 'book-age')]).toEqual(['139045', '130'])
    expect(bookClinic).not.toHaveBeenCalled()
  })

  it('keeps everything after a network failure and retries with the same key', async () => {
    const bookClinic = jest.spyOn(clinicApi, 'bookClinic').mockRejectedValueOnce(new ApiError('TIMEOUT'))
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
    const { container, testUtils } = await openBooking()
    typeInto(container, 'book-age', '72')
    testUtils.fireEvent.click(button(container, '确认预约'))
    await testUtils.queries.waitForQueryByText('预约还没有提交', undefined, { timeout: 3000 })
    expect(valueOf(container, 'book-age')).toBe('72')
    testUtils.fireEvent.click(button(container, '确认预约'))
    await new Promise((r) => setTimeout(r, 50))
    expect(bookClinic).toHaveBeenCalledTimes(2)
    expect(bookClinic.mock.calls[1][3]?.idempotencyKey).toBe(bookClinic.mock.calls[0][3]?.idempotencyKey)
    expect(redirect).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/clinic\/pages\/ticket\/index\?id=k\d+&new=1$/) })
  })

  it('offers 候补 for a full slot and says what it means', async () => {
    const { container, testUtils } = await openBooking('t1')
    expect(await testUtils.queries.waitForQueryByText('这个时段已约满', undefined, { timeout: 3000 })).toBeTruthy()
    expect(button(container, '确认候补')).toBeTruthy()
  })

  it('shows a refusal from the backend in clear Chinese', async () => {
    jest.spyOn(clinicApi, 'bookClinic').mockRejectedValue(new ApiError('CONFLICT', '张桂兰已经预约了这场义诊，同一位就诊人只能预约一次'))
    const { container, testUtils } = await openBooking()
    typeInto(container, 'book-age', '72')
    testUtils.fireEvent.click(button(container, '确认预约'))
    expect(await testUtils.queries.waitForQueryByText('同一位就诊人只能预约一次', undefined, { timeout: 3000 })).toBeTruthy()
  })
})

describe('the booking form after the cutoff', () => {
  it('says booking has closed and offers no enabled 确认预约', async () => {
    const real = await clinicApi.getClinic('c1')
    jest.spyOn(clinicApi, 'getClinic').mockResolvedValue({ ...real, bookingOpen: false })
    const bookClinic = jest.spyOn(clinicApi, 'bookClinic')
    const { container, testUtils } = await openBooking()
    await testUtils.queries.waitForQueryByText('这场义诊现在不能预约（未开放或已截止），填写的内容不会提交。')
    const confirm = button(container, '确认预约')
    expect(confirm.disabled).toBe(true)
    testUtils.fireEvent.click(confirm)
    expect(bookClinic).not.toHaveBeenCalled()
  })
})

describe('the ticket', () => {
  /** The elder's new booking, then the ticket opened by `account`. */
  async function ticketAs(account: 'staff' | 'elder', bookingId?: string) {
    let id = bookingId
    if (!id) {
      useSession.getState().signIn(await api.switchDemoAccount('elder'))
      id = (await clinicApi.bookClinic('c1', 't3', { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: '', assistance: [] })).id
    }
    useSession.getState().signIn(await api.switchDemoAccount(account))
    const page = await mountPage(Ticket, { path: '/clinic/pages/ticket/index', params: { id } })
    await page.testUtils.queries.waitForQueryByText('预约成功', undefined, { timeout: 3000 })
    return { ...page, id }
  }

  it('asks staff why they cancel, beside the field, and shows the elder who cancelled and why', async () => {
    const cancelBooking = jest.spyOn(clinicApi, 'cancelBooking')
    const { container, testUtils, id } = await ticketAs('staff')
    testUtils.fireEvent.click(button(container, '取消预约'))
    await testUtils.queries.waitForQuerySelector('#cancel-reason')
    testUtils.fireEvent.click(button(container, '确定取消'))
    await testUtils.queries.waitForQueryByText('请填写取消原因')
    expect(errorOf(container, 'cancel-reason')).toBe('请填写取消原因')
    expect(cancelBooking).not.toHaveBeenCalled()
    typeInto(container, 'cancel-reason', '医生临时有事，义诊改期')
    testUtils.fireEvent.click(button(container, '确定取消'))
    await testUtils.queries.waitForQueryByText('预约已取消')
    expect(cancelBooking).toHaveBeenCalledWith(id, '医生临时有事，义诊改期', expect.anything())

    // The elder opens her ticket: cancelled, by whom and why.
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const page = await mountPage(Ticket, { path: '/clinic/pages/ticket/index', params: { id } })
    await page.testUtils.queries.waitForQuerySelector('.ticket__status')
    expect(page.container.querySelector('.ticket__status')?.textContent).toBe('已取消')
    expect(page.container.textContent).toMatch(/由工作人员 刘芳 于\d+月\d+日 \d\d:\d\d取消：医生临时有事，义诊改期/)
    expect(page.container.querySelector('#cancel-reason')).toBeNull()
  })

  it('lets the elder cancel her own booking without a reason', async () => {
    const { container, testUtils } = await ticketAs('elder')
    testUtils.fireEvent.click(button(container, '取消预约'))
    await testUtils.queries.waitForQueryByText('确定取消这个预约吗？名额会让给候补的居民。')
    expect(container.querySelector('#cancel-reason')).toBeNull()
    testUtils.fireEvent.click(button(container, '确定取消'))
    await testUtils.queries.waitForQueryByText('预约已取消')
  })
})

describe('the ticket without a network', () => {
  it('opens the copy kept on the phone, marked as possibly out of date, and offers no change', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const { id } = await clinicApi.bookClinic('c1', 't3', { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: '', assistance: [] })
    const first = await mountPage(Ticket, { path: '/clinic/pages/ticket/index', params: { id } })
    await first.testUtils.queries.waitForQueryByText('取消预约', undefined, { timeout: 3000 })
    const code = first.container.querySelector('.ticket__code')?.textContent

    // At the clinic door: no network.
    jest.spyOn(clinicApi, 'getBooking').mockRejectedValue(new ApiError('NETWORK'))
    const offline = await mountPage(Ticket, { path: '/clinic/pages/ticket/index', params: { id } })
    await offline.testUtils.queries.waitForQueryByText('重新加载', undefined, { timeout: 3000 })
    expect(offline.container.querySelector('.notice--warn')?.textContent).toMatch(/^网络不通，这是\d+月\d+日 \d\d:\d\d保存在手机上的凭证，可能不是最新状态。重新加载$/)
    expect(offline.container.querySelector('.ticket__code')?.textContent).toBe(code)
    expect(offline.container.querySelector('.ticket__status')?.textContent).toBe('预约成功')
    expect(Array.from(offline.container.querySelectorAll('button')).map((b) => b.textContent)).not.toContain('取消预约')
  })

  it('shows no kept copy when the server refuses the ticket (another account)', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const { id } = await clinicApi.bookClinic('c1', 't3', { patientName: '张桂兰', phone: '13904527788', age: 72, forWhom: '本人', symptoms: '', assistance: [] })
    const first = await mountPage(Ticket, { path: '/clinic/pages/ticket/index', params: { id } })
    await first.testUtils.queries.waitForQueryByText('取消预约', undefined, { timeout: 3000 })
    jest.spyOn(clinicApi, 'getBooking').mockRejectedValue(new ApiError('FORBIDDEN'))
    const refused = await mountPage(Ticket, { path: '/clinic/pages/ticket/index', params: { id } })
    await refused.testUtils.queries.waitForQueryByText('回到首页', undefined, { timeout: 3000 })
    expect(refused.container.querySelector('.ticket__code')).toBeNull()
  })
})

describe('常用就诊人 on the booking form', () => {
  it('a family member booked for before is one tap away, with age and help filled in', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    await clinicApi.bookClinic('c2', (await clinicApi.getClinic('c2')).slots[0].id, { patientName: '李大爷', phone: '13600001111', age: 78, forWhom: '家人代约', symptoms: '', assistance: ['听力'] })
    const { container, testUtils } = await mountPage(BookClinic, { path: '/clinic/pages/book/index', params: { clinic: 'c1', slot: 't2' } })
    await testUtils.queries.waitForQueryByText('为谁预约', undefined, { timeout: 3000 })
    expect(container.querySelector('[aria-label="常用就诊人"]')).toBeNull()
    testUtils.fireEvent.click(button(container, '家人代约'))
    await testUtils.queries.waitForQueryByText('李大爷（78岁）')
    expect(valueOf(container, 'book-name')).toBe('')
    testUtils.fireEvent.click(button(container, '李大爷（78岁）'))
    await testUtils.queries.waitForQuerySelector('[aria-label="常用就诊人"] [aria-pressed="true"]')
    expect(valueOf(container, 'book-name')).toBe('李大爷')
    expect(valueOf(container, 'book-phone')).toBe('13600001111')
    expect(valueOf(container, 'book-age')).toBe('78')
    expect(button(container, '听力').getAttribute('aria-pressed')).toBe('true')
  })

  it('本人 takes the age the account gave last time', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    const me = useSession.getState().user!
    await clinicApi.bookClinic('c2', (await clinicApi.getClinic('c2')).slots[0].id, { patientName: me.name, phone: me.phone, age: 45, forWhom: '本人', symptoms: '', assistance: [] })
    const { container, testUtils } = await mountPage(BookClinic, { path: '/clinic/pages/book/index', params: { clinic: 'c1', slot: 't2' } })
    await testUtils.queries.waitForQueryByText('为谁预约', undefined, { timeout: 3000 })
    for (let i = 0; i < 50 && valueOf(container, 'book-age') === ''; i++) await new Promise((done) => setTimeout(done, 20))
    expect(valueOf(container, 'book-age')).toBe('45')
  })
})
