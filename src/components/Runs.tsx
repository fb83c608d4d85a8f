import { Text } from '@tarojs/components'
import { keepTogetherRuns } from '../domain/keepTogether'

/**
 * Text whose times, amounts, dates and phone numbers never break across lines
 * (domain/keepTogether.ts); the rest wraps as Chinese text does.
 */
export function Runs({ text, className }: { text: string; className?: string }) {
  return (
    <Text className={className}>
      {keepTogetherRuns(text).map((run, i) =>
        run.keep ? (
          <Text key={i} className="keep">
            {run.text}
          </Text>
        ) : (
          run.text
        ),
      )}
    </Text>
  )
}
