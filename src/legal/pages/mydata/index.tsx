import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError, type AccountClosure } from '../../../api'
import { privacyApi } from '../../../api/privacy'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { NavRow } from '../../../components/NavRow'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { ACCOUNT_NAME_RULE, checkAccountName } from '../../../domain/account'
import { ROLE_LABEL } from '../../../domain/roles'
import { keepText } from '../../../platform/download'
import { ROUTES, goToTab, open } from '../../../platform/navigation'
import { forgetPersonalData } from '../../../platform/storage'
import { COLOUR } from '../../../styles/tokens'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { myDataText } from '../../myDataText'
import '../../legal.scss'

/** 个人信息与隐私: everything held about me, to read and keep; my name, to correct. */
export default function MyDataPage() {
  const writeKey = useWriteKey()
  const { value: data, error, reload, setValue } = useLoaded(async () => {
    await ensureSignedIn()
    return privacyApi.getMyData()
  }, [])
  const [name, setName] = useState<string | null>(null)
  const [nameError, setNameError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [closed, setClosed] = useState<AccountClosure | null>(null)

  if (closed) return <ClosedNotice closure={closed} />
  if (!data) return <LoadingPage error={error} onRetry={reload} />
  const typed = name ?? data.account.name

  function typeName(value: string) {
    setName(value)
    setNameError(null)
  }

  async function saveName() {
    const problem = checkAccountName(typed)
    setNameError(problem)
    if (problem) return
    setBusy(true)
    setMessage(null)
    try {
      const account = await privacyApi.renameMe(typed.trim(), { idempotencyKey: writeKey.keyFor('rename') })
      writeKey.succeeded('rename')
      setValue({ ...data!, account })
      useSession.setState({ user: account })
      setName(null)
      setMessage('姓名已更正')
    } catch (failure) {
      const refusal = toApiError(failure)
      setNameError(refusal.fields.name ?? null)
      setMessage(refusal.fields.name ? null : refusal.message)
    } finally {
      setBusy(false)
    }
  }

  async function download() {
    const how = await keepText(`东安社区服务-我的个人信息-${data!.exportedAt.slice(0, 10)}.txt`, myDataText(data!))
    setMessage(how === 'downloaded' ? '已下载“我的个人信息”文件' : '已复制全部信息，可粘贴到备忘录或发给自己保存')
  }

  async function closeAccount() {
    const { confirm } = await Taro.showModal({
      title: '确定注销账号吗？',
      content: '注销后，您的姓名、电话、地址和就诊信息都会删除，不能恢复；还没开始的义诊预约和没完成的心愿会取消。',
      confirmText: '确定注销',
      confirmColor: COLOUR.error,
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    setMessage(null)
    try {
      // One key for this closing: a retry after a lost answer is the same request.
      const closure = await privacyApi.closeMyAccount({ idempotencyKey: writeKey.keyFor('close') })
      writeKey.succeeded('close')
      forgetPersonalData()
      useSession.getState().signOut()
      setClosed(closure)
    } catch (failure) {
      setMessage(toApiError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  const counts: [string, number][] = [
    ['微心愿', data.wishes.length],
    ['义诊预约', data.bookings.length],
    ['岗位报名', data.applications.length],
    ['说的事', data.matters.length],
    ['调解预约', data.mediations.length],
    ['活动报名', data.signUps.length],
    ['功能室预约', data.roomBookings.length],
    ['消息', data.messages.length],
  ]
  return (
    <PageRoot>
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}
      <View className="card form" role="region" ariaLabel="账号信息">
        <Text className="card__title">账号信息</Text>
        <Field id="my-name" label="姓名" required maxChars={ACCOUNT_NAME_RULE.max} value={typed} error={nameError} onChange={typeName} />
        <Action className="btn--plain" disabled={busy || typed === data.account.name} onClick={saveName}>
          {busy ? '正在保存…' : '更正姓名'}
        </Action>
        <Text>手机号：{data.account.phone || '未绑定'}</Text>
        <Text>身份：{ROLE_LABEL[data.account.role]}</Text>
        <Text>所属网格：{data.gridName ?? data.account.gridCode ?? '未选择'}</Text>
      </View>
      <View className="card" role="region" ariaLabel="我们保存的记录">
        <Text className="card__title">我们保存的记录</Text>
        {counts.map(([label, n]) => (
          <View key={label} className="legal__count">
            <Text>{label}</Text>
            <Text className="legal__count-value">{n} 条</Text>
          </View>
        ))}
        <Action className="btn--primary btn--block" onClick={download}>
          下载我的全部信息
        </Action>
        <Text className="muted-line">包括心愿的地址和电话、预约的就诊信息、报名和消息的全部内容。</Text>
      </View>
      <View className="card" role="region" ariaLabel="注销账号">
        <Text className="card__title">注销账号</Text>
        <Text className="legal__text">
          注销后，您的姓名、电话、地址和就诊信息都会删除，不能恢复；还没开始的义诊预约会取消，名额让给候补的居民；没完成的心愿会取消。已完成的服务只留下不含姓名的数字，用于街道统计。
        </Text>
        <Action className="btn--plain btn--block legal__close" disabled={busy} onClick={closeAccount}>
          {busy ? '正在处理…' : '注销账号'}
        </Action>
      </View>
      <NavRow text="隐私政策" hint="收集什么、谁能看到、如何删除" onClick={() => open(ROUTES.privacyPolicy)} />
    </PageRoot>
  )
}

/** After closing: what was withdrawn, and the way back to the start. */
function ClosedNotice({ closure }: { closure: AccountClosure }) {
  return (
    <PageRoot>
      <View className="card" role="status">
        <Text className="card__title">您的账号已注销</Text>
        <Text className="legal__text">
          您的个人信息已删除{closure.bookingsCancelled ? `，已取消${closure.bookingsCancelled}个义诊预约` : ''}
          {closure.wishesCancelled ? `，已取消${closure.wishesCancelled}个心愿` : ''}。以后仍可随时扫码使用六色联系卡。
        </Text>
        <Action className="btn--primary btn--block" onClick={() => goToTab('/pages/home/index')}>
          回到首页
        </Action>
      </View>
    </PageRoot>
  )
}
