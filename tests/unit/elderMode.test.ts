import { shouldOfferElderMode } from '../../src/domain/elderMode'

describe('offering 长辈模式 when WeChat’s font is large', () => {
  it('offers it from 18 px on, once, and never when it is already on', () => {
    expect(shouldOfferElderMode(18, false, false)).toBe(true)
    expect(shouldOfferElderMode(22, false, false)).toBe(true)
    expect(shouldOfferElderMode(17, false, false)).toBe(false)
    expect(shouldOfferElderMode(16, false, false)).toBe(false)
    expect(shouldOfferElderMode(22, true, false)).toBe(false)
    expect(shouldOfferElderMode(22, false, true)).toBe(false)
  })

  it('offers nothing where the font size is unknown (H5)', () => {
    expect(shouldOfferElderMode(null, false, false)).toBe(false)
  })
})
