import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PostingView } from '../../api'
import { describePay, describeSuitedTag } from '../../domain/jobs'
import { CardHead } from '../../components/CardHead'
import { Runs } from '../../components/Runs'

/** A posting in a list: title, employer, pay, kind, who it suits. User text as text only. */
export function JobCard({ posting, children }: { posting: PostingView; children?: ReactNode }) {
  return (
    <View className="card job-item" role="article" ariaLabel={posting.title}>
      <CardHead>
        <Text className="card__title">{posting.title}</Text>
        <Text className="badge">{posting.kind}</Text>
      </CardHead>
      <Runs className="job__pay" text={describePay(posting)} />
      <Text className="job__meta">
        {posting.employer} · {posting.place}
      </Text>
      <View className="tags">
        {posting.tags.map((tag) => (
          <Text key={tag} className="badge">
            {describeSuitedTag(tag)}
          </Text>
        ))}
        {!posting.listed && <Text className="badge status--cancelled">{posting.status === 'closed' ? '已停止招聘' : '已截止'}</Text>}
      </View>
      <View className="row">{children}</View>
    </View>
  )
}
