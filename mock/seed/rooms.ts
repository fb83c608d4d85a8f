import type { OpeningHours, Room } from '../../src/domain/rooms'

const day: OpeningHours = { open: '09:00', close: '21:00' }
const office: OpeningHours = { open: '08:30', close: '17:30' }
/** Sunday first, as the rules count weekdays. */
const week = (weekend: OpeningHours, weekday: OpeningHours): OpeningHours[] => [weekend, weekday, weekday, weekday, weekday, weekday, weekend]

/** The community centre's new function rooms, as the report lists them; the door-code secrets are the demo's own. */
export function seedRooms(): Room[] {
  return [
    { id: 'm1', name: '乒乓室', capacity: 1, walkIn: false, rules: '每小时一组，请自带球拍；爱护球台', hours: week(day, day), secret: 'demo-room-m1-door' },
    { id: 'm2', name: '棋牌室', capacity: 4, walkIn: false, rules: '4张牌桌，每个预约占一桌；禁止赌博、吸烟', hours: week(day, day), secret: 'demo-room-m2-door' },
    { id: 'm3', name: '图书阅览室', capacity: 20, walkIn: false, rules: '最多20人，保持安静，图书阅后放回原处', hours: week({ open: '09:00', close: '17:00' }, office), secret: 'demo-room-m3-door' },
    { id: 'm4', name: '母婴室', capacity: 1, walkIn: true, rules: '无需预约，随到随用；请保持整洁', hours: week(day, day), secret: 'demo-room-m4-door' },
    { id: 'm5', name: '文体活动服装室', capacity: 1, walkIn: false, rules: '借用演出服装请登记，用后归还', hours: week(null, office), secret: 'demo-room-m5-door' },
  ]
}
