import { chinaClock, chinaMinuteOfDay, chinaWeekday, describeChinaMoment, parseClock } from '../../src/domain/chinaClock'
import { describeChinaDate, inChina, toChinaIso } from '../../src/domain/chinaTime'

describe('China time', () => {
  it('reads the wall clock in UTC+8 whatever the machine zone', () => {
    // 2026-11-25 16:30 UTC is Thursday 2026-11-26 00:30 in China.
    const moment = Date.UTC(2026, 10, 25, 16, 30)
    expect(toChinaIso(moment)).toBe('2026-11-26T00:30:00+08:00')
    expect(chinaWeekday(moment)).toBe(4)
    expect(chinaMinuteOfDay(moment)).toBe(30)
    expect(inChina(moment).format('dddd')).toBe('星期四')
  })

  it('reads a China calendar date with its weekday, whatever the machine zone', () => {
    expect(describeChinaDate('2026-11-26')).toBe('11月26日 周四')
    expect(describeChinaDate('2027-01-01')).toBe('1月1日 周五')
  })

  it('parses ISO strings with any offset to the same instant', () => {
    expect(toChinaIso('2026-11-25T09:00:00+08:00')).toBe('2026-11-25T09:00:00+08:00')
    expect(toChinaIso('2026-11-25T01:00:00Z')).toBe('2026-11-25T09:00:00+08:00')
  })

  it('parses clock times strictly', () => {
    expect(parseClock('00:00')).toBe(0)
    expect(parseClock('23:59')).toBe(1439)
    expect(() => parseClock('24:00')).toThrow()
    expect(() => parseClock('8:00')).toThrow()
    expect(() => parseClock('08:60')).toThrow()
  })
})

describe('the China clock without a date library', () => {
  it('agrees with dayjs at every hour of a year, in whatever zone the tests run', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 * 7 + 60_000 * 13) {
      const d = inChina(t)
      expect(chinaClock(t)).toEqual({ year: d.year(), month: d.month() + 1, day: d.date(), weekday: d.day(), hour: d.hour(), minute: d.minute() })
    }
  })

  it('reads a moment as people write it', () => {
    expect(describeChinaMoment('2026-11-30T16:05:00Z')).toBe('12月1日 00:05')
  })
})
