/**
 * The China wall clock by plain arithmetic, without dayjs: the first screen
 * (the card and who is on duty) reads only this, so it loads no date library.
 * China is UTC+8 all year, no daylight saving.
 */
export const CHINA_OFFSET_MINUTES = 480

export interface ChinaClock {
  year: number
  /** 1–12 */
  month: number
  day: number
  /** 0 = Sunday … 6 = Saturday */
  weekday: number
  hour: number
  minute: number
}

export function chinaClock(moment: Date | number | string = Date.now()): ChinaClock {
  const shifted = new Date(new Date(moment).getTime() + CHINA_OFFSET_MINUTES * 60_000)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  }
}

/** Day of week in China, 0 = Sunday … 6 = Saturday. */
export function chinaWeekday(moment: Date | number | string): number {
  return chinaClock(moment).weekday
}

/** Minutes since midnight on the China wall clock. */
export function chinaMinuteOfDay(moment: Date | number | string): number {
  const { hour, minute } = chinaClock(moment)
  return hour * 60 + minute
}

/** "12月1日 08:05": a moment for people to read, on the China clock. */
export function describeChinaMoment(moment: Date | number | string): string {
  const { month, day, hour, minute } = chinaClock(moment)
  return `${month}月${day}日 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/** "HH:mm" → minutes since midnight; throws on anything else. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  if (!m) throw new Error(`invalid clock time: ${hhmm}`)
  return Number(m[1]) * 60 + Number(m[2])
}
