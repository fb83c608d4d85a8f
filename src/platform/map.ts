import Taro from '@tarojs/taro'
import type { GeoPoint } from '../domain/place'

/** WeChat's own map at the place, with its 路线 (directions) button. */
export function openMap(point: GeoPoint, name: string, address: string): void {
  Taro.openLocation({ latitude: point.latitude, longitude: point.longitude, name, address, scale: 17 }).catch(() => undefined)
}
