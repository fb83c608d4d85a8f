import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api, type User, type VolunteerTasks, type WishSummary } from '../../api'
import { Action } from '../../components/Action'
import { WishLinks } from '../../components/Entries'
import { ROUTES, open } from '../../platform/navigation'
import { WISH_STATUS_LABEL } from '../../domain/wish'

/** 我的心愿 for residents, 志愿服务 totals for volunteers, the review queue for staff. */
export function MyWishes({ user, refresh }: { user: User; refresh: number }) {
  const [wishes, setWishes] = useState<WishSummary[] | null>(null)
  const [tasks, setTasks] = useState<VolunteerTasks | null>(null)

  useEffect(() => {
    let live = true
    // A switched account starts empty: never the previous account's list.
    setWishes(null)
    setTasks(null)
    if (user.role === 'volunteer') api.listMyTasks().then((t) => live && setTasks(t), () => undefined)
    else if (user.role !== 'staff') api.listMyWishes({ limit: 3 }).then((p) => live && setWishes(p.items), () => undefined)
    return () => {
      live = false
    }
  }, [user.id, user.role, refresh])

  const title = user.role === 'volunteer' ? '我的志愿服务' : user.role === 'staff' ? '微心愿' : '我的心愿'
  return (
    <View className="card" role="region" ariaLabel={title}>
      <Text className="card__title">{title}</Text>
      {user.role === 'volunteer' && (
        <Text className="volunteer-stats">
          已完成 {tasks?.completedCount ?? '–'} 个心愿，服务 {tasks?.totalHours ?? '–'} 小时
        </Text>
      )}
      {wishes && wishes.length === 0 && <Text className="panel__hint">还没有发布过心愿</Text>}
      {wishes?.map((wish) => (
        <View key={wish.id} className="my-wish">
          <Text className="my-wish__title">{wish.title}</Text>
          <Text className={`badge status--${wish.effectiveStatus}`}>{WISH_STATUS_LABEL[wish.effectiveStatus]}</Text>
        </View>
      ))}
      <WishLinks role={user.role} />
      {user.role === 'staff' && (
        <>
          <Action className="btn--plain btn--block" onClick={() => open(ROUTES.dashboard)}>
            工作数据
          </Action>
          <Action className="btn--plain btn--block" onClick={() => open(ROUTES.volunteers)}>
            志愿者管理
          </Action>
          <Action className="btn--plain btn--block" onClick={() => open(ROUTES.auditTrail)}>
            操作记录
          </Action>
        </>
      )}
    </View>
  )
}
