import { Text, View } from '@tarojs/components'
import { PageRoot } from '../components/PageRoot'
import './legal.scss'

export interface Section {
  heading: string
  paragraphs: string[]
}

/** A policy as people read it on a phone: a title, the date, then short sections. */
export function LegalText({ title, updated, sections }: { title: string; updated: string; sections: Section[] }) {
  return (
    <PageRoot askConsent={false}>
      <View className="card legal">
        <View className="card__title" role="heading" aria-level={1}>
          {title}
        </View>
        <Text className="muted-line">更新日期：{updated}</Text>
        {sections.map((section) => (
          <View key={section.heading} className="legal__section" role="region" ariaLabel={section.heading}>
            <View className="legal__heading" role="heading" aria-level={2}>
              {section.heading}
            </View>
            {section.paragraphs.map((p) => (
              <Text key={p} className="legal__text">
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </PageRoot>
  )
}
