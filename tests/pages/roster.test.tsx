import { api } from '../../src/api'
import { clinicApi } from '../../src/api/clinic'
import Roster from '../../src/clinic/pages/roster'
import { inChina } from '../../src/domain/chinaTime'
import { scanQrCode } from '../../src/platform/scan'
import { useSession } from '../../src/stores/session'
import { PATIENT } from '../contract/drafts'
import { button, errorOf, typeInto, valueOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

// WeChat's camera, faked: the test says what the next scan reads.
jest.mock('../../src/platform/scan', () => ({ canScan: true, scanQrCode: jest.fn() }))

const realNow = Date.now

/** Two bookings of tomorrow's clinic c1, then staff on the morning of it. */
async function rosterOnTheDay() {
  useSession.getState().signIn(await api.switchDemoAccount('elder'))
  const first = await clinicApi.bookClinic('c1', 't2', { ...PATIENT, patientName: '李淑芬', phone: '13604521111' })
  const second = await clinicApi.bookClinic('c1', 't2', { ...PATIENT, patientName: '赵德明', phone: '13604522222' })
  const morning = Date.parse(`${inChina(realNow()).add(1, 'day').format('YYYY-MM-DD')}T08:40:00+08:00`)
  jest.spyOn(Date, 'now').mockReturnValue(morning)
  useSession.getState().signIn(await api.switchDemoAccount('staff'))
  const page = await mountPage(Roster, { path: '/clinic/pages/roster/index', params: { id: 'c1' } })
  await page.testUtils.queries.waitForQueryByText('扫码签到', undefined, { timeout: 3000 })
  return { ...page, first, second }
}

afterEach(async () => {
  jest.restoreAllMocks()
  await api.resetDemo().catch(() => undefined)
  useSession.setState({ token: null, user: null })
})

describe('check-in at the clinic door', () => {
  it('a typed 签到码 with a typo is refused beside the field and kept; the right one checks the patient in', async () => {
    const { container, testUtils, first } = await rosterOnTheDay()
    const typo = first.checkInCode.slice(0, -1) + (first.checkInCode.endsWith('A') ? 'B' : 'A')
    typeInto(container, 'check-in-code', typo)
    testUtils.fireEvent.click(button(container, '按签到码签到'))
    await testUtils.queries.waitForQueryByText('签到码不对，请核对后再输入')
    expect(errorOf(container, 'check-in-code')).toBe('签到码不对，请核对后再输入')
    expect(valueOf(container, 'check-in-code')).toBe(typo)

    typeInto(container, 'check-in-code', first.checkInCode.toLowerCase())
    testUtils.fireEvent.click(button(container, '按签到码签到'))
    await testUtils.queries.waitForQueryByText('李淑芬 已签到')
    expect(valueOf(container, 'check-in-code')).toBe('')
    expect(errorOf(container, 'check-in-code')).toBeNull()
    const roster = await clinicApi.getRoster('c1')
    expect(roster.bookings.find((b) => b.id === first.id)?.status).toBe('checked_in')
  })

  it('扫一扫 reads the ticket’s QR code and checks that patient in; a cancelled scan does nothing', async () => {
    const { container, testUtils, second } = await rosterOnTheDay()
    const checkIn = jest.spyOn(clinicApi, 'checkIn')
    ;(scanQrCode as jest.Mock).mockResolvedValueOnce(null)
    testUtils.fireEvent.click(button(container, '扫一扫就诊凭证'))
    await new Promise((done) => setTimeout(done, 50))
    expect(checkIn).not.toHaveBeenCalled()

    ;(scanQrCode as jest.Mock).mockResolvedValueOnce(second.checkInCode)
    testUtils.fireEvent.click(button(container, '扫一扫就诊凭证'))
    await testUtils.queries.waitForQueryByText('赵德明 已签到')
    expect(checkIn).toHaveBeenCalledTimes(1)
    expect(checkIn.mock.calls[0][0]).toBe(second.id)
  })
})
