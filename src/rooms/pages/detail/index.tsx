import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '../../../api'
import { roomsApi } from '../../../api/rooms'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { Loading, LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { Picture } from '../../../components/Picture'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { describeChinaDate, inChina } from '../../../domain/chinaTime'
import { bookableDays, occupancyText, slotStatusText, validateClosure } from '../../../domain/rooms'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn, useSession } from '../../../stores/session'
import '../../rooms.scss'

/** A room's hours for a day (today and the next 7): 预约 a free hour; staff close it for a time. */
export default function RoomDetail() {
  const id = useRouter().params.id ?? ''
  const staff = useSession((s) => s.user?.role === 'staff')
  const writeKey = useWriteKey()
  const days = bookableDays(Date.now())
  const [date, setDate] = useState(days[0])
  const room = useLoaded(() => roomsApi.getRoom(id), [id])
  const slots = useLoaded(() => roomsApi.listRoomSlots(id, date), [id, date])
  const signedIn = useSession((s) => s.user !== null)
  const visit = useLoaded(async () => (signedIn && !staff ? (await roomsApi.getMyRoomVisit(id)).visit : null), [id, signedIn, staff])
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Dates and times from the phone's pickers; both days start as today, the usual case.
  const [closure, setClosure] = useState(() => {
    const today = inChina(Date.now()).format('YYYY-MM-DD')
    return { fromDate: today, fromTime: '', toDate: today, toTime: '', reason: '' }
  })
  const [closureErrors, setClosureErrors] = useState<Record<string, string>>({})

  if (!room.value) return <LoadingPage error={room.error} onRetry={room.reload} />

  async function book(start: string) {
    if (busy) return
    setBusy(true)
    setMessage(null)
    try {
      await ensureSignedIn()
      await roomsApi.bookRoom(id, { date, start }, { idempotencyKey: writeKey.keyFor(`book:${date}:${start}`) })
      writeKey.succeeded(`book:${date}:${start}`)
      setMessage(`已预约 ${describeChinaDate(date)} ${start}，请按时到场扫码签到`)
      slots.reload()
    } catch (failure) {
      setMessage(toApiError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  /** 我在使用 / 离开 in a walk-in room: the status others see follows at once. */
  async function walkIn(intent: 'start' | 'end') {
    if (busy) return
    setBusy(true)
    setMessage(null)
    try {
      await ensureSignedIn()
      const key = writeKey.keyFor(`visit:${intent}`)
      const v = intent === 'start' ? await roomsApi.startRoomVisit(id, { idempotencyKey: key }) : await roomsApi.endRoomVisit(id, { idempotencyKey: key })
      writeKey.succeeded(`visit:${intent}`)
      setMessage(intent === 'start' ? `已登记使用，${inChina(v.endsAt).format('HH:mm')}自动结束；离开时请点“离开”` : '已离开，谢谢')
      room.reload()
      visit.reload()
    } catch (failure) {
      setMessage(toApiError(failure).message)
      room.reload()
    } finally {
      setBusy(false)
    }
  }

  async function close() {
    // Picked as China dates and times: sent with China's offset.
    const draft = { from: `${closure.fromDate}T${closure.fromTime}:00+08:00`, to: `${closure.toDate}T${closure.toTime}:00+08:00`, reason: closure.reason }
    const errors = validateClosure(draft, Date.now())
    setClosureErrors(errors)
    if (Object.keys(errors).length) return
    try {
      const result = await roomsApi.closeRoom(id, draft, { idempotencyKey: writeKey.keyFor('close') })
      writeKey.succeeded('close')
      setMessage(`已暂停开放，取消了${result.cancelled}个预约，预约人会看到原因`)
      room.reload()
      slots.reload()
    } catch (failure) {
      const e = toApiError(failure)
      setClosureErrors(e.fields)
      setMessage(e.message)
    }
  }

  return (
    <PageRoot>
      <View className="card">
        <View className="card__title" role="heading" aria-level={1}>
          {room.value.name}
        </View>
        {room.value.photo && <Picture className="room__photo" src={room.value.photo} alt={`${room.value.name}示意图`} crop />}
        <Text className="room__meta">{room.value.rules}</Text>
        {!room.value.walkIn && <Text className="room__meta">每人每天同一功能室最多2小时，最多同时3个预约；开始前可取消。30天内3次未到将暂停预约7天。</Text>}
      </View>
      {room.value.walkIn && (
        <View className="card" role="region" ariaLabel="使用情况">
          <View className={`room-status ${room.value.inUse >= room.value.capacity ? 'room-status--busy' : ''}`} aria-live="polite">
            {occupancyText(room.value)}
          </View>
          <Text className="room__meta">无需预约。进门时点“我在使用”，别人会看到“使用中”；离开时点“离开”，30分钟后也会自动结束。</Text>
          {!staff && !visit.value && (
            <Action className="btn--primary btn--block" disabled={busy} onClick={() => walkIn('start')}>
              我在使用
            </Action>
          )}
          {!staff && visit.value && (
            <>
              <Text>您正在使用，{inChina(visit.value.endsAt).format('HH:mm')}自动结束</Text>
              <Action className="btn--primary btn--block" disabled={busy} onClick={() => walkIn('end')}>
                离开
              </Action>
            </>
          )}
        </View>
      )}
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
          {!staff && (
            <Action className="btn--plain" onClick={() => open(ROUTES.myRoomBookings)}>
              我的预约
            </Action>
          )}
        </View>
      )}
      {!room.value.walkIn && (
        <>
          <View className="choice" role="radiogroup" ariaLabel="日期">
            {days.map((d) => (
              <Action key={d} className={`choice__item ${d === date ? 'choice__item--on' : ''}`} pressed={d === date} onClick={() => setDate(d)}>
                {describeChinaDate(d)}
              </Action>
            ))}
          </View>
          <View className="card" role="region" ariaLabel="时段">
            {!slots.value && <Loading error={slots.error} onRetry={slots.reload} />}
            {slots.value && slots.value.length === 0 && <Text className="muted">这一天不开放</Text>}
            {slots.value?.map((s) => (
              <View key={s.start} className="room-slot">
                <View>
                  <Text className="room-slot__time">
                    {s.start}–{s.end}
                  </Text>
                  <View className="room__meta">{slotStatusText(s)}</View>
                </View>
                {!staff && s.bookable && (
                  <Action className="btn--primary" disabled={busy} label={`预约 ${s.start}–${s.end}`} onClick={() => book(s.start)}>
                    预约
                  </Action>
                )}
              </View>
            ))}
          </View>
        </>
      )}
      {staff && !room.value.walkIn && (
        <Action className="btn--plain btn--block" onClick={() => open(ROUTES.roomDoor(id))}>
          门口签到屏（每30秒更换的签到码）
        </Action>
      )}
      {staff && (
        <View className="card form" role="region" ariaLabel="暂停开放">
          <Text className="card__title">暂停开放（维修、活动）</Text>
          <View className="row row--fields">
            <Field id="closure-from-date" label="开始日期" required type="date" value={closure.fromDate} onChange={(v) => setClosure({ ...closure, fromDate: v })} />
            <Field id="closure-from-time" label="开始时间" required type="time" value={closure.fromTime} error={closureErrors.from} onChange={(v) => setClosure({ ...closure, fromTime: v })} />
          </View>
          <View className="row row--fields">
            <Field id="closure-to-date" label="结束日期" required type="date" value={closure.toDate} onChange={(v) => setClosure({ ...closure, toDate: v })} />
            <Field id="closure-to-time" label="结束时间" required type="time" value={closure.toTime} error={closureErrors.to} onChange={(v) => setClosure({ ...closure, toTime: v })} />
          </View>
          <Field id="closure-reason" label="原因（预约人会看到）" required value={closure.reason} error={closureErrors.reason} onChange={(v) => setClosure({ ...closure, reason: v })} />
          <Action className="btn--primary btn--block" onClick={close}>
            暂停开放并取消受影响的预约
          </Action>
        </View>
      )}
    </PageRoot>
  )
}
