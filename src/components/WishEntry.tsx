import { Text, View } from '@tarojs/components'
import type { Role } from '../api'
import { ROUTES, open } from '../platform/navigation'
import { Action } from './Action'

/** The way into 微心愿 for each role: post and follow, claim and serve, or review. */
export function WishEntry({ role }: { role: Role | null }) {
  return (
    <View className="card entry" role="region" ariaLabel="微心愿">
      <Text className="card__title">微心愿</Text>
      <Text className="entry__text">
        {role === 'volunteer'
          ? '本网格居民的小心愿，等您认领帮忙'
          : role === 'staff'
            ? '居民发布的心愿，审核通过后志愿者可认领'
            : '有小困难说出来，网格志愿者上门帮您'}
      </Text>
      <View className="row">
        {role === 'volunteer' && (
          <>
            <Action className="btn--primary" onClick={() => open(ROUTES.wishList('open'))}>
              认领心愿
            </Action>
            <Action className="btn--plain" onClick={() => open(ROUTES.wishList('tasks'))}>
              我的任务
            </Action>
          </>
        )}
        {role === 'staff' && (
          <Action className="btn--primary" onClick={() => open(ROUTES.wishList('review'))}>
            审核心愿
          </Action>
        )}
        {(role === null || role === 'resident' || role === 'elder') && (
          <>
            <Action className="btn--primary" onClick={() => open(ROUTES.wishPost)}>
              发布心愿
            </Action>
            <Action className="btn--plain" onClick={() => open(ROUTES.wishList('mine'))}>
              我的心愿
            </Action>
          </>
        )}
      </View>
    </View>
  )
}
