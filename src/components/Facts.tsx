import { Text } from '@tarojs/components'
import { Fragment } from 'react'

/**
 * Short facts in one line, "友谊路9号2栋 · 12月1日 05:04提出 · 王秀英": the line
 * breaks between them, and each moves to the next line whole, so a name never
 * reads 王秀/英. Empty facts are left out.
 */
export function Facts({ items, className }: { items: (string | false | null | undefined)[]; className?: string }) {
  const shown = items.filter((item): item is string => !!item)
  return (
    <Text className={className}>
      {shown.map((item, i) => (
        // A no-break space glues each "·" to the fact before it: no line starts with one.
        <Fragment key={i}>
          {i > 0 && '\u00a0· '}
          <Text className="keep">{item}</Text>
        </Fragment>
      ))}
    </Text>
  )
}
