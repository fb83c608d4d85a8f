/** A point on the map (GCJ-02, as WeChat's and 高德's maps use in China). */
export interface GeoPoint {
  latitude: number
  longitude: number
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  const p = value as Partial<GeoPoint> | null
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.latitude === 'number' &&
    typeof p.longitude === 'number' &&
    Math.abs(p.latitude) <= 90 &&
    Math.abs(p.longitude) <= 180
  )
}

/** In a browser: the place on 高德地图's web map, which offers directions and opens the app when there is one. */
export function webMapLink(point: GeoPoint, name: string): string {
  return `https://uri.amap.com/marker?position=${point.longitude},${point.latitude}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=1`
}
