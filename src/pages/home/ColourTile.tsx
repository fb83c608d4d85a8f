import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import type { TileView } from '../../domain/card'
import { Action } from '../../components/Action'
import { CallButton, CopyButton } from '../../components/CallButton'
import { ROUTES, open } from '../../platform/navigation'
import { Runs } from '../../components/Runs'

/** Colours whose help continues inside the app (by the colour's key in the card data). */
const LINKS: Record<string, { text: string; url: string }> = {
  red: { text: '发布微心愿', url: ROUTES.wishPost },
  green: { text: '预约专家义诊', url: ROUTES.clinics },
  blue: { text: '有事先商量', url: ROUTES.myMatters },
  purple: { text: '找工作、学技能', url: ROUTES.jobs },
}

/** One colour of the card: name and mark (never colour alone), services, who to call now. Memoised: the summary and the sign-in arriving later do not redraw the tiles. */
export const ColourTile = memo(function ColourTile({ tile }: { tile: TileView }) {
  const { colour, textColor, onDuty, hotline } = tile
  return (
    <View className="tile" data-colour={colour.key} role="region" ariaLabel={`${colour.colourName}色 ${colour.category}`}>
      <View className="tile__head" style={{ backgroundColor: colour.hex, color: textColor }}>
        <Text className="tile__mark" style={{ borderColor: textColor }}>
          {colour.mark}
        </Text>
        <View className="tile__titles">
          <Text className="tile__colour">{colour.colourName}色</Text>
          <Text className="tile__category">{colour.category}</Text>
        </View>
      </View>
      <View className="tile__body">
        <Text className="tile__services">{colour.services.join(' · ')}</Text>
        {LINKS[colour.key] && (
          <Action className="btn--ghost tile__link" onClick={() => open(LINKS[colour.key].url)}>
            {LINKS[colour.key].text} ›
          </Action>
        )}
        {onDuty.length > 0 ? (
          onDuty.map(({ contact, hours }) => (
            <View key={contact.id} className="duty">
              <View className="duty__who">
                <Text className="duty__label">现在值班</Text>
                <Text className="duty__name">{contact.name}</Text>
                <Text className="duty__title">{contact.title}</Text>
              </View>
              <Runs className="duty__hours" text={`值班时间 ${hours}`} />
              <View className="duty__actions">
                <CallButton phone={contact.phone} who={contact.name} />
                <CopyButton phone={contact.phone} />
              </View>
            </View>
          ))
        ) : (
          <View className="duty duty--hotline">
            <View className="duty__who">
              <Text className="duty__label">现在无人值班</Text>
              <Text className="duty__name">请拨打24小时热线</Text>
            </View>
            <View className="duty__actions">
              <CallButton phone={hotline} who="24小时热线" />
              <CopyButton phone={hotline} />
            </View>
          </View>
        )}
      </View>
    </View>
  )
})
