import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { roomsApi } from '../../../api/rooms'
import { LiveCodeView } from '../../../components/LiveCodeView'
import { LoadingPage } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLiveCode } from '../../../components/useLiveCode'
import { useLoaded } from '../../../components/useLoaded'
import '../../rooms.scss'

/** The door display of a room: its code of the moment, changed every 30 seconds, for those who booked to scan or type. */
export default function RoomDoor() {
  const id = useRouter().params.id ?? ''
  const room = useLoaded(() => roomsApi.getRoom(id), [id])
  const live = useLiveCode(() => roomsApi.getRoomDoorCode(id), [id])
  if (!room.value) return <LoadingPage error={room.error} onRetry={room.reload} />
  return (
    <PageRoot>
      <View className="card" role="region" ariaLabel="门口签到码">
        <View className="card__title" role="heading" aria-level={1}>
          {room.value.name} 到场签到
        </View>
        <Text className="room__meta">预约了本时段的居民：在“我的预约”扫描下方二维码，或输入6位数字签到。签到码每30秒更换，照片无效。</Text>
        <LiveCodeView live={live} name="门口签到码" digitsClassName="door-code" />
      </View>
    </PageRoot>
  )
}
