import { cardView, tileView, type CardColour } from '../../src/domain/card'
import { contrastRatio, readableTextOn } from '../../src/domain/contrast'
import { seedDb } from '../../mock/seed'

const china = (iso: string) => new Date(`${iso}+08:00`)

const yellow: CardColour = {
  key: 'yellow',
  colourName: '黄',
  hex: '#FACC15',
  mark: '修',
  category: '维修维护',
  services: ['水电维修'],
  contacts: [
    { id: 'y1', name: '王师傅', title: '水电工', phone: '13500000001' },
    { id: 'y2', name: '李师傅', title: '应急抢修', phone: '13500000002' },
  ],
  roster: [
    { contactId: 'y1', days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' },
    { contactId: 'y2', days: [5], start: '22:00', end: '06:00' },
  ],
}

describe('six-colour card tiles', () => {
  it('shows who is on duty with their hours', () => {
    const tile = tileView(yellow, '0452-5861103', china('2026-11-27T09:00:00'))
    expect(tile.onDuty.map((d) => d.contact.name)).toEqual(['王师傅'])
    expect(tile.onDuty[0].hours).toBe('周一至周五 08:30–17:30')
  })

  it('shows the night shift after midnight', () => {
    const tile = tileView(yellow, '0452-5861103', china('2026-11-28T02:00:00'))
    expect(tile.onDuty.map((d) => d.contact.name)).toEqual(['李师傅'])
  })

  it('falls back to the hotline when nobody is on duty', () => {
    const tile = tileView(yellow, '0452-5861103', china('2026-11-29T12:00:00'))
    expect(tile.onDuty).toEqual([])
    expect(tile.hotline).toBe('0452-5861103')
  })

  it('ignores roster entries whose contact is missing', () => {
    const broken = { ...yellow, contacts: [] }
    expect(tileView(broken, 'x', china('2026-11-27T09:00:00')).onDuty).toEqual([])
  })
})

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('picks dark text on yellow and white text on dark red', () => {
    expect(readableTextOn('#FACC15')).toBe('#111827')
    expect(readableTextOn('#B91C1C')).toBe('#ffffff')
  })
})

describe('seed card data', () => {
  const db = seedDb(Date.parse('2026-11-25T12:00:00+08:00'))

  it('has at least 3 communities and 6 grids, including DA0103', () => {
    expect(db.communities.length).toBeGreaterThanOrEqual(3)
    expect(db.grids.length).toBeGreaterThanOrEqual(6)
    expect(db.grids.map((g) => g.code)).toContain('DA0103')
  })

  it('gives every colour of every grid contacts, day and night shifts and a midnight crossing', () => {
    for (const grid of db.grids) {
      expect(grid.colours.map((c) => c.key)).toEqual(['red', 'orange', 'yellow', 'green', 'blue', 'purple'])
      for (const colour of grid.colours) {
        expect(colour.contacts.length).toBeGreaterThan(0)
        const ids = colour.contacts.map((c) => c.id)
        for (const shift of colour.roster) expect(ids).toContain(shift.contactId)
        const starts = colour.roster.map((s) => Number(s.start.slice(0, 2)))
        expect(starts.some((h) => h < 12)).toBe(true)
        expect(colour.roster.some((s) => s.end <= s.start)).toBe(true)
      }
    }
  })

  it('keeps text on every colour at 4.5:1 or better', () => {
    for (const colour of db.grids[0].colours) {
      expect(contrastRatio(colour.hex, readableTextOn(colour.hex))).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('never leaves the red tile without a person', () => {
    const grid = db.grids.find((g) => g.code === 'DA0103')!
    for (let hour = 0; hour < 24 * 7; hour++) {
      const moment = Date.parse('2026-11-23T00:30:00+08:00') + hour * 3600 * 1000
      const [red] = cardView(grid.colours, grid.hotline, moment)
      expect(red.onDuty.length).toBeGreaterThan(0)
    }
  })
})
