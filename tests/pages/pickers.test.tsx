import Taro from '@tarojs/taro'
import { api } from '../../src/api'
import { clinicApi } from '../../src/api/clinic'
import ManageClinic from '../../src/clinic/pages/manage'
import ManageJob from '../../src/jobs/pages/manage'
import { useSession } from '../../src/stores/session'
import { button, typeInto } from '../setup/form'
import { mountPage } from '../setup/mount-page'

afterEach(async () => {
  jest.restoreAllMocks()
  await api.resetDemo().catch(() => undefined)
  useSession.setState({ token: null, user: null })
})

async function asStaff(Page: Parameters<typeof mountPage>[0], path: string, ready: string) {
  useSession.getState().signIn(await api.switchDemoAccount('staff'))
  const page = await mountPage(Page, { path, params: {} })
  await page.testUtils.queries.waitForQueryByText(ready, undefined, { timeout: 3000 })
  return page
}

describe('dates and times in staff forms are the phone’s own pickers', () => {
  it('a clinic’s date and slot times are date and time inputs, and what is picked is saved', async () => {
    const { container, testUtils } = await asStaff(ManageClinic, '/clinic/pages/manage/index', '发布义诊')
    expect((container.querySelector('#clinic-date') as HTMLInputElement).type).toBe('date')
    expect((container.querySelector('#slot-0-start') as HTMLInputElement).type).toBe('time')
    expect((container.querySelector('#slot-0-end') as HTMLInputElement).type).toBe('time')
    const create = jest.spyOn(clinicApi, 'createClinic')
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
    typeInto(container, 'clinic-title', '眼科义诊')
    typeInto(container, 'clinic-specialty', '眼科')
    typeInto(container, 'clinic-doctors', '王医生')
    typeInto(container, 'clinic-hospital', '碾子山区人民医院')
    typeInto(container, 'clinic-place', '东安社区党群服务中心')
    typeInto(container, 'clinic-date', '2099-12-01')
    typeInto(container, 'slot-0-start', '09:00')
    typeInto(container, 'slot-0-end', '10:30')
    typeInto(container, 'slot-0-capacity', '5')
    testUtils.fireEvent.click(button(container, '发布义诊'))
    await new Promise((done) => setTimeout(done, 100))
    expect(create).toHaveBeenCalledTimes(1)
    expect(create.mock.calls[0][0]).toMatchObject({ date: '2099-12-01', slots: [{ start: '09:00', end: '10:30', capacity: 5 }] })
    expect(redirect).toHaveBeenCalledTimes(1)
  })

  it('a posting’s closing date is a date input', async () => {
    const { container } = await asStaff(ManageJob, '/jobs/pages/manage/index', '发布岗位')
    expect((container.querySelector('#job-expiresOn') as HTMLInputElement).type).toBe('date')
  })
})
