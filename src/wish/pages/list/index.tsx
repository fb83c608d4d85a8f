import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, toApiError, type VolunteerTasks, type WishCategory } from '../../../api'
import { wishApi } from '../../../api/wish'
import { Action } from '../../../components/Action'
import { ListError, ListFooter } from '../../../components/ListParts'
import { PageRoot } from '../../../components/PageRoot'
import { usePagedList } from '../../../components/usePagedList'
import { WISH_CATEGORIES } from '../../../domain/wish'
import { ensureSignedIn } from '../../../stores/session'
import { WishCard } from '../../components/WishCard'
import '../../wish.scss'
import { useWriteKey } from '../../../components/useWriteKey'

/** Which list: my wishes (residents), open wishes and my tasks (volunteers), the review queue (staff). */
type Mode = 'mine' | 'open' | 'tasks' | 'review'

const TITLES: Record<Mode, string> = {
  mine: '我的心愿',
  open: '认领心愿',
  tasks: '我的任务',
  review: '审核心愿',
}

const EMPTY: Record<Mode, string> = {
  mine: '您还没有发布过心愿',
  open: '本网格暂时没有待认领的心愿',
  tasks: '您还没有认领过心愿',
  review: '没有待审核的心愿',
}

export default function WishList() {
  const writeKey = useWriteKey()
  const router = useRouter()
  const mode = (['mine', 'open', 'tasks', 'review'].includes(router.params.mode ?? '') ? router.params.mode : 'mine') as Mode
  const [category, setCategory] = useState<WishCategory | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [tasks, setTasks] = useState<VolunteerTasks | null>(null)
  const [claiming, setClaiming] = useState<string | null>(null)

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: TITLES[mode] })
  }, [mode])

  const list = usePagedList(
    async (cursor) => {
      await ensureSignedIn()
      if (mode === 'open') return wishApi.listOpenWishes({ cursor, category: category ?? undefined })
      if (mode === 'review') return wishApi.listWishesToReview({ cursor })
      if (mode === 'tasks') {
        const result = await api.listMyTasks()
        setTasks(result)
        return { items: result.items, nextCursor: null }
      }
      return api.listMyWishes({ cursor })
    },
    [mode, category],
  )

  // Coming back from a detail page: show what changed there.
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) list.reload()
    setShown(true)
  })

  async function claim(id: string) {
    setClaiming(id)
    setMessage(null)
    try {
      await wishApi.claimWish(id, { idempotencyKey: writeKey.keyFor(`claim:${id}`) })
      writeKey.succeeded(`claim:${id}`)
      Taro.navigateTo({ url: `/wish/pages/detail/index?id=${encodeURIComponent(id)}` })
    } catch (failure) {
      const error = toApiError(failure)
      setMessage(error.message)
      // Someone else was quicker: show the list as it is now.
      if (error.code === 'CONFLICT') list.reload()
    } finally {
      setClaiming(null)
    }
  }

  return (
    <PageRoot>
      {mode === 'mine' && (
        <Action className="btn--primary btn--block" onClick={() => Taro.navigateTo({ url: '/wish/pages/post/index' })}>
          发布新心愿
        </Action>
      )}
      {mode === 'tasks' && tasks && (
        <View className="card stats" role="group" ariaLabel="我的志愿服务">
          <View className="stats__item">
            <Text className="stats__value">{tasks.completedCount}</Text>
            <Text>已完成</Text>
          </View>
          <View className="stats__item">
            <Text className="stats__value">{tasks.totalHours}</Text>
            <Text>服务小时</Text>
          </View>
        </View>
      )}
      {mode === 'open' && (
        <View className="choice filter" role="group" ariaLabel="按类别筛选">
          {[null, ...WISH_CATEGORIES].map((c) => (
            <Action
              key={c ?? 'all'}
              className={`choice__item ${category === c ? 'choice__item--on' : ''}`}
              pressed={category === c}
              onClick={() => setCategory(c)}
            >
              {c ?? '全部'}
            </Action>
          ))}
        </View>
      )}
      {message && (
        <View className="notice notice--warn" role="alert">
          <Text>{message}</Text>
        </View>
      )}
      <ListError list={list} />
      <View className="wish-list">
        {list.items.map((wish) => (
          <WishCard key={wish.id} wish={wish}>
            {mode === 'open' && (
              <Action className="btn--primary" disabled={claiming !== null} label={`认领心愿：${wish.title}`} onClick={() => claim(wish.id)}>
                {claiming === wish.id ? '正在认领…' : '认领'}
              </Action>
            )}
          </WishCard>
        ))}
      </View>
      <ListFooter list={list} empty={EMPTY[mode]} />
    </PageRoot>
  )
}
