import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError, type MediationDraft, type MediationSlotView } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { describeChinaMoment } from '../../../domain/chinaClock'
import { CANCEL_HOURS, MEDIATION_DESCRIPTION_RULE, MEDIATION_NAME_RULE, slotLabel, validateMediationDraft } from '../../../domain/mediation'
import { ensureSignedIn } from '../../../stores/session'
import { StationRoster } from '../../components/StationRoster'
import '../../matters.scss'

const placesOf = (s: Pick<MediationSlotView, 'placesLeft'>) => (s.placesLeft ? `余${s.placesLeft}个名额` : '已约满')

/** 调解预约: a place at the judges' station, the dispute told privately; my bookings with cancel and the outcome. */
export default function Mediation() {
  const matterId = useRouter().params.matter || undefined
  const { value, error, reload } = useLoaded(async () => {
    const user = await ensureSignedIn()
    const [slots, mine, station] = await Promise.all([mattersApi.listMediationSlots(), mattersApi.listMyMediations(), mattersApi.getStationRoster()])
    return { user, slots, mine, station }
  }, [])
  const [slotId, setSlotId] = useState<string | null>(null)
  const [form, setForm] = useState<MediationDraft | null>(null)
  const [flash, setFlash] = useState<string | null>(null)
  const { errors, notice, sending, clearError, submit } = useFormSubmit()
  const cancelKey = useWriteKey()

  if (!value) return <LoadingPage error={error} onRetry={reload} />
  const { user, slots, mine, station } = value
  const draft = form ?? { name: user.name, phone: user.phone, description: '' }
  const update = (patch: Partial<MediationDraft>, field: string) => {
    setForm({ ...draft, ...patch })
    clearError(field)
  }
  const chosen = slots.find((s) => s.id === slotId) ?? null

  const book = () =>
    submit(
      { ...validateMediationDraft(draft), ...(chosen ? {} : { slot: '请先选择一个时段' }) },
      async (idempotencyKey) => {
        await mattersApi.bookMediation(chosen!.id, { ...draft, matterId }, { idempotencyKey })
        setFlash(`已预约${slotLabel(chosen!)}，请按时到${chosen!.place}`)
        setForm({ ...draft, description: '' })
        setSlotId(null)
        await reload()
      },
      '预约还没有提交，填写的内容都还在，请再点一次“预约调解”。',
    )

  async function cancel(id: string) {
    try {
      await mattersApi.cancelMediation(id, { idempotencyKey: cancelKey.keyFor(id) })
      cancelKey.succeeded(id)
      setFlash('已取消预约')
      await reload()
    } catch (failure) {
      setFlash(toApiError(failure).message)
    }
  }

  return (
    <PageRoot>
      {flash && (
        <View className="notice" role="status">
          <Text>{flash}</Text>
        </View>
      )}
      <View className="card">
        <Text className="card__title">法官工作站 · 调解预约</Text>
        <Text className="muted-line">轮值法官和金牌调解员帮您调解邻里纠纷。您写的情况只有您本人和工作人员能看到。开始前{CANCEL_HOURS}小时内不能在线取消。</Text>
      </View>
      <StationRoster members={station} moment={Date.now()} />
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      <View className="card form">
        <View className={`field ${errors.slot ? 'field--error' : ''}`} role="radiogroup" ariaLabel="选择时段">
          <Text className="field__label">选择时段 *</Text>
          {slots.length === 0 && <Text className="muted-line">近期没有可预约的时段，请电话联系法官工作站</Text>}
          {slots.map((s) => (
            <Action
              key={s.id}
              className={`choice__item ${s.id === slotId ? 'choice__item--on' : ''}`}
              pressed={s.id === slotId}
              disabled={s.placesLeft === 0}
              // The spoken name starts with the words shown (WCAG 2.5.3), then says where.
              label={`${slotLabel(s)} ${placesOf(s)}，${s.place}`}
              onClick={() => (setSlotId(s.id), clearError('slot'))}
            >
              {slotLabel(s)} {placesOf(s)}
            </Action>
          ))}
          {errors.slot && (
            <View id="mediation-slot-error" className="field__error" role="alert">
              {errors.slot}
            </View>
          )}
        </View>
        <Field id="mediation-name" label="姓名" required maxChars={MEDIATION_NAME_RULE.max} value={draft.name} error={errors.name} onChange={(name) => update({ name }, 'name')} />
        <Field id="mediation-phone" label="手机号" required type="tel" value={draft.phone} error={errors.phone} onChange={(phone) => update({ phone }, 'phone')} />
        <Field
          id="mediation-description"
          label="纠纷情况"
          required
          multiline
          maxChars={MEDIATION_DESCRIPTION_RULE.max}
          placeholder="和谁、因为什么事，协商过几次"
          hint="只有您本人和法官工作站能看到"
          value={draft.description}
          error={errors.description}
          onChange={(description) => update({ description }, 'description')}
        />
        <Action className="btn--primary btn--block" disabled={sending} onClick={book}>
          {sending ? '正在提交…' : '预约调解'}
        </Action>
      </View>
      {mine.length > 0 && (
        <View className="card" role="region" ariaLabel="我的调解预约">
          <Text className="card__title">我的调解预约</Text>
          {mine.map((b) => (
            <View key={b.id} className="matter-item">
              <Text>
                {slotLabel(b.slot)} · {b.slot.place}
              </Text>
              <Text className="matter-item__meta">
                {b.status === 'cancelled' ? '已取消' : b.outcome ? `调解结果：${b.outcome}${b.outcomeNote ? `（${b.outcomeNote}）` : ''}` : `已预约，${describeChinaMoment(b.cancelBy)}前可取消`}
              </Text>
              {b.status === 'booked' && !b.outcome && Date.parse(b.cancelBy) > Date.now() && (
                <Action className="btn--plain" label={`取消预约：${slotLabel(b.slot)}`} onClick={() => cancel(b.id)}>
                  取消预约
                </Action>
              )}
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
