import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { ListError, ListFooter } from '../../../components/ListParts'
import { PageRoot } from '../../../components/PageRoot'
import { usePagedList } from '../../../components/usePagedList'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { MatterCard } from '../../components/MatterCard'
import '../../matters.scss'

/** Grid workers: their grid's matters; staff: every grid's. Newest first, overdue ones marked. */
export default function MattersToHandle() {
  const staff = useSession((s) => s.user?.role === 'staff')
  const list = usePagedList(async (cursor) => {
    await ensureSignedIn()
    return mattersApi.listMattersToHandle({ cursor })
  }, [])
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) list.reload()
    setShown(true)
  })
  const overdue = list.items.filter((m) => m.overdue).length
  return (
    <PageRoot>
      <View className="card">
        <Text className="card__title">{staff ? '全部网格的居民事项' : '本网格的居民事项'}</Text>
        <Text className="muted-line">提出后下一个工作日内受理，7天内答复。{overdue > 0 ? `已加载的事项中有${overdue}件超时。` : ''}</Text>
        <Action className="btn--plain" onClick={() => open(ROUTES.meetings)}>
          网格议事会
        </Action>
      </View>
      <ListError list={list} />
      {list.items.map((m) => (
        <MatterCard key={m.id} matter={m}>
          <Action className="btn--primary" label={`办理：${m.kind} ${m.text}`} onClick={() => open(ROUTES.matter(m.id))}>
            办理
          </Action>
        </MatterCard>
      ))}
      <ListFooter list={list} empty="还没有需要办理的事项" />
    </PageRoot>
  )
}
