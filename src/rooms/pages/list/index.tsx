import { Text, View } from '@tarojs/components'
import { roomsApi } from '../../../api/rooms'
import { Action } from '../../../components/Action'
import { CardHead } from '../../../components/CardHead'
import { Loading } from '../../../components/Loading'
import { NavRow } from '../../../components/NavRow'
import { PageRoot } from '../../../components/PageRoot'
import { Picture } from '../../../components/Picture'
import { useLoaded } from '../../../components/useLoaded'
import { describeHoursOf, occupancyText } from '../../../domain/rooms'
import { inChina } from '../../../domain/chinaTime'
import { ROUTES, open } from '../../../platform/navigation'
import { useSession } from '../../../stores/session'
import '../../rooms.scss'

/** The community centre's rooms: hours, rules, closures; 预约 opens a room's hours. */
export default function RoomList() {
  const staff = useSession((s) => s.user?.role === 'staff')
  const { value: rooms, error, reload } = useLoaded(() => roomsApi.listRooms(), [])
  return (
    <PageRoot>
      {!staff && <NavRow text="我的预约" hint="到场签到、取消" onClick={() => open(ROUTES.myRoomBookings)} />}
      {!rooms && <Loading error={error} onRetry={reload} />}
      {rooms?.map((room) => (
        <View key={room.id} className="card">
          {room.photo && <Picture className="room__photo" src={room.photo} alt={`${room.name}示意图`} crop />}
          <CardHead>
            <Text className="card__title">{room.name}</Text>
            <Text className="badge">{room.walkIn ? occupancyText(room) : `每时段${room.capacity}个名额`}</Text>
          </CardHead>
          <Text className="room__meta">{room.rules}</Text>
          <Text className="room__meta">{describeHoursOf(room).join('；')}</Text>
          {room.closures.map((c) => (
            <View key={c.id} className="notice notice--warn">
              {inChina(c.from).format('M月D日 HH:mm')}至{inChina(c.to).format('M月D日 HH:mm')}暂停开放：{c.reason}
            </View>
          ))}
          {!room.walkIn && (
            <Action className="btn--primary" label={`${staff ? '查看时段' : '预约'}：${room.name}`} onClick={() => open(ROUTES.room(room.id))}>
              {staff ? '查看时段与暂停开放' : '预约'}
            </Action>
          )}
          {room.walkIn && (
            <Action className="btn--primary" label={`${staff ? '查看与暂停开放' : '我要使用'}：${room.name}`} onClick={() => open(ROUTES.room(room.id))}>
              {staff ? '查看与暂停开放' : '我要使用'}
            </Action>
          )}
        </View>
      ))}
    </PageRoot>
  )
}
