import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/**
 * A card's title and its badge on one line; the badge moves under the title when
 * there is no room (large text, 长辈模式, zoom). Styled as .card-head in app.scss.
 */
export function CardHead({ children }: { children: ReactNode }) {
  return <View className="card-head">{children}</View>
}
