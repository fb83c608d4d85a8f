import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { startTransition, useEffect, useMemo, useState } from 'react'
import { Action } from '../../components/Action'
import { api, type PublicSummary } from '../../api'
import { CallButton } from '../../components/CallButton'
import { Directions } from '../../components/Directions'
import { PageRoot } from '../../components/PageRoot'
import { ClinicEntry, JobsEntry, WishEntry } from '../../components/Entries'
import { cardView } from '../../domain/card'
import { describeChinaMoment } from '../../domain/chinaClock'
import { gridFromEntry } from '../../domain/scene'
import { cardShare } from '../../domain/share'
import { useShare } from '../../platform/share'
import { readEntryParams } from '../../platform/entry'
import { useSession } from '../../stores/session'
import { ColourTile } from './ColourTile'
import { GridPicker } from './GridPicker'
import { useGridCard } from './useGridCard'
import './index.scss'
import { Runs } from '../../components/Runs'

/** Re-renders every minute so "现在值班" follows the roster. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60 * 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** 本街道已为民办实事 N 件: the public figures, left out quietly when offline. */
function usePublicSummary() {
  const [summary, setSummary] = useState<PublicSummary | null>(null)
  useEffect(() => {
    api.getPublicSummary().then((figures) => startTransition(() => setSummary(figures)), () => setSummary(null))
  }, [])
  return summary
}

/** A grid name breaks, when it must, only between the community name and the rest. */
function GridName({ grid }: { grid: { name: string; communityName: string } }) {
  if (process.env.TARO_ENV !== 'h5' || !grid.name.startsWith(grid.communityName)) return <>{grid.name}</>
  return (
    <>
      {grid.communityName}
      <wbr />
      {grid.name.slice(grid.communityName.length)}
    </>
  )
}

export default function Home() {
  const router = useRouter()
  const entryGrid = useMemo(() => gridFromEntry(readEntryParams(router.params)), [router.params])
  const { state, pick, retry, changeGrid } = useGridCard(entryGrid)
  const now = useMinuteClock()
  const role = useSession((s) => s.user?.role ?? null)
  const summary = usePublicSummary()
  const readyCard = state.status === 'ready' ? state.card : null
  // The same tile objects until the card or the minute changes, so the memoised tiles skip re-rendering.
  const tiles = useMemo(() => (readyCard ? cardView(readyCard.colours, readyCard.hotline, now) : []), [readyCard, now])
  useShare('/pages/home/index', () => (readyCard ? cardShare(readyCard.grid) : null))

  if (state.status === 'loading') {
    return (
      <PageRoot tab="/pages/home/index">
        <View className="muted center" role="status">
          正在加载六色联系卡…
        </View>
      </PageRoot>
    )
  }

  if (state.status === 'choose' || state.status === 'unknown-grid') {
    return (
      <PageRoot tab="/pages/home/index">
        <View className="section">
          {state.status === 'unknown-grid' ? (
            <View className="notice notice--warn" role="alert">
              <Text className="notice__title">未找到网格「{state.code}」</Text>
              <Text>二维码可能已过期或输入有误。请在下面选择您所在的网格，我们会记住您的选择。</Text>
            </View>
          ) : (
            <View className="notice">
              <Text className="notice__title">请选择您所在的网格</Text>
              <Text>选择后即可看到本网格的六色联系卡，下次打开会自动显示。</Text>
            </View>
          )}
          <GridPicker onPick={pick} />
        </View>
      </PageRoot>
    )
  }

  if (state.status === 'error') {
    return (
      <PageRoot tab="/pages/home/index">
        <View className="section">
          <View className="notice notice--error" role="alert">
            <Text className="notice__title">暂时无法显示联系卡</Text>
            <Text>{state.error.message}</Text>
          </View>
          <Action className="btn--primary btn--block" onClick={retry}>
            重新加载
          </Action>
        </View>
      </PageRoot>
    )
  }

  const { card, offlineSince } = state
  const { grid } = card
  return (
    <PageRoot tab="/pages/home/index">
      {offlineSince !== null && (
        <View className="notice notice--warn offline" role="status">
          <Text className="notice__title">已离线，显示上次数据</Text>
          <Text>更新于 {describeChinaMoment(offlineSince)}，号码仍可拨打。</Text>
          <Action className="btn--plain" onClick={retry}>
            重新连接
          </Action>
        </View>
      )}
      <View className="card grid-head">
        <View className="grid-head__top">
          <View>
            <Text className="grid-head__community">{grid.communityName}</Text>
            <View className="grid-head__name" role="heading" aria-level={1}>
              <GridName grid={grid} />
            </View>
          </View>
          <Action className="btn--ghost grid-head__switch" onClick={changeGrid}>
            切换网格
          </Action>
        </View>
        <View className="grid-head__row">
          <Text className="grid-head__label">网格长</Text>
          <Text className="grid-head__value">{grid.leader.name}</Text>
          <CallButton phone={grid.leader.phone} label="拨打" who={`网格长${grid.leader.name}`} className="btn--small" />
        </View>
        <View className="grid-head__row">
          <Text className="grid-head__label">服务站</Text>
          <Text className="grid-head__value">{grid.station.address}</Text>
          <Directions point={grid.station.location} name={grid.station.name} address={grid.station.address} />
        </View>
        <View className="grid-head__row">
          <Text className="grid-head__label">开放时间</Text>
          <Runs className="grid-head__value" text={grid.station.hours} />
        </View>
        <View className="hotline">
          <Text className="hotline__label">24小时服务热线</Text>
          <CallButton phone={card.hotline} who="24小时服务热线" className="btn--block" />
        </View>
      </View>
      <View className="tiles">
        {tiles.map((tile) => (
          <ColourTile key={tile.colour.key} tile={tile} />
        ))}
      </View>
      {/* The card comes first: whoever scanned the QR code came for help. */}
      {summary && (
        <View className="card summary" role="status">
          <Text>
            本街道已为民办实事 <Text className="summary__value">{summary.deedsDone}</Text> 件，志愿服务{' '}
            <Text className="summary__value">{summary.volunteerHours}</Text> 小时
          </Text>
          {summary.mattersSolved + summary.disputesMediated > 0 && (
            <Text>
              解决居民身边事 <Text className="summary__value">{summary.mattersSolved}</Text> 件，调解纠纷{' '}
              <Text className="summary__value">{summary.disputesMediated}</Text> 起
            </Text>
          )}
        </View>
      )}
      <WishEntry role={role} />
      <ClinicEntry role={role} />
      <JobsEntry role={role} />
    </PageRoot>
  )
}
