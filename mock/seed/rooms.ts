import { bytesToBase64 } from '../../src/domain/base64'
import type { OpeningHours, Room } from '../../src/domain/rooms'
import { CARD_COLOUR, COLOUR } from '../../src/styles/tokens'

const day: OpeningHours = { open: '09:00', close: '21:00' }
const office: OpeningHours = { open: '08:30', close: '17:30' }
/** Sunday first, as the rules count weekdays. */
const week = (weekend: OpeningHours, weekday: OpeningHours): OpeningHours[] => [weekend, weekday, weekday, weekday, weekday, weekday, weekend]

/** Base64 of ASCII text. */
const ascii64 = (text: string) => bytesToBase64(Array.from(text, (c) => c.charCodeAt(0)))

/** A drawn picture of a room (the demo has no photographs): white shapes on a card colour, well under 1 KB. */
const drawn = (colour: string, shapes: string) =>
  `data:image/svg+xml;base64,${ascii64(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90" fill="${colour}"/><g fill="${COLOUR.surface}">${shapes}</g></svg>`)}`

const PICTURE = {
  table: drawn(CARD_COLOUR.green, '<rect x="30" y="44" width="100" height="26" rx="3"/><rect x="79" y="36" width="2" height="40"/><circle cx="112" cy="24" r="6"/>'),
  cards: drawn(CARD_COLOUR.red, '<circle cx="80" cy="48" r="24"/><circle cx="80" cy="14" r="7"/><circle cx="80" cy="82" r="7"/><circle cx="46" cy="48" r="7"/><circle cx="114" cy="48" r="7"/>'),
  books: drawn(CARD_COLOUR.blue, '<rect x="40" y="24" width="12" height="46"/><rect x="56" y="30" width="12" height="40"/><rect x="72" y="20" width="12" height="50"/><rect x="88" y="28" width="12" height="42"/><rect x="36" y="70" width="88" height="4"/>'),
  baby: drawn(CARD_COLOUR.orange, '<path d="M80 76 L50 46 A15 15 0 0 1 80 30 A15 15 0 0 1 110 46 Z"/>'),
  clothes: drawn(CARD_COLOUR.purple, '<rect x="78" y="14" width="4" height="14"/><path d="M36 66 L80 28 L124 66 Z"/>'),
}

/** The community centre's new function rooms, as the report lists them; the door-code secrets are the demo's own. */
export function seedRooms(): Room[] {
  return [
    { id: 'm1', name: '乒乓室', capacity: 1, walkIn: false, rules: '每小时一组，请自带球拍；爱护球台', hours: week(day, day), secret: 'demo-room-m1-door', photo: PICTURE.table },
    { id: 'm2', name: '棋牌室', capacity: 4, walkIn: false, rules: '4张牌桌，每个预约占一桌；禁止赌博、吸烟', hours: week(day, day), secret: 'demo-room-m2-door', photo: PICTURE.cards },
    { id: 'm3', name: '图书阅览室', capacity: 20, walkIn: false, rules: '最多20人，保持安静，图书阅后放回原处', hours: week({ open: '09:00', close: '17:00' }, office), secret: 'demo-room-m3-door', photo: PICTURE.books },
    { id: 'm4', name: '母婴室', capacity: 1, walkIn: true, rules: '无需预约，随到随用；请保持整洁', hours: week(day, day), secret: 'demo-room-m4-door', photo: PICTURE.baby },
    { id: 'm5', name: '文体活动服装室', capacity: 1, walkIn: false, rules: '借用演出服装请登记，用后归还', hours: week(null, office), secret: 'demo-room-m5-door', photo: PICTURE.clothes },
  ]
}
