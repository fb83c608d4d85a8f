import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { Picture } from '../../../components/Picture'
import { toApiError, type ApiError, type WishView } from '../../../api'
import { wishApi } from '../../../api/wish'
import { Action } from '../../../components/Action'
import { CallButton } from '../../../components/CallButton'
import { PageRoot } from '../../../components/PageRoot'
import { inChina } from '../../../domain/chinaTime'
import { AUTO_CONFIRM_DAYS, allowedActions, WISH_ACTION_LABEL, type WishEvent } from '../../../domain/wish'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { StatusBadge } from '../../components/WishCard'
import { WishActions } from './WishActions'
import '../../wish.scss'
import { describeActedBy } from '../../../domain/onBehalf'
import { CardHead } from '../../../components/CardHead'
import { Facts } from '../../../components/Facts'

const EVENT_LABEL: Record<WishEvent['action'], string> = {
  ...WISH_ACTION_LABEL,
  post: '发布心愿',
  confirm: '确认完成',
  auto_confirm: `超过${AUTO_CONFIRM_DAYS}天自动确认`,
}

const when = (iso: string) => inChina(iso).format('M月D日 HH:mm')

export default function WishDetail() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const user = useSession((s) => s.user)
  const [wish, setWish] = useState<WishView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [flash, setFlash] = useState<string | null>(router.params.posted ? '心愿已提交，社区审核通过后志愿者就能看到' : null)

  const load = useCallback(() => {
    setError(null)
    ensureSignedIn()
      .then(() => wishApi.getWish(id))
      .then(setWish, (failure) => setError(toApiError(failure)))
  }, [id])
  useEffect(load, [load])

  if (error) {
    return (
      <PageRoot>
        <View className="notice notice--error" role="alert">
          <Text>{error.message}</Text>
          <Action className="btn--plain" onClick={load}>
            重试
          </Action>
        </View>
      </PageRoot>
    )
  }
  if (!wish || !user) {
    return (
      <PageRoot>
        <View className="muted center" role="status">
          正在加载…
        </View>
      </PageRoot>
    )
  }

  const actions = allowedActions(wish, { id: user.id, name: user.name, role: user.role, gridCode: user.gridCode }, Date.now())
  const fullAddress = [wish.address.building, wish.address.unit, wish.address.room].filter(Boolean).join(' ')
  const phoneVisible = /^\d{11}$/.test(wish.phone)
  const mine = wish.ownerId === user.id

  return (
    <PageRoot>
      {flash && (
        <View className="notice" role="status">
          <Text>{flash}</Text>
        </View>
      )}
      <View className="card">
        <CardHead>
          <View className="card__title" role="heading" aria-level={1}>
            {wish.title}
          </View>
          <StatusBadge status={wish.effectiveStatus} />
        </CardHead>
        <Facts className="wish-item__meta" items={[wish.category, wish.ownerName, `${when(wish.createdAt)}发布`]} />
        {wish.actedBy && <Text className="muted-line">{describeActedBy(wish.actedBy)}</Text>}
        <Text>{wish.description}</Text>
        {wish.preferredTime && <Text>希望时间：{wish.preferredTime}</Text>}
        <Text>地址：{fullAddress}</Text>
        {phoneVisible ? (
          <View className="row">
            <Text>电话：{wish.phone}</Text>
            {!mine && <CallButton phone={wish.phone} who={wish.ownerName} className="btn--small" />}
          </View>
        ) : (
          <Text>电话：{wish.phone}（认领后可见完整地址和电话）</Text>
        )}
        {wish.photos.length > 0 && (
          <View className="photos">
            {wish.photos.map((photo, i) => (
              <Picture key={i} className="photos__img" src={photo} crop alt={`心愿照片${i + 1}`} />
            ))}
          </View>
        )}
        {wish.claimedByName && <Text>认领志愿者：{wish.claimedByName}</Text>}
        {wish.rejectReason && <Text>未通过原因：{wish.rejectReason}</Text>}
        {wish.completionNote && (
          <Text>
            服务记录：{wish.completionNote}（{wish.hours}小时）
          </Text>
        )}
        {wish.rating && (
          <Text>
            评价：{'★'.repeat(wish.rating)}
            {wish.thanks ? ` ${wish.thanks}` : ''}
          </Text>
        )}
      </View>

      <WishActions
        wish={wish}
        actions={actions}
        onDone={(next) => {
          setWish(next)
          setFlash(`已${EVENT_LABEL[next.events[next.events.length - 1].action]}`)
        }}
        onStale={load}
      />

      <View className="card" role="region" ariaLabel="进度">
        <Text className="card__title">进度</Text>
        <View className="timeline">
          {wish.events.map((event, i) => (
            <View key={i} className="timeline__item">
              <Text className="timeline__when">{when(event.at)}</Text>
              <Text>
                {event.byName} {EVENT_LABEL[event.action]}
                {event.note ? `：${event.note}` : ''}
              </Text>
            </View>
          ))}
          {wish.effectiveStatus === 'confirmed' && wish.status === 'completed' && (
            <View className="timeline__item">
              <Text>超过{AUTO_CONFIRM_DAYS}天未确认，已自动确认完成</Text>
            </View>
          )}
        </View>
      </View>
    </PageRoot>
  )
}
