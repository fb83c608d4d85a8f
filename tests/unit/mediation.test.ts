import { bookMediation, cancelDeadline, cancelMediation, recordOutcome, slotLabel, slotStartsAt, validateSlotDraft, type MediationSlot } from '../../src/domain/mediation'
import { refusal } from '../support/refusal'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const NOW = at('2026-11-25T10:00:00')
const slot: MediationSlot = { id: 'ms1', date: '2026-11-27', start: '09:00', end: '10:00', place: '东安社区法官工作站', capacity: 3 }
const draft = { name: '李明', phone: '138 0452 1234', description: '楼上漏水到我家，协商几次没有结果' }
const booking = () => bookMediation(slot, draft, 'resident', 0, false, 'mb1', NOW)

describe('mediation slots', () => {
  it('start on the China clock whatever the zone', () => {
    expect(slotStartsAt(slot)).toBe(at('2026-11-27T09:00:00'))
    expect(new Date(slotStartsAt({ date: '2026-11-27', start: '00:30' })).toISOString()).toBe('2026-11-26T16:30:00.000Z')
  })

  it('read as a day, its weekday and the hours, whatever the zone', () => {
    expect(slotLabel(slot)).toBe('11月27日 周五 09:00–10:00')
    expect(slotLabel({ date: '2026-12-03', start: '00:00', end: '01:00' })).toBe('12月3日 周四 00:00–01:00')
  })

  it('name every bad field of a new slot', () => {
    expect(validateSlotDraft({ date: '2026-11-25', start: '09:00', end: '08:00', place: '', capacity: 0 }, NOW)).toEqual({
      start: '开始时间已经过去了',
      end: '结束时间要晚于开始时间',
      place: '请填写地点',
      capacity: '可约人数须在1人到20人之间',
    })
    expect(validateSlotDraft(slot, NOW)).toEqual({})
  })
})

describe('booking a consultation', () => {
  it('takes a place while one is left, once per account, and keeps the phone without spaces', () => {
    expect(booking()).toMatchObject({ status: 'booked', phone: '13804521234', description: '楼上漏水到我家，协商几次没有结果', matterId: null })
    expect(bookMediation(slot, draft, 'r', 2, false, 'mb2', NOW).status).toBe('booked')
    expect(refusal(() => bookMediation(slot, draft, 'r', 3, false, 'mb2', NOW)).message).toBe('这个时段已约满，请选择其他时段')
    expect(refusal(() => bookMediation(slot, draft, 'r', 0, true, 'mb2', NOW)).message).toBe('您已经预约了这个时段')
    expect(refusal(() => bookMediation(slot, draft, 'r', 0, false, 'mb2', at('2026-11-27T09:00:00'))).code).toBe('CONFLICT')
    expect(refusal(() => bookMediation(slot, { ...draft, description: '吵架' }, 'r', 0, false, 'mb2', NOW)).fields).toEqual({ description: '纠纷情况至少需要10个字' })
  })

  it('may be cancelled by its owner until exactly 2 hours before', () => {
    expect(cancelDeadline(slot)).toBe(at('2026-11-27T07:00:00'))
    expect(cancelMediation(booking(), slot, 'resident', at('2026-11-27T07:00:00') - 1).status).toBe('cancelled')
    expect(refusal(() => cancelMediation(booking(), slot, 'resident', at('2026-11-27T07:00:00'))).message).toBe('开始前2小时内不能在线取消，请电话联系法官工作站')
    expect(refusal(() => cancelMediation(booking(), slot, 'elder', NOW)).code).toBe('FORBIDDEN')
    const cancelled = cancelMediation(booking(), slot, 'resident', NOW)
    expect(refusal(() => cancelMediation(cancelled, slot, 'resident', NOW)).code).toBe('CONFLICT')
  })

  it('gets one outcome from staff', () => {
    const done = recordOutcome(booking(), { outcome: '转诉讼', note: '已转碾子山区法院立案' })
    expect([done.outcome, done.outcomeNote]).toEqual(['转诉讼', '已转碾子山区法院立案'])
    expect(refusal(() => recordOutcome(done, { outcome: '调解成功' })).message).toBe('已记录结果：转诉讼')
    expect(refusal(() => recordOutcome(booking(), { outcome: '和好了' })).fields).toEqual({ outcome: '请选择调解成功、未成功或转诉讼' })
    expect(refusal(() => recordOutcome(cancelMediation(booking(), slot, 'resident', NOW), { outcome: '未成功' })).code).toBe('CONFLICT')
  })
})
