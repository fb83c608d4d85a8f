import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api, toApiError, type Session } from '../../api'

interface Props {
  onSignedIn: (session: Session) => void
}

/**
 * WeChat only, against a real server: a first WeChat sign-in has no phone
 * number yet. WeChat's own getPhoneNumber button asks the resident, and the
 * server exchanges its code for the number; an account a helper made through
 * 代办 with that number (and all that was booked for it) becomes theirs.
 */
export function PhoneBinding({ onSignedIn }: Props) {
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function bind(event: { detail: { code?: string; errMsg?: string } }) {
    const code = event.detail.code
    if (!code) {
      setMessage('没有获取到手机号。需要时可以再点一次。')
      return
    }
    setBusy(true)
    setMessage(null)
    try {
      const session = await api.loginWithPhone(code)
      onSignedIn(session)
      setMessage(`已绑定手机号，欢迎您，${session.user.name}`)
    } catch (error) {
      setMessage(toApiError(error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card" role="region" ariaLabel="绑定手机号">
      <Text className="card__title">绑定手机号</Text>
      <Text className="panel__hint">网格员为您代办过预约或心愿的，绑定登记时的手机号后就能看到。</Text>
      <Button className="btn btn--primary btn--block" openType="getPhoneNumber" onGetPhoneNumber={bind} disabled={busy}>
        用微信绑定手机号
      </Button>
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}
    </View>
  )
}
