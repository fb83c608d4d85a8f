import Taro from '@tarojs/taro'
import { api } from '../../src/api'
import { privacyApi } from '../../src/api/privacy'
import { STORED } from '../../src/platform/storage'
import MyDataPage from '../../src/legal/pages/mydata'
import { myDataText } from '../../src/legal/myDataText'
import { useSession } from '../../src/stores/session'
import { button, errorOf, typeInto, valueOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

afterEach(async () => {
  jest.restoreAllMocks()
  await api.resetDemo().catch(() => undefined)
  useSession.setState({ token: null, user: null })
})

async function openAs(account: string) {
  useSession.getState().signIn(await api.switchDemoAccount(account))
  const page = await mountPage(MyDataPage, { path: '/legal/pages/mydata/index' })
  await page.testUtils.queries.waitForQueryByText('我们保存的记录', undefined, { timeout: 3000 })
  return page
}

describe('个人信息与隐私', () => {
  it('shows what is held, and corrects the name with the error beside the field', async () => {
    const { container, testUtils } = await openAs('resident')
    expect(container.textContent).toContain('手机号：13804521234')
    expect(container.querySelector('[aria-label="我们保存的记录"]')?.textContent).toMatch(/微心愿2 条/)
    typeInto(container, 'my-name', '   ')
    testUtils.fireEvent.click(button(container, '更正姓名'))
    await testUtils.queries.waitForQueryByText('请填写姓名')
    expect(errorOf(container, 'my-name')).toBe('请填写姓名')
    typeInto(container, 'my-name', '李明明')
    testUtils.fireEvent.click(button(container, '更正姓名'))
    await testUtils.queries.waitForQueryByText('姓名已更正')
    expect(valueOf(container, 'my-name')).toBe('李明明')
    expect(useSession.getState().user?.name).toBe('李明明')
  })

  it('downloads everything held as a text file', async () => {
    const made: Blob[] = []
    Object.assign(URL, { createObjectURL: (blob: Blob) => (made.push(blob), 'blob:my-data'), revokeObjectURL: () => undefined })
    const { container, testUtils } = await openAs('elder')
    testUtils.fireEvent.click(button(container, '下载我的全部信息'))
    await testUtils.queries.waitForQueryByText('已下载“我的个人信息”文件')
    expect(made).toHaveLength(1)
    expect(made[0].type).toBe('text/plain;charset=utf-8')
  })

  it('the text names the account and every record with its personal details', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('elder'))
    const text = myDataText(await privacyApi.getMyData())
    expect(text).toContain('姓名：张桂兰')
    expect(text).toContain('手机号：13904527788')
    expect(text).toMatch(/【微心愿】共\d+条/)
    expect(text).toContain('代买降压药')
    expect(text).toMatch(/【义诊预约】共\d+条/)
  })

  it('注销账号 asks first in plain words; "再想想" changes nothing; confirmed, it closes, forgets the tickets kept on the phone and signs out', async () => {
    Taro.setStorageSync(STORED.tickets, JSON.stringify({ k1: { savedAt: 1 } }))
    const { container, testUtils } = await openAs('elder')
    const ask = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' })
    testUtils.fireEvent.click(button(container, '注销账号'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(ask.mock.calls[0][0]).toMatchObject({ title: '确定注销账号吗？', confirmText: '确定注销', cancelText: '再想想' })
    expect(useSession.getState().user?.name).toBe('张桂兰')

    ask.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' })
    testUtils.fireEvent.click(button(container, '注销账号'))
    await testUtils.queries.waitForQueryByText('您的账号已注销', undefined, { timeout: 3000 })
    expect(container.textContent).toMatch(/已取消\d+个心愿/)
    expect(useSession.getState()).toMatchObject({ token: null, user: null })
    expect(Taro.getStorageSync(STORED.tickets)).toBeFalsy()
    expect(button(container, '回到首页')).toBeTruthy()
  })
})
