import { Text, View } from '@tarojs/components'
import { Action } from '../../components/Action'
import { useCommunities } from './useCommunities'

interface Props {
  current?: string | null
  onPick: (code: string) => void
}

/** Communities and their grids as large buttons: no typing, one tap. */
export function GridPicker({ current, onPick }: Props) {
  const { communities, error, retry } = useCommunities()
  if (error) {
    return (
      <View className="notice notice--error" role="alert">
        <Text>{error.message}</Text>
        <Action className="btn--plain" onClick={retry}>
          重试
        </Action>
      </View>
    )
  }
  if (!communities) return <View className="muted">正在加载网格列表…</View>
  return (
    <View className="picker">
      {communities.map((community) => (
        <View key={community.code} className="picker__community" role="group" ariaLabel={community.name}>
          <View className="picker__title">{community.name}</View>
          <View className="picker__grids">
            {community.grids.map((grid) => (
              <Action
                key={grid.code}
                className={`${grid.code === current ? 'btn--primary' : 'btn--plain'} picker__grid`}
                onClick={() => onPick(grid.code)}
              >
                {grid.name.replace(community.name, '')}
              </Action>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
