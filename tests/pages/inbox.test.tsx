import Taro from '@tarojs/taro'
import { api } from '../../src/api'
import { clinicApi } from '../../src/api/clinic'
import Inbox from '../../src/inbox/pages/list'
import Me from '../../src/pages/me'
import { useSession } from '../../src/stores/session'
import { PATIENT } from '../contract/drafts'
import { button } from '../setup/form'
import { mountPage } from '../setup/mount-page'

afterEach(async () => {
  jest.restoreAllMocks()
  await api.resetDemo().catch(() => undefined)
  useSession.setState({ token: null, user: null })
})

/** The elder waits for the full first slot of c1; staff cancel a booking there, which moves her in. */
async function elderMovedIn() {
  useSession.getState().signIn(await api.switchDemoAccount('elder'))
  const waiting = await clinicApi.bookClinic('c1', 't1', PATIENT)
  useSession.getState().signIn(await api.switchDemoAccount('staff'))
  await clinicApi.cancelBooking('k1', '本人来电取消')
  useSession.getState().signIn(await api.switchDemoAccount('elder'))
  return waiting
}

describe('消息', () => {
  it('我的 shows how many messages are unread', async () => {
    await elderMovedIn()
    const { testUtils } = await mountPage(Me, { path: '/pages/me/index' })
    await testUtils.queries.waitForQueryByText('1条未读', undefined, { timeout: 3000 })
  })

  it('lists the message, opens the ticket it links to and marks it read', async () => {
    const waiting = await elderMovedIn()
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const { container, testUtils } = await mountPage(Inbox, { path: '/inbox/pages/list/index' })
    await testUtils.queries.waitForQueryByText('候补成功，请按时就诊', undefined, { timeout: 3000 })
    expect(container.querySelector('.message--unread')?.textContent).toContain('未读')
    expect(container.textContent).toContain('已为张桂兰补上')
    testUtils.fireEvent.click(button(container, '查看'))
    expect(navigate).toHaveBeenCalledWith({ url: `/clinic/pages/ticket/index?id=${waiting.id}` })
    await testUtils.queries.waitForQueryByText('查看')
    expect(container.querySelector('.message--unread')).toBeNull()
    for (let i = 0; i < 50 && (await api.countUnreadMessages()).unread > 0; i++) await new Promise((done) => setTimeout(done, 20))
    expect((await api.countUnreadMessages()).unread).toBe(0)
  })

  it('says what will appear here when there is nothing yet', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    const { testUtils } = await mountPage(Inbox, { path: '/inbox/pages/list/index' })
    await testUtils.queries.waitForQueryByText('还没有消息。预约、心愿或报名有变化时，会在这里告诉您。', undefined, { timeout: 3000 })
  })
})
