import { chinaMinuteOfDay, chinaWeekday, parseClock } from './chinaClock'

/**
 * One recurring duty shift (轮流坐班值班). `days` are China weekdays
 * (0 = Sunday … 6 = Saturday) on which the shift *starts*. A shift whose
 * end is not after its start crosses midnight and ends the next day.
 * The start is inclusive, the end exclusive; "00:00"–"00:00" is a whole day.
 */
export interface Shift {
  contactId: string
  days: number[]
  start: string
  end: string
}

export function crossesMidnight(shift: Shift): boolean {
  return parseClock(shift.end) <= parseClock(shift.start)
}

export function isOnDuty(shift: Shift, moment: Date | number | string): boolean {
  const minute = chinaMinuteOfDay(moment)
  const day = chinaWeekday(moment)
  const start = parseClock(shift.start)
  const end = parseClock(shift.end)
  if (!crossesMidnight(shift)) {
    return shift.days.includes(day) && minute >= start && minute < end
  }
  const yesterday = (day + 6) % 7
  return (shift.days.includes(day) && minute >= start) || (shift.days.includes(yesterday) && minute < end)
}

/** Contact ids on duty at that moment, in roster order, without repeats. */
export function contactsOnDuty(roster: Shift[], moment: Date | number | string): string[] {
  const ids: string[] = []
  for (const shift of roster) {
    if (isOnDuty(shift, moment) && !ids.includes(shift.contactId)) ids.push(shift.contactId)
  }
  return ids
}

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六']

/** "周一至周五 08:30–17:30", "周六、周日 20:00–次日08:00" for people to read. */
export function describeShift(shift: Shift): string {
  const days = [...shift.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
  const ordered = days.map((d) => (d + 6) % 7)
  const consecutive = ordered.every((d, i) => i === 0 || d === ordered[i - 1] + 1)
  let dayText: string
  if (days.length === 7) dayText = '每天'
  else if (consecutive && days.length > 2) dayText = `周${WEEKDAY_NAMES[days[0]]}至周${WEEKDAY_NAMES[days[days.length - 1]]}`
  else dayText = days.map((d) => `周${WEEKDAY_NAMES[d]}`).join('、')
  const end = crossesMidnight(shift) ? `次日${shift.end}` : shift.end
  return `${dayText} ${shift.start}–${end}`
}
