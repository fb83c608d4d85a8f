import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { ListError, ListFooter } from '../../../components/ListParts'
import { NavRow } from '../../../components/NavRow'
import { PageRoot } from '../../../components/PageRoot'
import { usePagedList } from '../../../components/usePagedList'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { MatterCard } from '../../components/MatterCard'
import '../../matters.scss'

/** 有事先商量: what I raised, newest first, and the ways to raise one or see the neighbours'. */
export default function MyMatters() {
  const role = useSession((s) => s.user?.role ?? null)
  const list = usePagedList(async (cursor) => {
    await ensureSignedIn()
    return mattersApi.listMyMatters({ cursor })
  }, [])
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) list.reload()
    setShown(true)
  })
  const handler = role === 'volunteer' || role === 'staff'
  return (
    <PageRoot>
      <View className="card">
        <Text className="card__title">有事先商量</Text>
        <Text className="muted-line">楼道灯坏了、垃圾没人清、邻里有矛盾……说给网格，网格员受理后会答复您。</Text>
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.matterRaise)}>
          我要说事
        </Action>
      </View>
      <NavRow text="邻居说的事" hint="我也遇到" onClick={() => open(ROUTES.publicMatters)} />
      <NavRow text="调解预约" hint="法官工作站" onClick={() => open(role === 'staff' ? ROUTES.mediationManage : ROUTES.mediation())} />
      {handler && <NavRow text="办理居民事项" hint={role === 'staff' ? '全部网格' : '本网格'} onClick={() => open(ROUTES.mattersToHandle)} />}
      <ListError list={list} />
      {list.items.map((m) => (
        <MatterCard key={m.id} matter={m}>
          <Action className="btn--plain" label={`查看进度：${m.kind}`} onClick={() => open(ROUTES.matter(m.id))}>
            查看进度
          </Action>
        </MatterCard>
      ))}
      <ListFooter list={list} empty="还没有说过事" />
    </PageRoot>
  )
}
