import { gridFromEntry, isGridCode, parseScene } from '../../src/domain/scene'

describe('QR scene parsing', () => {
  it('parses a raw scene', () => {
    expect(parseScene('g=DA0103')).toEqual({ g: 'DA0103' })
  })

  it('decodes a scene that arrives URL-encoded, once or twice', () => {
    expect(parseScene('g%3DDA0103')).toEqual({ g: 'DA0103' })
    expect(parseScene('g%253DDA0103')).toEqual({ g: 'DA0103' })
  })

  it('reads several pairs and keeps the first of a repeated key', () => {
    expect(parseScene('g=DA0103&src=card&g=XH0201')).toEqual({ g: 'DA0103', src: 'card' })
  })

  it('ignores junk without throwing', () => {
    expect(parseScene('')).toEqual({})
    expect(parseScene(undefined)).toEqual({})
    expect(parseScene('%E0%A4%A')).toEqual({})
    expect(parseScene('=x&novalue')).toEqual({})
  })

  it('finds the grid in ?g=, in ?scene= and prefers ?g=', () => {
    expect(gridFromEntry({ g: 'DA0103' })).toBe('DA0103')
    expect(gridFromEntry({ scene: 'g%3DDA0103' })).toBe('DA0103')
    expect(gridFromEntry({ scene: 'g=da0103' })).toBe('DA0103')
    expect(gridFromEntry({ g: 'XH0201', scene: 'g%3DDA0103' })).toBe('XH0201')
    expect(gridFromEntry({ scene: 'src=poster' })).toBeNull()
    expect(gridFromEntry({})).toBeNull()
    expect(gridFromEntry(undefined)).toBeNull()
  })

  it('passes a malformed code on so the page can say it was not found', () => {
    expect(gridFromEntry({ g: 'hello world' })).toBe('HELLO WORLD')
    expect(isGridCode('HELLO WORLD')).toBe(false)
    expect(isGridCode('DA0103')).toBe(true)
    expect(isGridCode('DA010')).toBe(false)
  })
})
