/* Expected data for the browser tests, read from the mock seed by id: the tests
 * never re-run the roster logic, so they check the app's own computation. */
import { seedDb } from '../../mock/seed'
import type { Contact } from '../../src/domain/card'
import type { GridRecord } from '../../backend/records'

const db = seedDb(Date.parse('2026-11-25T00:00:00+08:00'))

export function seedGrid(code: string): GridRecord {
  const grid = db.grids.find((g) => g.code === code)
  if (!grid) throw new Error(`seed has no grid ${code}`)
  return grid
}

/** A contact by its id, e.g. DA0103-red-1 (grid code, colour key, slot). */
export function seedContact(id: string): Contact {
  for (const grid of db.grids) {
    for (const colour of grid.colours) {
      const contact = colour.contacts.find((c) => c.id === id)
      if (contact) return contact
    }
  }
  throw new Error(`seed has no contact ${id}`)
}

/** All contacts behind one colour of a grid (to assert that none of them shows). */
export function seedColourContacts(gridCode: string, colourKey: string): Contact[] {
  const colour = seedGrid(gridCode).colours.find((c) => c.key === colourKey)
  if (!colour) throw new Error(`seed grid ${gridCode} has no colour ${colourKey}`)
  return colour.contacts
}

export function seedUser(id: string) {
  const user = db.users.find((u) => u.id === id)
  if (!user) throw new Error(`seed has no user ${id}`)
  return user
}

/** Friday 10:00 China time: the red tile's day shift (DA0103-red-1) is on. */
export const FRIDAY_10 = '2026-11-27T10:00:00+08:00'
/** Sunday 12:00 China time: nobody on the yellow (维修维护) roster. */
export const SUNDAY_12 = '2026-11-29T12:00:00+08:00'

export const COLOUR_ORDER = ['红', '橙', '黄', '绿', '蓝', '紫']
