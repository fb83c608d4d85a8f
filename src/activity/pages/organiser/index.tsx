import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '../../../api'
import { activityApi } from '../../../api/activity'
import { Action } from '../../../components/Action'
import { Choice, Field } from '../../../components/Field'
import { LiveCodeView } from '../../../components/LiveCodeView'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLiveCode } from '../../../components/useLiveCode'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { SIGN_UP_STATUS_LABEL, describeHours } from '../../../domain/activity'
import { inChina } from '../../../domain/chinaTime'
import { canScan, scanQrCode } from '../../../platform/scan'
import '../../activity.scss'

const time = (iso: string | null) => (iso ? inChina(iso).format('HH:mm') : '—')

/** Staff on site: the live code to scan or type, and the list with hours and corrections. */
export default function OrganiserPage() {
  const id = useRouter().params.id ?? ''
  const writeKey = useWriteKey()
  const live = useLiveCode(() => activityApi.getLiveCode(id), [id])
  const { value: roster, error, reload } = useLoaded(() => activityApi.getActivityRoster(id), [id])
  const [fixing, setFixing] = useState<string | null>(null)
  const [hours, setHours] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [step, setStep] = useState<'签到' | '签退'>('签到')
  const [volunteerCode, setVolunteerCode] = useState('')
  const [volunteerError, setVolunteerError] = useState<string | null>(null)
  const [scanning, setScanning] = useState(false)

  if (!roster) return <LoadingPage error={error} onRetry={reload} />

  async function correct(signUpId: string) {
    try {
      await activityApi.correctHours(signUpId, hours.trim() === '' ? NaN : Number(hours), reason, { idempotencyKey: writeKey.keyFor(`fix:${signUpId}`) })
      writeKey.succeeded(`fix:${signUpId}`)
      setFixing(null)
      setErrors({})
      setMessage('已更正，原记录仍保留')
      reload()
    } catch (failure) {
      const e = toApiError(failure)
      setErrors(e.fields)
      setMessage(e.message)
    }
  }

  /** The organiser scans (or types) a volunteer's own code: checked in or out by the same rules. */
  async function byVolunteerCode(text: string) {
    if (scanning) return
    setScanning(true)
    setMessage(null)
    const intent = `scan:${step}:${text.trim()}`
    try {
      const s = await activityApi.scanVolunteerCode(id, text, step === '签到' ? 'check-in' : 'check-out', { idempotencyKey: writeKey.keyFor(intent) })
      writeKey.succeeded(intent)
      setVolunteerCode('')
      setVolunteerError(null)
      setMessage(step === '签到' ? `${s.name} 签到成功（${time(s.checkedInAt)}）` : `${s.name} 签退成功，本次服务${describeHours(s.creditedHours)}`)
      reload()
    } catch (failure) {
      const e = toApiError(failure)
      setVolunteerError(e.fields.code ?? null)
      setMessage(e.message)
    } finally {
      setScanning(false)
    }
  }
  async function scan() {
    const text = await scanQrCode()
    if (text !== null) await byVolunteerCode(text)
  }

  const { activity, signUps } = roster
  const joined = signUps.filter((s) => s.status === 'joined')
  return (
    <PageRoot>
      <View className="card" role="region" ariaLabel="签到码">
        <View className="card__title" role="heading" aria-level={1}>
          {activity.theme}
        </View>
        <Text className="activity__meta">请志愿者打开活动页面，输入或扫描下方签到码。签到码每30秒更换，截图无效。</Text>
        <LiveCodeView live={live} name="签到码" digitsClassName="live-code" />
      </View>
      <View className="card form" role="region" ariaLabel="扫志愿者的签到码">
        <Text className="card__title">扫志愿者的签到码</Text>
        <Text className="activity__meta">志愿者在活动页面点“出示我的签到码”，您扫码或输入码下方的8位数字。</Text>
        <Choice label="这次是" options={['签到', '签退'] as const} value={step} onChange={setStep} />
        {canScan && (
          <Action className="btn--primary btn--block" disabled={scanning} onClick={scan}>
            {`扫码${step}`}
          </Action>
        )}
        <Field
          id="volunteer-code"
          label="志愿者的签到码"
          type="digit"
          placeholder="8位数字"
          value={volunteerCode}
          error={volunteerError}
          onChange={(v) => { setVolunteerCode(v); setVolunteerError(null) }}
          onConfirm={() => byVolunteerCode(volunteerCode)}
        />
        <Action className={canScan ? 'btn--plain btn--block' : 'btn--primary btn--block'} disabled={scanning} onClick={() => byVolunteerCode(volunteerCode)}>
          {`确认${step}`}
        </Action>
      </View>
      <View className="card" role="group" ariaLabel="签到情况">
        <View className="figures">
          <View className="figures__item">
            <Text className="figures__value">{joined.length}</Text>
            <Text>已报名</Text>
          </View>
          <View className="figures__item">
            <Text className="figures__value">{joined.filter((s) => s.checkedInAt).length}</Text>
            <Text>已签到</Text>
          </View>
          <View className="figures__item">
            <Text className="figures__value">{activity.waiting}</Text>
            <Text>候补</Text>
          </View>
        </View>
      </View>
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}
      <View className="card" role="region" ariaLabel="报名名单">
        <Text className="card__title">报名名单</Text>
        {signUps.length === 0 && <Text className="muted">还没有人报名</Text>}
        {signUps.map((s) => (
          <View key={s.id} className="roster-row">
            <Text>
              {s.name} · {SIGN_UP_STATUS_LABEL[s.status]}
            </Text>
            {s.status === 'joined' && (
              <Text className="activity__meta">
                签到 {time(s.checkedInAt)} · 签退 {time(s.checkedOutAt)} · {describeHours(s.creditedHours)}
                {s.correction ? `（更正：${s.correction.reason}；原记录${describeHours(s.hours)}）` : ''}
              </Text>
            )}
            {s.status === 'joined' && fixing !== s.id && (
              <Action className="btn--plain" label={`更正时长：${s.name}`} onClick={() => { setFixing(s.id); setHours(String(s.creditedHours)); setReason(''); setErrors({}) }}>
                更正时长
              </Action>
            )}
            {fixing === s.id && (
              <View className="form">
                <Field id={`hours-${s.id}`} label="服务时长（小时，按0.5计）" type="digit" required value={hours} error={errors.hours} onChange={setHours} />
                <Field id={`reason-${s.id}`} label="更正原因" required value={reason} error={errors.reason} onChange={setReason} />
                <View className="row">
                  <Action className="btn--primary" onClick={() => correct(s.id)}>
                    保存更正
                  </Action>
                  <Action className="btn--plain" onClick={() => setFixing(null)}>
                    取消
                  </Action>
                </View>
              </View>
            )}
          </View>
        ))}
      </View>
    </PageRoot>
  )
}
