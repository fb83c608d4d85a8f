import dayjs, { Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

import { CHINA_OFFSET_MINUTES } from './chinaClock'

dayjs.extend(utc)

/**
 * A moment seen on a China wall clock, whatever the phone's or server's zone.
 * A fixed offset, not dayjs's timezone plugin: mini-program engines lack Intl
 * time-zone data, so `.tz('Asia/Shanghai')` silently uses the phone's zone.
 */
export function inChina(moment: Date | number | string = Date.now()): Dayjs {
  return dayjs(moment).utcOffset(CHINA_OFFSET_MINUTES).locale('zh-cn')
}

/** ISO 8601 with the +08:00 offset: the only date format the API exchanges. */
export function toChinaIso(moment: Date | number | string): string {
  return inChina(moment).format('YYYY-MM-DDTHH:mm:ssZ')
}

/** "12月3日 周四": a China calendar date (YYYY-MM-DD) as people read it. */
export function describeChinaDate(date: string): string {
  return inChina(`${date}T12:00:00+08:00`).format('M月D日 ddd')
}
