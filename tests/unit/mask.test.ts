import { isMaskedPhone, maskName, maskPhone } from '../../src/domain/mask'

describe('masking', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('138 1234 1234')).toBe('138****1234')
  })

  it('keeps only the last four digits of anything else', () => {
    expect(maskPhone('0452-5861103')).toBe('****1103')
    expect(maskPhone('123')).toBe('****')
  })

  it('masks names but keeps them recognisable', () => {
    expect(maskName('张桂兰')).toBe('张*兰')
    expect(maskName('李明')).toBe('李*')
    expect(maskName('欧阳建国')).toBe('欧**国')
    expect(maskName('王')).toBe('王')
  })

  it('tells a masked phone from a full one', () => {
    expect([isMaskedPhone(maskPhone('13812341234')), isMaskedPhone('13812341234'), isMaskedPhone(undefined)]).toEqual([true, false, false])
  })
})
