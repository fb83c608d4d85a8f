import { contactsOnDuty, describeShift, isOnDuty, Shift } from './roster'
import { readableTextOn } from './contrast'

/** A person behind a colour of the card. Their number is a public service line. */
export interface Contact {
  id: string
  name: string
  title: string
  phone: string
}

/** One colour of the six-colour card: data, not code, so a grid can rename or re-order it. */
export interface CardColour {
  key: string
  /** The colour's own name, e.g. 红. */
  colourName: string
  hex: string
  /** A one-character mark so colour is never the only signal, e.g. 党. */
  mark: string
  category: string
  services: string[]
  contacts: Contact[]
  roster: Shift[]
}

/** What a tile shows right now: the people on duty, or the 24-hour hotline. */
export interface TileView {
  colour: CardColour
  textColor: string
  onDuty: { contact: Contact; hours: string }[]
  hotline: string
}

export function tileView(colour: CardColour, hotline: string, moment: Date | number | string): TileView {
  const ids = contactsOnDuty(colour.roster, moment)
  const onDuty = ids.flatMap((id) => {
    const contact = colour.contacts.find((c) => c.id === id)
    const shift = colour.roster.find((s) => s.contactId === id && isOnDuty(s, moment))
    return contact && shift ? [{ contact, hours: describeShift(shift) }] : []
  })
  return { colour, textColor: readableTextOn(colour.hex), onDuty, hotline }
}

export function cardView(colours: CardColour[], hotline: string, moment: Date | number | string): TileView[] {
  return colours.map((colour) => tileView(colour, hotline, moment))
}
