import { onDutyNow, onDutyToday, type StationMember } from '../../src/domain/station'
import { seedStation } from '../../mock/seed/matters'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const roster: StationMember[] = seedStation()
const names = (duties: { member: StationMember }[]) => duties.map((d) => d.member.name)

describe("the judges' station roster", () => {
  it('has 3 rotating judges and 5 金牌调解员 in the seed', () => {
    expect(roster.filter((m) => m.role === '法官')).toHaveLength(3)
    expect(roster.filter((m) => m.role === '金牌调解员')).toHaveLength(5)
    // Every weekday has a judge in the morning and a mediator in the afternoon.
    for (const day of [1, 2, 3, 4, 5]) {
      expect(roster.filter((m) => m.role === '法官' && m.shifts.some((s) => s.days.includes(day)))).toHaveLength(1)
      expect(roster.filter((m) => m.role === '金牌调解员' && m.shifts.some((s) => s.days.includes(day) && s.start === '14:00'))).toHaveLength(1)
    }
  })

  it("says who is on duty now, by the card's rule: start included, end excluded, in China time", () => {
    // Wednesday 25 November 2026.
    expect(names(onDutyNow(roster, at('2026-11-25T08:59:59')))).toEqual([])
    expect(names(onDutyNow(roster, at('2026-11-25T09:00:00')))).toEqual(['高志远'])
    expect(names(onDutyNow(roster, at('2026-11-25T11:59:59')))).toEqual(['高志远'])
    expect(names(onDutyNow(roster, at('2026-11-25T12:00:00')))).toEqual([])
    expect(onDutyNow(roster, at('2026-11-25T14:00:00'))).toEqual([{ member: expect.objectContaining({ name: '刘淑珍' }), hours: '周三 14:00–17:30' }])
    // The same instant seen from UTC is still Wednesday 09:00 in China.
    expect(names(onDutyNow(roster, Date.parse('2026-11-25T01:00:00Z')))).toEqual(['高志远'])
    // Saturday morning: two mediators, no judge.
    expect(names(onDutyNow(roster, at('2026-11-28T10:00:00')))).toEqual(['陈国庆', '王建平'])
  })

  it("lists today's rota, judges first, with each one's hours today", () => {
    expect(onDutyToday(roster, at('2026-11-26T20:00:00')).map((d) => [d.member.name, d.hours])).toEqual([
      ['李卫东', '09:00–12:00'],
      ['王建平', '14:00–17:30'],
    ])
    expect(onDutyToday(roster, at('2026-11-29T10:00:00'))).toEqual([])
  })
})
