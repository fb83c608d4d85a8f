import { webMapLink, type GeoPoint } from '../domain/place'
import { openMap } from '../platform/map'
import { Action } from './Action'

interface Props {
  /** Nothing shows where the place's point on the map is not known. */
  point?: GeoPoint
  name: string
  address: string
}

/** 查看路线: WeChat's map in the mini-program, 高德's web map (with directions) in a browser. */
export function Directions({ point, name, address }: Props) {
  if (!point) return null
  // Both branches written out, so each build leaves out the other's code (openLocation on H5).
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="btn btn--plain btn--small" href={webMapLink(point, name)} target="_blank" rel="noopener noreferrer" aria-label={`查看路线：${name}`}>
        查看路线
      </a>
    )
  } else {
    return (
      <Action className="btn--plain btn--small" label={`查看路线：${name}`} onClick={() => openMap(point, name, address)}>
        查看路线
      </Action>
    )
  }
}
