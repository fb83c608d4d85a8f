import { Text, View } from '@tarojs/components'
import type { ApiError } from '../api'
import { Action } from './Action'
import { PageRoot } from './PageRoot'

/** What a page shows before its data: a status line, or the error with a retry. */
export function Loading({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  if (error) {
    return (
      <View className="notice notice--error" role="alert">
        <Text>{error.message}</Text>
        <Action className="btn--plain" onClick={onRetry}>
          重试
        </Action>
      </View>
    )
  }
  return (
    <View className="muted center" role="status">
      正在加载…
    </View>
  )
}

/** A whole page that is still loading, or failed to: the usual first render of a detail page. */
export function LoadingPage({ error, onRetry, className }: { error: ApiError | null; onRetry: () => void; className?: string }) {
  return (
    <PageRoot className={className}>
      <Loading error={error} onRetry={onRetry} />
    </PageRoot>
  )
}
