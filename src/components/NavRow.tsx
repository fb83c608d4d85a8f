import { Text } from '@tarojs/components'
import { Action } from './Action'

/**
 * A way to another page, drawn as a full-width row with ›, as WeChat's own
 * settings lists do, so it never looks like a filter chip beside it.
 */
export function NavRow({ text, hint, onClick }: { text: string; hint?: string; onClick: () => void }) {
  return (
    <Action className="btn--block nav-row" onClick={onClick}>
      <Text className="nav-row__text">{text}</Text>
      {hint && <Text className="nav-row__hint">{hint}</Text>}
      <Text className="nav-row__arrow" aria-hidden>
        ›
      </Text>
    </Action>
  )
}
