/**
 * The judges' station's roster (法官工作站): rotating judges and 金牌调解员,
 * each with their duty shifts. Who is on duty follows the card's rule
 * (roster.ts): a shift's days are China weekdays, start inclusive, end exclusive.
 */
import { chinaWeekday } from './chinaClock'
import { contactsOnDuty, crossesMidnight, describeShift, isOnDuty, type Shift } from './roster'

export const STATION_ROLES = ['法官', '金牌调解员'] as const
export type StationRole = (typeof STATION_ROLES)[number]

export interface StationMember {
  id: string
  name: string
  role: StationRole
  /** E.g. 区人民法院驻站法官, 退休教师. */
  title: string
  /** Shifts whose contactId is the member's id. */
  shifts: Shift[]
}

export interface StationDuty {
  member: StationMember
  /** "周一、周四 09:00–12:00" */
  hours: string
}

/** Who is at the station at that moment: judges first, in roster order. */
export function onDutyNow(members: StationMember[], moment: Date | number | string): StationDuty[] {
  const ordered = [...members].sort((a, b) => STATION_ROLES.indexOf(a.role) - STATION_ROLES.indexOf(b.role))
  const ids = contactsOnDuty(
    ordered.flatMap((m) => m.shifts),
    moment,
  )
  return ids.flatMap((id) => {
    const member = ordered.find((m) => m.id === id)
    const shift = member?.shifts.find((s) => isOnDuty(s, moment))
    return member && shift ? [{ member, hours: describeShift(shift) }] : []
  })
}

/** Who has a shift that starts on that moment's China day (today's rota), judges first. */
export function onDutyToday(members: StationMember[], moment: Date | number | string): StationDuty[] {
  const day = chinaWeekday(moment)
  return [...members]
    .sort((a, b) => STATION_ROLES.indexOf(a.role) - STATION_ROLES.indexOf(b.role))
    .flatMap((member) => {
      const shift = member.shifts.find((s) => s.days.includes(day))
      return shift ? [{ member, hours: `${shift.start}–${crossesMidnight(shift) ? '次日' : ''}${shift.end}` }] : []
    })
}
