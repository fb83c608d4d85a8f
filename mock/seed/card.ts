import type { CardColour, Contact, Shift } from '../../src/api/types'
import type { GridSeed } from './places'
import { CARD_COLOUR } from '../../src/styles/tokens'

interface ColourSeed {
  key: string
  colourName: string
  hex: string
  mark: string
  category: string
  services: string[]
  titles: [string, string, string]
  /** Day shift, evening shift and a night shift that crosses midnight. */
  roster: (ids: [string, string, string]) => Shift[]
}

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]
const WEEKDAYS = [1, 2, 3, 4, 5]

/** The default card (PRODUCT.md §3). Hex values are chosen to keep text at 4.5:1 or better. */
const COLOURS: ColourSeed[] = [
  {
    key: 'red',
    colourName: '红',
    hex: CARD_COLOUR.red,
    mark: '党',
    category: '党群服务 · 网格书记',
    services: ['困难求助', '微心愿', '意见建议'],
    titles: ['网格书记', '党员志愿者', '夜间值班员'],
    // Red is covered around the clock: whoever scans at 3 a.m. reaches a person.
    roster: ([a, b, c]) => [
      { contactId: a, days: EVERY_DAY, start: '08:00', end: '14:00' },
      { contactId: b, days: EVERY_DAY, start: '14:00', end: '20:00' },
      { contactId: c, days: EVERY_DAY, start: '20:00', end: '08:00' },
    ],
  },
  {
    key: 'orange',
    colourName: '橙',
    hex: CARD_COLOUR.orange,
    mark: '老',
    category: '养老助老 · 幸福里康养管家',
    services: ['上门探访', '助餐送餐', '爱心帮扶'],
    titles: ['康养管家', '助老员', '夜间陪护'],
    roster: ([a, b, c]) => [
      { contactId: a, days: EVERY_DAY, start: '08:00', end: '13:00' },
      { contactId: b, days: EVERY_DAY, start: '13:00', end: '18:00' },
      { contactId: c, days: EVERY_DAY, start: '18:00', end: '07:00' },
    ],
  },
  {
    key: 'yellow',
    colourName: '黄',
    hex: CARD_COLOUR.yellow,
    mark: '修',
    category: '维修维护',
    services: ['水电维修', '供暖报修', '开锁换锁'],
    titles: ['物业维修员', '水电工', '应急抢修'],
    roster: ([a, b, c]) => [
      { contactId: a, days: WEEKDAYS, start: '08:30', end: '12:00' },
      { contactId: b, days: WEEKDAYS, start: '13:00', end: '17:30' },
      { contactId: c, days: [5, 6], start: '22:00', end: '06:00' },
    ],
  },
  {
    key: 'green',
    colourName: '绿',
    hex: CARD_COLOUR.green,
    mark: '医',
    category: '医疗保健',
    services: ['常见病诊疗', '家庭医生', '专家义诊'],
    titles: ['家庭医生', '社区护士', '值班医生'],
    roster: ([a, b, c]) => [
      { contactId: a, days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '12:00' },
      { contactId: b, days: [1, 2, 3, 4, 5, 6], start: '13:30', end: '17:30' },
      { contactId: c, days: EVERY_DAY, start: '21:00', end: '07:30' },
    ],
  },
  {
    key: 'blue',
    colourName: '蓝',
    hex: CARD_COLOUR.blue,
    mark: '安',
    category: '平安法治',
    services: ['警务联络', '法官工作站', '金牌调解员'],
    titles: ['社区民警', '金牌调解员', '夜间巡逻'],
    roster: ([a, b, c]) => [
      { contactId: a, days: WEEKDAYS, start: '08:30', end: '17:30' },
      { contactId: b, days: [0, 6], start: '09:00', end: '16:00' },
      { contactId: c, days: EVERY_DAY, start: '19:00', end: '01:00' },
    ],
  },
  {
    key: 'purple',
    colourName: '紫',
    hex: CARD_COLOUR.purple,
    mark: '业',
    category: '就业技能 · 文化娱乐',
    services: ['就业创业', '技能培训', '活动室预约'],
    titles: ['就业指导员', '文体专干', '活动室管理员'],
    roster: ([a, b, c]) => [
      { contactId: a, days: WEEKDAYS, start: '08:30', end: '17:00' },
      { contactId: b, days: [6, 0], start: '09:00', end: '17:00' },
      { contactId: c, days: [5, 6], start: '18:30', end: '00:30' },
    ],
  },
]

const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢'
const GIVEN = ['建国', '秀兰', '志刚', '丽华', '海燕', '国强', '春梅', '德明', '玉珍', '文博', '晓东', '淑芬', '立新', '红霞', '永胜', '桂英', '子涵', '明辉']

/** Deterministic names and numbers, different in every grid. */
function contactFor(grid: GridSeed, gridIndex: number, colourIndex: number, slot: number, title: string): Contact {
  const n = gridIndex * 18 + colourIndex * 3 + slot
  const name = SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 5 + gridIndex) % GIVEN.length]
  const phone = `13${5 + (n % 5)}${String(4520000 + gridIndex * 1000 + colourIndex * 10 + slot).padStart(8, '0')}`
  return { id: `${grid.code}-${colourIndexKey(colourIndex)}-${slot + 1}`, name, title, phone }
}

function colourIndexKey(i: number): string {
  return COLOURS[i].key
}

export function seedColours(grid: GridSeed, gridIndex: number): CardColour[] {
  return COLOURS.map((c, ci) => {
    const contacts = c.titles.map((title, slot) => contactFor(grid, gridIndex, ci, slot, title))
    const ids = contacts.map((x) => x.id) as [string, string, string]
    return {
      key: c.key,
      colourName: c.colourName,
      hex: c.hex,
      mark: c.mark,
      category: c.category,
      services: [...c.services],
      contacts,
      roster: c.roster(ids),
    }
  })
}
