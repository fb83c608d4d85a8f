import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError, type MatterView } from '../../../api'
import { mattersApi } from '../../../api/matters'
import { Action } from '../../../components/Action'
import { Loading } from '../../../components/Loading'
import { PageRoot } from '../../../components/PageRoot'
import { useLoaded } from '../../../components/useLoaded'
import { useWriteKey } from '../../../components/useWriteKey'
import { ROUTES, open } from '../../../platform/navigation'
import { ensureSignedIn, useSession } from '../../../stores/session'
import { MatterCard } from '../../components/MatterCard'
import '../../matters.scss'

/** The grid's public matters, without names, safety hazards first; 我也遇到 tells the grid how many are affected. */
export default function PublicMatters() {
  const { value: matters, error, reload, setValue } = useLoaded(async () => {
    await ensureSignedIn()
    return mattersApi.listPublicMatters()
  }, [])
  const me = useSession((s) => s.user?.id ?? null)
  const [notice, setNotice] = useState<string | null>(null)
  const writeKey = useWriteKey()

  async function join(matter: MatterView) {
    setNotice(null)
    try {
      const next = await mattersApi.addMeToMatter(matter.id, { idempotencyKey: writeKey.keyFor(matter.id) })
      writeKey.succeeded(matter.id)
      setValue((list) => list && list.map((m) => (m.id === next.id ? next : m)))
    } catch (failure) {
      setNotice(toApiError(failure).message)
    }
  }

  return (
    <PageRoot>
      <View className="actions">
        <Action className="btn--primary btn--block" onClick={() => open(ROUTES.matterRaise)}>
          我要说事
        </Action>
        <Action className="btn--plain btn--block" onClick={() => open(ROUTES.meetings)}>
          网格议事会决议
        </Action>
      </View>
      {notice && (
        <View className="notice notice--error" role="alert">
          <Text>{notice}</Text>
        </View>
      )}
      {!matters && <Loading error={error} onRetry={reload} />}
      {matters && matters.length === 0 && <View className="muted center">本网格还没有公开的事项</View>}
      {matters?.map((m) => (
        <MatterCard key={m.id} matter={m}>
          {m.affectedByMe ? (
            <Text className="badge">我也遇到了</Text>
          ) : (
            m.status !== 'confirmed' &&
            m.ownerId !== me && (
              <Action className="btn--primary" label={`我也遇到：${m.text}`} onClick={() => join(m)}>
                我也遇到
              </Action>
            )
          )}
          <Action className="btn--plain" label={`查看进度：${m.text}`} onClick={() => open(ROUTES.matter(m.id))}>
            查看进度
          </Action>
        </MatterCard>
      ))}
    </PageRoot>
  )
}
