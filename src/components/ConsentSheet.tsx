import { Button, Text, View } from '@tarojs/components'
import { ROUTES, open } from '../platform/navigation'
import { CONSENT_BUTTON_ID, answerConsent, useConsent } from '../stores/consent'
import { Action } from './Action'

/**
 * 隐私保护提示: asked before first use, and whenever WeChat asks before the
 * album or the phone number. In the mini-program the agree button is WeChat's
 * own agreePrivacyAuthorization button, so WeChat records the consent too.
 */
export function ConsentSheet() {
  const asking = useConsent((s) => s.asking)
  if (!asking) return null
  const agree = () => answerConsent(true)
  return (
    <View className="consent" role="dialog" aria-modal ariaLabel="隐私保护提示">
      <View className="consent__sheet">
        <Text className="card__title">{asking === 'wechat' ? '使用前请同意隐私政策' : '欢迎使用东安社区服务'}</Text>
        <Text className="consent__text">
          查看六色联系卡不需要任何个人信息。发布心愿、预约义诊、报名岗位时，我们按《隐私政策》和《用户协议》使用您填写的手机号、地址等信息，加密保存；您可以随时在“我的 → 个人信息与隐私”查看、下载或注销。
        </Text>
        <View className="row">
          <Action className="btn--plain" onClick={() => open(ROUTES.privacyPolicy)}>
            隐私政策
          </Action>
          <Action className="btn--plain" onClick={() => open(ROUTES.termsOfService)}>
            用户协议
          </Action>
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button id={CONSENT_BUTTON_ID} className="btn btn--primary btn--block" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={agree}>
            同意并继续
          </Button>
        ) : (
          <Action className="btn--primary btn--block" onClick={agree}>
            同意并继续
          </Action>
        )}
        <Action className="btn--plain btn--block" onClick={() => answerConsent(false)}>
          不同意，只看联系卡
        </Action>
      </View>
    </View>
  )
}
