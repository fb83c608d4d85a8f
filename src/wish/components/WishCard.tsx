import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import type { WishSummary } from '../../api'
import { Action } from '../../components/Action'
import { inChina } from '../../domain/chinaTime'
import { WISH_STATUS_LABEL } from '../../domain/wish'
import { CardHead } from '../../components/CardHead'
import { ROUTES } from '../../platform/navigation'
import { Facts } from '../../components/Facts'

export function StatusBadge({ status }: { status: WishSummary['effectiveStatus'] }) {
  return <Text className={`badge status--${status}`}>{WISH_STATUS_LABEL[status]}</Text>
}

/** A wish in a list; the title opens its detail. User text is rendered as text only. */
export function WishCard({ wish, children }: { wish: WishSummary; children?: ReactNode }) {
  const open = () => Taro.navigateTo({ url: ROUTES.wishDetail(wish.id) })
  return (
    <View className="card wish-item" role="article" ariaLabel={wish.title}>
      <CardHead>
        <Text className="wish-item__title">{wish.title}</Text>
        <StatusBadge status={wish.effectiveStatus} />
      </CardHead>
      <Facts className="wish-item__meta" items={[wish.category, wish.address.building, `${inChina(wish.createdAt).format('M月D日 HH:mm')}发布`]} />
      <Text>{wish.description}</Text>
      <View className="row">
        <Action className="btn--plain" label={`查看详情：${wish.title}`} onClick={open}>
          查看详情
        </Action>
        {children}
      </View>
    </View>
  )
}
