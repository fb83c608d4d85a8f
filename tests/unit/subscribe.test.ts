import { DEFAULT_PAGES, pageOf, parseTemplateFields, subscribeData, subscribeKindOf } from '../../src/domain/subscribe'

describe('subscribe messages', () => {
  it('sorts every event key of messages.ts into one template kind', () => {
    expect(subscribeKindOf('booking:k1:promoted')).toBe('booking')
    expect(subscribeKindOf('booking:k1:cancelled')).toBe('booking')
    expect(subscribeKindOf('clinic:c1:changed:k1:2026-12-01T10:00:00+08:00')).toBe('booking')
    expect(subscribeKindOf('booking:k1:remind-eve')).toBe('reminder')
    expect(subscribeKindOf('booking:k1:remind-2h')).toBe('reminder')
    expect(subscribeKindOf('wish:w1:claim:3')).toBe('wish')
    expect(subscribeKindOf('wish:w1:auto-confirmed')).toBe('wish')
    expect(subscribeKindOf('wish:w1:opened:2')).toBe('wishOpened')
    expect(subscribeKindOf('application:ap1:hired')).toBe('application')
    expect(subscribeKindOf('something:else')).toBeNull()
  })

  it('fills a template within WeChat limits, the time on the China clock', () => {
    const fields = parseTemplateFields('title:thing1, body:thing2 ,at:time3')!
    const data = subscribeData({ title: '候补成功，请按时就诊', body: '心血管专家义诊：有人取消，已为张桂兰补上12月3日 09:00的名额，第3号。', createdAt: '2026-12-02T10:05:00Z' }, fields)
    expect(data).toEqual({
      thing1: { value: '候补成功，请按时就诊' },
      thing2: { value: '心血管专家义诊：有人取消，已为张桂兰补…' },
      time3: { value: '2026年12月2日 18:05' },
    })
    expect(Array.from(data.thing2.value)).toHaveLength(20)
  })

  it('refuses a field list it cannot read', () => {
    expect(parseTemplateFields('')).toBeNull()
    expect(parseTemplateFields('title')).toBeNull()
    expect(parseTemplateFields('name:thing1')).toBeNull()
    expect(parseTemplateFields('title:thing 1')).toBeNull()
  })

  it('opens the record the message is about', () => {
    expect(pageOf({ kind: 'booking', id: 'k 1' }, DEFAULT_PAGES)).toBe('clinic/pages/ticket/index?id=k%201')
    expect(pageOf({ kind: 'application', id: 'ap1' }, DEFAULT_PAGES)).toBe('jobs/pages/mine/index')
  })
})
