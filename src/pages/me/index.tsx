import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, newIdempotencyKey, toApiError, usesEmbeddedMock, type DemoAccount } from '../../api'
import { PageRoot } from '../../components/PageRoot'
import { Action } from '../../components/Action'
import { maskPhone } from '../../domain/mask'
import { ROLE_LABEL } from '../../domain/roles'
import { checkPhone, normalisePhone } from '../../domain/validation'
import { Field } from '../../components/Field'
import { OnOffSwitch } from '../../components/OnOffSwitch'
import { refreshUser, useSession } from '../../stores/session'
import { MyRecords } from './MyRecords'
import { MyWishes } from './MyWishes'
import { PhoneBinding } from './PhoneBinding'
import './index.scss'
import { NavRow } from '../../components/NavRow'
import { ROUTES, open } from '../../platform/navigation'

export default function Me() {
  const user = useSession((s) => s.user)
  const gridCode = useSession((s) => s.gridCode)
  const elderMode = useSession((s) => s.elderMode)
  const setElderMode = useSession((s) => s.setElderMode)
  const signIn = useSession((s) => s.signIn)
  const [accounts, setAccounts] = useState<DemoAccount[]>([])
  const [gridName, setGridName] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [shownAt, setShownAt] = useState(0)
  const [phone, setPhone] = useState('')
  const [phoneError, setPhoneError] = useState<string | null>(null)
  const [unread, setUnread] = useState<number | null>(null)

  useDidShow(() => {
    setMessage(null)
    setShownAt(Date.now())
    refreshUser().then(
      (fresh) => {
        const code = fresh.gridCode ?? useSession.getState().gridCode
        if (code) api.getGrid(code).then((grid) => setGridName(`${grid.communityName} · ${grid.name.replace(grid.communityName, '')}`), () => setGridName(null))
      },
      (error) => setMessage(toApiError(error).message),
    )
    api.getMeta().then(
      (meta) => (meta.demo ? api.listDemoAccounts().then(setAccounts) : setAccounts([])),
      () => setAccounts([]),
    )
  })

  /** 在职党员 on the profile: stored at once; the session's account follows. */
  async function markPartyMember(on: boolean) {
    setMessage(null)
    try {
      const updated = await api.setPartyMember(on, { idempotencyKey: newIdempotencyKey() })
      useSession.setState({ user: updated })
      setMessage(on ? '已标记为在职党员' : '已取消在职党员标记')
    } catch (failure) {
      setMessage(toApiError(failure).message)
    }
  }

  // The unread count of whoever is signed in, again after a switch of account.
  const userId = user?.id ?? null
  useEffect(() => {
    if (!userId) return
    let live = true
    api.countUnreadMessages().then(
      ({ unread: count }) => live && setUnread(count),
      () => live && setUnread(null),
    )
    return () => {
      live = false
    }
  }, [userId, shownAt])

  async function switchTo(account: DemoAccount) {
    setBusy(true)
    setMessage(null)
    try {
      signIn(await api.switchDemoAccount(account.id))
      setMessage(`已切换为${account.label}：${account.name}`)
    } catch (error) {
      setMessage(toApiError(error).message)
    } finally {
      setBusy(false)
    }
  }

  /** Opens the account a volunteer or staff member created through 代办. */
  async function signInWithPhone() {
    const problem = checkPhone(phone)
    setPhoneError(problem)
    if (problem) return
    setBusy(true)
    setMessage(null)
    try {
      const session = await api.loginWithPhone(`phone:${normalisePhone(phone)}`, gridCode)
      signIn(session)
      setMessage(`已登录：${session.user.name}`)
      setShownAt(Date.now())
    } catch (error) {
      const failure = toApiError(error)
      setPhoneError(failure.fields.phone ?? null)
      setMessage(failure.message)
    } finally {
      setBusy(false)
    }
  }

  async function resetDemo() {
    const { confirm } = await Taro.showModal({
      title: '重置演示数据',
      content: '将清除演示中新增的心愿、预约和报名，恢复初始数据。确定吗？',
      confirmText: '重置',
    })
    if (!confirm) return
    setBusy(true)
    try {
      await api.resetDemo()
      setMessage('演示数据已重置')
    } catch (error) {
      setMessage(toApiError(error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot tab="/pages/me/index">
      <View className="profile" role="region" ariaLabel="个人信息">
        <View className="profile__avatar" aria-hidden>
          {user ? Array.from(user.name)[0] : '我'}
        </View>
        <View className="profile__info">
          <View className="profile__name" role="heading" aria-level={1}>
            {user ? user.name : '正在登录…'}
          </View>
          {user && (
            <>
              <Text className="profile__line">身份：{ROLE_LABEL[user.role]}</Text>
              <Text className="profile__line">手机：{user.phone ? maskPhone(user.phone) : '未绑定'}</Text>
              <Text className="profile__line">网格：{gridName ?? user.gridCode ?? gridCode ?? '未选择'}</Text>
            </>
          )}
        </View>
      </View>

      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}

      {process.env.TARO_ENV === 'weapp' && !usesEmbeddedMock && user && !user.phone && <PhoneBinding onSignedIn={signIn} />}

      {user && <NavRow text="消息" hint={unread ? `${unread}条未读` : '预约、心愿、报名的变化'} onClick={() => open(ROUTES.messages)} />}
      {user && <MyWishes user={user} refresh={shownAt} />}
      {user && <MyRecords user={user} refresh={shownAt} />}
      {user && <NavRow text="志愿活动" hint="报名参加、现场签到" onClick={() => open(ROUTES.activities)} />}
      {user && <NavRow text="功能室预约" hint="乒乓室、棋牌室、阅览室" onClick={() => open(ROUTES.rooms)} />}
      {user && user.role !== 'staff' && <NavRow text="志愿服务记录" hint="活动和微心愿的服务时长" onClick={() => open(ROUTES.serviceRecord)} />}

      <View className="card">
        <View className="panel__row">
          <View className="panel__text">
            <Text className="card__title">长辈模式</Text>
            <Text className="panel__hint">字更大、按钮更大，开启后一直有效</Text>
          </View>
          <OnOffSwitch name="长辈模式" on={elderMode} onChange={setElderMode} />
        </View>
      </View>

      {user && user.role !== 'staff' && (
        <View className="card">
          <View className="panel__row">
            <View className="panel__text">
              <Text className="card__title">在职党员</Text>
              <Text className="panel__hint">开启后可报名面向在职党员的志愿活动</Text>
            </View>
            <OnOffSwitch name="在职党员" on={user.partyMember === true} onChange={markPartyMember} />
          </View>
        </View>
      )}

      {user && <NavRow text="个人信息与隐私" hint="查看、下载、更正我的信息" onClick={() => open(ROUTES.myData)} />}
      <NavRow text="隐私政策" hint="收集什么、谁能看到、如何删除" onClick={() => open(ROUTES.privacyPolicy)} />
      <NavRow text="用户协议" onClick={() => open(ROUTES.termsOfService)} />

      {accounts.length > 0 && (
        <View className="card" role="region" ariaLabel="演示账号">
          <Text className="card__title">演示账号</Text>
          <Text className="panel__hint">
            {usesEmbeddedMock ? '当前使用内置演示数据' : '当前连接演示服务器'}，可切换身份体验不同功能
          </Text>
          <View className="accounts">
            {accounts.map((account) => (
              <Action
                key={account.id}
                className={`${user?.id === account.id ? 'btn--primary' : 'btn--plain'} accounts__item`}
                disabled={busy}
                label={`切换为${account.label}${account.name}`}
                onClick={() => switchTo(account)}
              >
                <Text className="accounts__role">{account.label}</Text>
                <Text className="accounts__name">{account.name}</Text>
              </Action>
            ))}
          </View>
          <Field
            id="login-phone"
            label="用手机号登录"
            type="tel"
            hint="演示环境不发送验证码。网格员代办过的居民，用登记的号码登录即可看到记录。"
            value={phone}
            error={phoneError}
            onChange={(value) => {
              setPhone(value)
              setPhoneError(null)
            }}
          />
          <Action className="btn--plain btn--block" disabled={busy} onClick={signInWithPhone}>
            用这个手机号登录
          </Action>
          <Action className="btn--ghost btn--block" disabled={busy} onClick={resetDemo}>
            重置演示数据
          </Action>
        </View>
      )}
    </PageRoot>
  )
}
