import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError, type SignUpView } from '../../../api'
import { activityApi } from '../../../api/activity'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { LiveCodeView } from '../../../components/LiveCodeView'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLiveCode } from '../../../components/useLiveCode'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { SIGN_UP_STATUS_LABEL, audienceText, describeHours, mayJoin } from '../../../domain/activity'
import { inChina } from '../../../domain/chinaTime'
import { ROUTES, open } from '../../../platform/navigation'
import { canScan, scanQrCode } from '../../../platform/scan'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { ActivityCard } from '../../components/ActivityCard'
import '../../activity.scss'

const time = (iso: string) => inChina(iso).format('HH:mm')

/** The volunteer's own code, for the organiser to scan: fetched only while shown, again every 30 seconds. */
function MyCode({ activityId }: { activityId: string }) {
  const live = useLiveCode(() => activityApi.getMyActivityCode(activityId), [activityId])
  return <LiveCodeView live={live} name="我的签到码" digitsClassName="live-code live-code--personal" />
}

/** One activity: sign up or cancel; on the day, check in and out with the organiser's code. */
export default function ActivityDetail() {
  const id = useRouter().params.id ?? ''
  const user = useSession((s) => s.user)
  const writeKey = useWriteKey()
  const loaded = useLoaded(async () => {
    const activity = await activityApi.getActivity(id)
    const mine = user && user.role !== 'staff' ? (await activityApi.listMySignUps()).find((s) => s.activityId === id && s.status !== 'cancelled') ?? null : null
    return { activity, mine }
  }, [id, user?.id])
  const [changed, setChanged] = useState<SignUpView | null>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [showingMine, setShowingMine] = useState(false)

  if (!loaded.value) return <LoadingPage error={loaded.error} onRetry={loaded.reload} />
  const { activity } = loaded.value
  const mine = changed ?? loaded.value.mine
  const active = mine && mine.status !== 'cancelled' ? mine : null

  async function act(intent: string, write: (key: string) => Promise<SignUpView>, done: (s: SignUpView) => string) {
    if (busy) return
    setBusy(true)
    setMessage(null)
    try {
      const result = await write(writeKey.keyFor(intent))
      writeKey.succeeded(intent)
      setChanged(result)
      setMessage(done(result))
      setCode('')
      setCodeError(null)
      loaded.reload()
    } catch (failure) {
      const error = toApiError(failure)
      setCodeError(error.fields.code ?? null)
      setMessage(error.message)
    } finally {
      setBusy(false)
    }
  }

  const join = () =>
    act(
      `join:${id}`,
      async (key) => {
        await ensureSignedIn()
        return activityApi.signUpForActivity(id, { idempotencyKey: key })
      },
      (s) => (s.status === 'joined' ? '报名成功，请按时到场签到' : '名额已满，已为您候补；有人取消时自动补上'),
    )
  const cancel = () => act(`cancel:${id}`, (key) => activityApi.cancelSignUp(active!.id, { idempotencyKey: key }), () => '已取消报名')
  const checkInOrOut = (text: string) =>
    active?.checkedInAt
      ? act(`out:${id}`, (key) => activityApi.checkOutOfActivity(id, text, { idempotencyKey: key }), (s) => `签退成功，本次服务${describeHours(s.creditedHours)}`)
      : act(`in:${id}`, (key) => activityApi.checkInToActivity(id, text, { idempotencyKey: key }), (s) => `签到成功（${time(s.checkedInAt!)}）`)
  async function scan() {
    const text = await scanQrCode()
    if (text !== null) await checkInOrOut(text)
  }

  const staff = user?.role === 'staff'
  const mayJoinIt = !user || mayJoin(activity, user)
  const onSite = active?.status === 'joined' && !active.checkedOutAt
  return (
    <PageRoot>
      <ActivityCard activity={activity} heading />
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}
      {staff && (
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.activityOrganiser(activity.id))}>
          现场签到码与名单
        </Action>
      )}
      {!staff && !active && activity.signUpOpen && mayJoinIt && (
        <Action className="btn--primary btn--block" disabled={busy} onClick={join}>
          {activity.placesLeft > 0 ? '报名参加' : '候补报名'}
        </Action>
      )}
      {!staff && !active && !mayJoinIt && <View className="notice">这项活动面向{audienceText(activity.audience)}，您暂不能报名</View>}
      {active && (
        <View className="card" role="region" ariaLabel="我的报名">
          <Text className="card__title">我的报名：{SIGN_UP_STATUS_LABEL[active.status]}</Text>
          {active.checkedInAt && <Text>签到：{time(active.checkedInAt)}</Text>}
          {active.checkedOutAt && <Text>签退：{time(active.checkedOutAt)}</Text>}
          {active.checkedOutAt && <Text>服务时长：{describeHours(active.creditedHours)}</Text>}
          {active.correction && <Text className="activity__meta">组织者更正为{describeHours(active.correction.hours)}：{active.correction.reason}（原记录{describeHours(active.hours)}）</Text>}
          {activity.signUpOpen && (
            <Action className="btn--plain" disabled={busy} onClick={cancel}>
              取消报名
            </Action>
          )}
        </View>
      )}
      {onSite && (
        <View className="card" role="region" ariaLabel={active.checkedInAt ? '签退' : '签到'}>
          <Text className="card__title">{active.checkedInAt ? '活动结束时签退' : '到场签到'}</Text>
          <Text className="activity__meta">签到从{inChina(activity.checkInOpensAt).format('M月D日 HH:mm')}开始。请扫描或输入组织者手机上的签到码，签到码每30秒更换。</Text>
          {canScan && (
            <Action className="btn--primary btn--block" disabled={busy} onClick={scan}>
              {active.checkedInAt ? '扫码签退' : '扫码签到'}
            </Action>
          )}
          <Field id="activity-code" label="签到码" type="digit" placeholder="6位数字" value={code} error={codeError} onChange={(v) => { setCode(v); setCodeError(null) }} onConfirm={() => checkInOrOut(code)} />
          <Action className={canScan ? 'btn--plain btn--block' : 'btn--primary btn--block'} disabled={busy} onClick={() => checkInOrOut(code)}>
            {active.checkedInAt ? '签退' : '签到'}
          </Action>
          <Text className="activity__meta">或者请组织者扫您的签到码：</Text>
          <Action className="btn--plain btn--block" pressed={showingMine} onClick={() => setShowingMine(!showingMine)}>
            {showingMine ? '收起我的签到码' : '出示我的签到码'}
          </Action>
          {showingMine && <MyCode activityId={activity.id} />}
        </View>
      )}
    </PageRoot>
  )
}
