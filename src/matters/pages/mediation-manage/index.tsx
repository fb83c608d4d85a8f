import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError, type MediationBookingView, type MediationOutcome, type MediationSlotDraft } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Facts } from '../../../components/Facts'
import { Field } from '../../../components/Field'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useFormSubmit } from '../../../components/useFormSubmit'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { MEDIATION_PLACE_RULE, OUTCOMES, slotLabel, validateSlotDraft } from '../../../domain/mediation'
import { ensureSignedIn } from '../../../stores/session'
import '../../matters.scss'

const EMPTY: MediationSlotDraft = { date: '', start: '09:00', end: '11:00', place: '东安社区法官工作站', capacity: 3 }

/** Staff (the station): open slots, read each slot's bookings with the disputes, record the outcome once. */
export default function MediationManage() {
  const { value: slots, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return mattersApi.listRecentMediationSlots()
  }, [])
  const [draft, setDraft] = useState(EMPTY)
  const [open, setOpen] = useState<{ slotId: string; bookings: MediationBookingView[] } | null>(null)
  const [flash, setFlash] = useState<string | null>(null)
  const { errors, notice, sending, clearError, submit } = useFormSubmit()
  const outcomeKey = useWriteKey()

  if (!slots) return <LoadingPage error={error} onRetry={reload} />

  const update = (patch: Partial<MediationSlotDraft>, field: string) => {
    setDraft({ ...draft, ...patch })
    clearError(field)
  }
  const create = () =>
    submit(
      validateSlotDraft(draft, Date.now()),
      async (idempotencyKey) => {
        await mattersApi.createMediationSlot({ ...draft, capacity: Number(draft.capacity) }, { idempotencyKey })
        setFlash('时段已发布')
        setDraft(EMPTY)
        await reload()
      },
      '时段还没有发布，填写的内容都还在，请再点一次“发布时段”。',
    )
  async function show(slotId: string) {
    try {
      setOpen({ slotId, bookings: await mattersApi.listMediationBookings(slotId) })
    } catch (failure) {
      setFlash(toApiError(failure).message)
    }
  }
  async function record(booking: MediationBookingView, outcome: MediationOutcome) {
    try {
      await mattersApi.recordMediationOutcome(booking.id, outcome, '', { idempotencyKey: outcomeKey.keyFor(booking.id) })
      outcomeKey.succeeded(booking.id)
      setFlash(`已记录：${booking.name} ${outcome}`)
      await show(booking.slotId)
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
      {slots.map((s) => (
        <View key={s.id} className="card matter-item">
          <Text className="card__title">{slotLabel(s)}</Text>
          <Facts className="matter-item__meta" items={[s.place, `共${s.capacity}个名额`, `余${s.placesLeft}个`]} />
          <Action className="btn--plain" label={`预约名单：${slotLabel(s)}`} onClick={() => show(s.id)}>
            预约名单
          </Action>
          {open?.slotId === s.id && open.bookings.length === 0 && <Text className="muted-line">还没有人预约</Text>}
          {open?.slotId === s.id &&
            open.bookings.map((b) => (
              <View key={b.id} className="matter-item">
                <Text>
                  {b.name} {b.phone}
                  {b.status === 'cancelled' ? '（已取消）' : ''}
                </Text>
                <Text className="matter-item__meta">{b.description}</Text>
                {b.outcome && <Text>结果：{b.outcome}</Text>}
                {b.status === 'booked' && !b.outcome && (
                  <View className="row">
                    {OUTCOMES.map((o) => (
                      <Action key={o} className="btn--plain" label={`${b.name}：${o}`} onClick={() => record(b, o)}>
                        {o}
                      </Action>
                    ))}
                  </View>
                )}
              </View>
            ))}
        </View>
      ))}
      <View className="card form" role="region" ariaLabel="发布调解时段">
        <Text className="card__title">发布调解时段</Text>
        {notice && (
          <View className="notice notice--error" role="alert">
            <Text>{notice}</Text>
          </View>
        )}
        <Field id="slot-date" label="日期" required type="date" value={draft.date} error={errors.date} onChange={(date) => update({ date }, 'date')} />
        <View className="row row--fields">
          <Field id="slot-start" label="开始" required type="time" value={draft.start} error={errors.start} onChange={(start) => update({ start }, 'start')} />
          <Field id="slot-end" label="结束" required type="time" value={draft.end} error={errors.end} onChange={(end) => update({ end }, 'end')} />
        </View>
        <Field id="slot-place" label="地点" required maxChars={MEDIATION_PLACE_RULE.max} value={draft.place} error={errors.place} onChange={(place) => update({ place }, 'place')} />
        <Field id="slot-capacity" label="可约人数" required type="digit" value={String(draft.capacity)} error={errors.capacity} onChange={(capacity) => update({ capacity: capacity as unknown as number }, 'capacity')} />
        <Action className="btn--primary btn--block" disabled={sending} onClick={create}>
          {sending ? '正在发布…' : '发布时段'}
        </Action>
      </View>
    </PageRoot>
  )
}
