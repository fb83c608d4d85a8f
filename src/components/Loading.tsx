import { Text, View } from '@tarojs/components'
import type { ApiError } from '../api'
import { goToTab } from '../platform/navigation'
import { Action } from './Action'
import { PageRoot } from './PageRoot'

/** Refusals that trying again cannot change: the way on is back home. */
const FINAL = ['FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'CONFLICT']

/** What a page shows before its data: a status line, or the error with a retry (or the way home). */
export function Loading({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  if (error) {
    const final = FINAL.includes(error.code)
    return (
      <View className="notice notice--error" role="alert">
        <Text>{error.message}</Text>
        <Action className="btn--plain" onClick={final ? () => goToTab('/pages/home/index') : onRetry}>
          {final ? '回到首页' : '重试'}
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
