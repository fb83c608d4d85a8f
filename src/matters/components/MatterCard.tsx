import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { MatterView } from '../../api'
import { CardHead } from '../../components/CardHead'
import { Facts } from '../../components/Facts'
import { describeChinaMoment } from '../../domain/chinaClock'
import { MATTER_STATUS_LABEL, OVERDUE_LABEL } from '../../domain/matters'

/** Where a matter is, as people say it: 友谊路9号3栋 2单元. */
export const whereOf = (m: Pick<MatterView, 'building' | 'unit'>) => [m.building, m.unit].filter(Boolean).join(' ')

/** Status in words and colour; an overdue matter says which deadline it missed. */
export function MatterBadges({ matter }: { matter: MatterView }) {
  return (
    <View className="row">
      <Text className={`badge matter--${matter.status}`}>{MATTER_STATUS_LABEL[matter.status]}</Text>
      {matter.overdue && <Text className="badge matter--overdue">{OVERDUE_LABEL[matter.overdue]}</Text>}
    </View>
  )
}

/** A matter in a list: kind, status, what and where, how many neighbours are affected. */
export function MatterCard({ matter, children }: { matter: MatterView; children?: ReactNode }) {
  return (
    <View className="card matter-item">
      <CardHead>
        <Text className="card__title">{matter.kind}</Text>
        <MatterBadges matter={matter} />
      </CardHead>
      <Text>{matter.text}</Text>
      <Facts
        className="matter-item__meta"
        items={[whereOf(matter), `${describeChinaMoment(matter.raisedAt)}提出`, matter.ownerName, matter.affected > 0 && `${matter.affected}位邻居也遇到`]}
      />
      {children && <View className="row">{children}</View>}
    </View>
  )
}
