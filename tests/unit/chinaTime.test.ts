import { chinaMinuteOfDay, chinaWeekday, inChina, parseClock, toChinaIso } from '../../src/domain/chinaTime'

describe('China time', () => {
  it('reads the wall clock in UTC+8 whatever the machine zone', () => {
    // 2026-11-25 16:30 UTC is Thursday 2026-11-26 00:30 in China.
    const moment = Date.UTC(2026, 10, 25, 16, 30)
    expect(toChinaIso(moment)).toBe('2026-11-26T00:30:00+08:00')
    expect(chinaWeekday(moment)).toBe(4)
    expect(chinaMinuteOfDay(moment)).toBe(30)
    expect(inChina(moment).format('dddd')).toBe('星期四')
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
