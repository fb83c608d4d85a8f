import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api, type User, type VolunteerTasks, type WishSummary } from '../../api'
import { Action } from '../../components/Action'
import { WISH_STATUS_LABEL } from '../../domain/wish'
import { ROUTES, open } from '../../platform/navigation'

/** 我的心愿 for residents, 志愿服务 totals for volunteers, the review queue for staff. */
export function MyWishes({ user, refresh }: { user: User; refresh: number }) {
  const [wishes, setWishes] = useState<WishSummary[] | null>(null)
  const [tasks, setTasks] = useState<VolunteerTasks | null>(null)

  useEffect(() => {
    let live = true
    if (user.role === 'volunteer') api.listMyTasks().then((t) => live && setTasks(t), () => undefined)
    else if (user.role !== 'staff') api.listMyWishes({ limit: 3 }).then((p) => live && setWishes(p.items), () => undefined)
    return () => {
      live = false
    }
  }, [user.id, user.role, refresh])

  if (user.role === 'staff') {
    return (
      <View className="panel" role="region" ariaLabel="微心愿审核">
        <Text className="panel__title">微心愿</Text>
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.wishList('review'))}>
          审核心愿
        </Action>
      </View>
    )
  }

  if (user.role === 'volunteer') {
    return (
      <View className="panel" role="region" ariaLabel="我的志愿服务">
        <Text className="panel__title">我的志愿服务</Text>
        <Text className="volunteer-stats">
          已完成 {tasks?.completedCount ?? '–'} 个心愿，服务 {tasks?.totalHours ?? '–'} 小时
        </Text>
        <View className="row">
          <Action className="btn--primary" onClick={() => open(ROUTES.wishList('tasks'))}>
            我的任务
          </Action>
          <Action className="btn--plain" onClick={() => open(ROUTES.wishList('open'))}>
            认领心愿
          </Action>
        </View>
      </View>
    )
  }

  return (
    <View className="panel" role="region" ariaLabel="我的心愿">
      <Text className="panel__title">我的心愿</Text>
      {wishes && wishes.length === 0 && <Text className="panel__hint">还没有发布过心愿</Text>}
      {wishes?.map((wish) => (
        <View key={wish.id} className="my-wish">
          <Text className="my-wish__title">{wish.title}</Text>
          <Text className={`badge status--${wish.effectiveStatus}`}>{WISH_STATUS_LABEL[wish.effectiveStatus]}</Text>
        </View>
      ))}
      <View className="row">
        <Action className="btn--primary" onClick={() => open(ROUTES.wishList('mine'))}>
          查看全部心愿
        </Action>
        <Action className="btn--plain" onClick={() => open(ROUTES.wishPost)}>
          发布心愿
        </Action>
      </View>
    </View>
  )
}
