import dayjs, { Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)

/** China is UTC+8 all year, no daylight saving. */
export const CHINA_OFFSET_MINUTES = 480

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

/** Day of week in China, 0 = Sunday … 6 = Saturday. */
export function chinaWeekday(moment: Date | number | string): number {
  return inChina(moment).day()
}

/** Minutes since midnight on the China wall clock. */
export function chinaMinuteOfDay(moment: Date | number | string): number {
  const d = inChina(moment)
  return d.hour() * 60 + d.minute()
}

/** "HH:mm" → minutes since midnight; throws on anything else. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  if (!m) throw new Error(`invalid clock time: ${hhmm}`)
  return Number(m[1]) * 60 + Number(m[2])
}
