import Taro from '@tarojs/taro'
import { api } from '../../src/api'
import PrivacyPolicy from '../../src/legal/pages/privacy'
import TermsOfService from '../../src/legal/pages/terms'
import Me from '../../src/pages/me'
import { useSession } from '../../src/stores/session'
import { button } from '../setup/form'
import { mountPage } from '../setup/mount-page'

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe('隐私政策 and 用户协议', () => {
  it('the privacy policy says what is collected, who sees it, how long it is kept and how to have it deleted', async () => {
    const { container } = await mountPage(PrivacyPolicy, { path: '/legal/pages/privacy/index' })
    const headings = Array.from(container.querySelectorAll('[aria-level="2"]')).map((h) => h.textContent)
    expect(headings).toEqual(['我们是谁', '我们收集的信息和用途', '谁能看到您的信息', '我们如何保护您的信息', '保存期限', '您的权利', '未成年人', '联系我们'])
    const text = container.textContent ?? ''
    for (const collected of ['手机号', '门牌地址', '就诊信息', '敏感个人信息', '照片', '报名信息']) expect(text).toContain(collected)
    expect(text).toContain('删除')
  })

  it('the terms say that a clinic does not replace a hospital', async () => {
    const { container } = await mountPage(TermsOfService, { path: '/legal/pages/terms/index' })
    expect(container.textContent).toContain('不能代替医院的正式诊疗')
  })

  it('我的 leads to both', async () => {
    useSession.getState().signIn(await api.switchDemoAccount('resident'))
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    const { container, testUtils } = await mountPage(Me, { path: '/pages/me/index' })
    await testUtils.queries.waitForQueryByText('隐私政策', undefined, { timeout: 3000 })
    testUtils.fireEvent.click(button(container, '隐私政策收集什么、谁能看到、如何删除›'))
    testUtils.fireEvent.click(button(container, '用户协议›'))
    expect(navigate.mock.calls.map(([o]) => o.url)).toEqual(['/legal/pages/privacy/index', '/legal/pages/terms/index'])
  })
})
