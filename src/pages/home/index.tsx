import { View, Text } from '@tarojs/components'

export default function Home() {
  return (
    <View className="page">
      <Text>六色联系卡</Text>
    </View>
  )
}
