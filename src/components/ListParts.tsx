import { Text, View } from '@tarojs/components'
import type { ApiError } from '../api'
import { Action } from './Action'

/** What the parts below a paged list read of usePagedList. */
interface ListState {
  items: unknown[]
  loading: boolean
  error: ApiError | null
  done: boolean
  reload: () => void
  more: () => void
}

/** A list that could not be read: why, and 重试. */
export function ListError({ list }: { list: ListState }) {
  if (!list.error) return null
  return (
    <View className="notice notice--error" role="alert">
      <Text>{list.error.message}</Text>
      <Action className="btn--plain" onClick={list.reload}>
        重试
      </Action>
    </View>
  )
}

/** Under a paged list: 正在加载…, what an empty list means, or 加载更多. */
export function ListFooter({ list, empty }: { list: ListState; empty: string }) {
  return (
    <>
      {list.loading && (
        <View className="muted center" role="status">
          正在加载…
        </View>
      )}
      {!list.loading && !list.error && list.items.length === 0 && <View className="muted center">{empty}</View>}
      {!list.done && !list.loading && (
        <Action className="btn--plain btn--block" onClick={list.more}>
          加载更多
        </Action>
      )}
    </>
  )
}
