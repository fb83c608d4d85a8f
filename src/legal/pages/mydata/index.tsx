import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api, toApiError } from '../../../api'
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
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { myDataText } from '../../myDataText'
import '../../legal.scss'

/** 个人信息与隐私: everything held about me, to read and keep; my name, to correct. */
export default function MyDataPage() {
  const writeKey = useWriteKey()
  const { value: data, error, reload, setValue } = useLoaded(async () => {
    await ensureSignedIn()
    return api.getMyData()
  }, [])
  const [name, setName] = useState<string | null>(null)
  const [nameError, setNameError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

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
      const account = await api.renameMe(typed.trim(), { idempotencyKey: writeKey.keyFor('rename') })
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

  const counts: [string, number][] = [
    ['微心愿', data.wishes.length],
    ['义诊预约', data.bookings.length],
    ['岗位报名', data.applications.length],
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
        <Text>所属网格：{data.account.gridCode ?? '未选择'}</Text>
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
      <View className="card" role="region" ariaLabel="删除与注销">
        <Text className="card__title">删除信息或注销账号</Text>
        <Text>请拨打六色联系卡上的网格长电话或24小时服务热线，我们将在15个工作日内办理并告知您结果。</Text>
      </View>
      <NavRow text="隐私政策" hint="收集什么、谁能看到、如何删除" onClick={() => open(ROUTES.privacyPolicy)} />
    </PageRoot>
  )
}
