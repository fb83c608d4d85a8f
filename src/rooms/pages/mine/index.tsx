import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError, type RoomBookingView } from '../../../api'
import { roomsApi } from '../../../api/rooms'
import { Action } from '../../../components/Action'
import { CardHead } from '../../../components/CardHead'
import { Field } from '../../../components/Field'
import { Loading } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { describeChinaDate } from '../../../domain/chinaTime'
import { ROOM_BOOKING_LABEL, currentBooking, readDoorCode } from '../../../domain/rooms'
import { ROUTES, open } from '../../../platform/navigation'
import { canScan, scanQrCode } from '../../../platform/scan'
import { ensureSignedIn } from '../../../stores/session'
import '../../rooms.scss'

/** The caller's room bookings: check in at the door, cancel before the hour, and why staff cancelled one. */
export default function MyRoomBookingsPage() {
  const writeKey = useWriteKey()
  const { value, error, reload } = useLoaded(async () => {
    await ensureSignedIn()
    return roomsApi.listMyRoomBookings()
  }, [])
  const [message, setMessage] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)

  async function run(intent: string, write: (key: string) => Promise<RoomBookingView>, done: (b: RoomBookingView) => string) {
    setMessage(null)
    try {
      const b = await write(writeKey.keyFor(intent))
      writeKey.succeeded(intent)
      setMessage(done(b))
      setCodeError(null)
      reload()
    } catch (failure) {
      const e = toApiError(failure)
      setCodeError(e.fields.code ?? null)
      setMessage(e.message)
    }
  }
  // A scanned door code names its room; six typed digits are for the room of the booking open for check-in now.
  const checkIn = (text: string) => {
    const read = readDoorCode(text)
    if (!read) {
      setCodeError('请扫描功能室门口屏幕上的二维码，或输入二维码下方的6位数字')
      return
    }
    const openRooms = [...new Set((value?.bookings ?? []).filter((b) => currentBooking(b.roomId, [b], Date.now())).map((b) => b.roomId))]
    const roomId = read.roomId ?? (openRooms.length === 1 ? openRooms[0] : null)
    if (!roomId) {
      setCodeError(openRooms.length === 0 ? '您现在没有可签到的预约（开始前10分钟起可签到）' : '您此时有多间功能室的预约，请扫描门口的二维码')
      return
    }
    return run(`door:${text}`, (key) => roomsApi.checkInToRoom(roomId, text.trim(), { idempotencyKey: key }), (b) => `${b.room.name}签到成功`)
  }
  async function scan() {
    const text = await scanQrCode()
    if (text !== null) await checkIn(text)
  }

  return (
    <PageRoot>
      {value?.pause && (
        <View className="notice notice--warn" role="alert">
          {value.pause.reason}
        </View>
      )}
      {message && (
        <View className="notice" role="status">
          <Text>{message}</Text>
        </View>
      )}
      {/* Checking in needs a booking still to be used; without one the box would only refuse. */}
      {value?.bookings.some((b) => b.state === 'booked') && (
        <View className="card form" role="region" ariaLabel="到场签到">
          <Text className="card__title">到场签到</Text>
          {canScan && (
            <Action className="btn--primary btn--block" onClick={scan}>
              扫描门口二维码
            </Action>
          )}
          <Field id="room-door-code" label="门口屏幕上的6位签到码" type="digit" placeholder="6位数字" value={code} error={codeError} onChange={setCode} onConfirm={() => checkIn(code)} />
          <Action className={canScan ? 'btn--plain btn--block' : 'btn--primary btn--block'} onClick={() => checkIn(code)}>
            签到
          </Action>
        </View>
      )}
      {!value && <Loading error={error} onRetry={reload} />}
      {value && value.bookings.length === 0 && (
        <View className="card center">
          <Text className="muted">还没有预约</Text>
          <Action className="btn--primary btn--block" onClick={() => open(ROUTES.rooms)}>
            去预约功能室
          </Action>
        </View>
      )}
      {value?.bookings.map((b) => (
        <View key={b.id} className="card">
          <CardHead>
            <Text className="card__title">{b.room.name}</Text>
            <Text className="badge">{ROOM_BOOKING_LABEL[b.state]}</Text>
          </CardHead>
          <Text>
            {describeChinaDate(b.date)} {b.start}–{b.end}
          </Text>
          {b.cancelReason && <Text className="room__meta">工作人员已取消：{b.cancelReason}</Text>}
          {b.state === 'booked' && (
            <Action className="btn--plain" label={`取消 ${b.room.name} ${b.start}`} onClick={() => run(`cancel:${b.id}`, (key) => roomsApi.cancelRoomBooking(b.id, { idempotencyKey: key }), () => '已取消')}>
              取消预约
            </Action>
          )}
        </View>
      ))}
    </PageRoot>
  )
}
