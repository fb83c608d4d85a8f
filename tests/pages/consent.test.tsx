/* 隐私保护提示: asked before first use; agreeing is kept on the phone;
 * declining leaves the card to look at, and signing in asks again. */
import Taro from '@tarojs/taro'
import { api } from '../../src/api'
import { PRIVACY_VERSION, hasConsented } from '../../src/domain/consent'
import Me from '../../src/pages/me'
import { STORED } from '../../src/platform/storage'
import { answerConsent, useConsent } from '../../src/stores/consent'
import { ensureSignedIn, useSession } from '../../src/stores/session'
import { button } from '../setup/form'
import { mountPage } from '../setup/mount-page'

const settle = () => new Promise((r) => setTimeout(r, 60))

beforeEach(() => {
  // As on a phone that never opened the app.
  useConsent.setState({ agreed: false, asking: 'app' })
})
afterEach(() => {
  useSession.setState({ token: null, user: null })
})

describe('consent before first use', () => {
  it('the sheet says what is used and why, links the policies, and agreeing is kept with the policy date', async () => {
    const { container, testUtils } = await mountPage(Me, { path: '/pages/me/index' })
    const sheet = container.querySelector('[role="dialog"][aria-label="隐私保护提示"]')
    expect(sheet?.textContent).toMatch(/查看六色联系卡不需要任何个人信息.*加密保存/)
    expect(button(container, '隐私政策')).toBeTruthy()
    expect(button(container, '用户协议')).toBeTruthy()
    testUtils.fireEvent.click(button(container, '同意并继续'))
    await settle()
    expect(container.querySelector('[aria-label="隐私保护提示"]')).toBeNull()
    expect(JSON.parse(Taro.getStorageSync(STORED.consent))).toBe(PRIVACY_VERSION)
    // 我的 went on to sign in once the person agreed.
    for (let i = 0; i < 50 && !useSession.getState().user; i++) await settle()
    expect(useSession.getState().user).not.toBeNull()
  })

  it('declining closes the sheet without signing in; the next sign-in asks again and waits for the answer', async () => {
    const login = jest.spyOn(api, 'login')
    answerConsent(false)
    expect(useConsent.getState()).toEqual({ agreed: false, asking: null })
    const signingIn = ensureSignedIn()
    await settle()
    expect(useConsent.getState().asking).toBe('app')
    expect(login).not.toHaveBeenCalled()
    answerConsent(false)
    await expect(signingIn).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('同意《隐私政策》') })

    const again = ensureSignedIn()
    await settle()
    answerConsent(true)
    await expect(again).resolves.toMatchObject({ id: expect.any(String) })
    expect(login).toHaveBeenCalledTimes(1)
  })

  it('a newer policy asks again', () => {
    expect(hasConsented(PRIVACY_VERSION)).toBe(true)
    expect(hasConsented('2025-01-01')).toBe(false)
    expect(hasConsented(null)).toBe(false)
  })
})
