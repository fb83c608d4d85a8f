import {
  applyTo,
  describePay,
  describeSuitedTag,
  describeSuitedTags,
  isListed,
  matchesQuery,
  moveApplication,
  nextStatuses,
  validateApplicationDraft,
  validatePostingDraft,
  validateQuery,
  type Application,
  type Posting,
} from '../../src/domain/jobs'
import { refusal } from '../support/refusal'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const NOW = at('2026-11-25T10:00:00')

const posting: Posting = {
  id: 'j1',
  title: '手工编织工',
  employer: '向阳花女工坊',
  kind: '居家手工',
  payMin: 2000,
  payMax: 4000,
  place: '东安社区',
  hours: '时间自由',
  requirements: '会钩针编织，可在家完成',
  tags: ['女性', '长者'],
  contactName: '王姐',
  contactPhone: '13945201101',
  expiresOn: '2026-11-30',
  publishedAt: '2026-11-01T09:00:00+08:00',
  status: 'open',
}

describe('listing and expiry, in China time', () => {
  it('is listed through its last day and gone the next China day', () => {
    expect(isListed(posting, at('2026-11-30T23:59:59'))).toBe(true)
    expect(isListed(posting, at('2026-12-01T00:00:00'))).toBe(false)
    // 16:00 UTC on the 30th is already 12-01 in China.
    expect(isListed(posting, Date.UTC(2026, 10, 30, 16, 0))).toBe(false)
    expect(isListed(posting, Date.UTC(2026, 10, 30, 15, 59))).toBe(true)
  })

  it('is not listed once closed', () => {
    expect(isListed({ ...posting, status: 'closed' }, NOW)).toBe(false)
  })
})

describe('search filters', () => {
  it('searches title, employer and requirements, every word, any case', () => {
    expect(matchesQuery(posting, { keyword: '编织' })).toBe(true)
    expect(matchesQuery(posting, { keyword: '向阳花' })).toBe(true)
    expect(matchesQuery(posting, { keyword: '钩针 在家' })).toBe(true)
    expect(matchesQuery(posting, { keyword: '钩针 电焊' })).toBe(false)
    expect(matchesQuery({ ...posting, title: 'Excel 文员' }, { keyword: 'excel' })).toBe(true)
    expect(matchesQuery({ ...posting, title: 'excel 文员' }, { keyword: 'EXCEL' })).toBe(true)
    expect(matchesQuery({ ...posting, title: '编织工（会用WPS）' }, { keyword: 'wps 钩针' })).toBe(true)
  })

  it('filters by kind', () => {
    expect(matchesQuery(posting, { kind: '居家手工' })).toBe(true)
    expect(matchesQuery(posting, { kind: '全职' })).toBe(false)
  })

  it('filters by suited-for tag, counting 不限 as suiting everyone', () => {
    expect(matchesQuery(posting, { tag: '女性' })).toBe(true)
    expect(matchesQuery(posting, { tag: '青年' })).toBe(false)
    expect(matchesQuery({ ...posting, tags: ['不限'] }, { tag: '残障人士' })).toBe(true)
  })

  it('filters by minimum pay against the top of the range, at the boundary', () => {
    expect(matchesQuery(posting, { minPay: 4000 })).toBe(true)
    expect(matchesQuery(posting, { minPay: 4001 })).toBe(false)
  })

  it('combines filters', () => {
    expect(matchesQuery(posting, { keyword: '编织', kind: '居家手工', tag: '长者', minPay: 3000 })).toBe(true)
    expect(matchesQuery(posting, { keyword: '编织', kind: '居家手工', tag: '青年', minPay: 3000 })).toBe(false)
  })

  it('refuses malformed searches', () => {
    expect(validateQuery({ kind: '兼职', minPay: '3000' })).toEqual({})
    expect(Object.keys(validateQuery({ kind: '包工头', tag: '学生', minPay: '-1', keyword: 'x'.repeat(31) })).sort()).toEqual([
      'keyword',
      'kind',
      'minPay',
      'tag',
    ])
  })
})

describe('pay validation', () => {
  const draft = { ...posting }
  it('needs 0 < min ≤ max', () => {
    expect(validatePostingDraft(draft, NOW)).toEqual({})
    expect(validatePostingDraft({ ...draft, payMin: 4000, payMax: 4000 }, NOW)).toEqual({})
    expect(validatePostingDraft({ ...draft, payMin: 0 }, NOW).payMin).toMatch(/1到100000/)
    expect(validatePostingDraft({ ...draft, payMin: 5000, payMax: 4000 }, NOW).payMax).toBe('最高月薪不能低于最低月薪')
    expect(validatePostingDraft({ ...draft, payMin: 2500.5 }, NOW).payMin).toBeTruthy()
    expect(validatePostingDraft({ ...draft, payMax: '6000' }, NOW).payMax).toBeTruthy()
  })

  it('checks the rest of the staff form', () => {
    expect(validatePostingDraft({ ...draft, contactPhone: '0452-5861103' }, NOW)).toEqual({})
    const errors = validatePostingDraft({ ...draft, title: '', tags: [], contactPhone: '123', expiresOn: '2026-11-24' }, NOW)
    expect(Object.keys(errors).sort()).toEqual(['contactPhone', 'expiresOn', 'tags', 'title'])
    expect(describePay(draft)).toBe('2000–4000元/月')
    expect(describePay({ ...draft, kind: '技能培训' })).toBe('免费培训，结业后月薪2000–4000元')
    expect(describePay({ ...draft, payMax: 2000 })).toBe('2000元/月')
    expect([describeSuitedTag('女性'), describeSuitedTag('不限')]).toEqual(['适合女性', '人人适合'])
    expect(describeSuitedTags(['女性', '不限'])).toBe('女性、所有人')
  })
})

describe('applications', () => {
  const draft = { name: '李明', phone: '138 0452 1234', note: '' }

  it('takes one application per resident per posting', () => {
    const first = applyTo(posting, draft, 'resident', [], 'a1', NOW)
    expect(first).toMatchObject({ status: 'submitted', phone: '13804521234', postingId: 'j1' })
    expect(refusal(() => applyTo(posting, draft, 'resident', [first], 'a2', NOW)).code).toBe('CONFLICT')
    expect(applyTo(posting, draft, 'elder', [first], 'a3', NOW).applicantId).toBe('elder')
  })

  it('refuses expired and closed postings', () => {
    expect(refusal(() => applyTo(posting, draft, 'resident', [], 'a', at('2026-12-01T00:00:00'))).message).toBe('该岗位已过报名截止日期')
    expect(refusal(() => applyTo({ ...posting, status: 'closed' }, draft, 'resident', [], 'a', NOW)).message).toBe('该岗位已停止招聘')
  })

  it('checks the form', () => {
    expect(validateApplicationDraft({ name: '', phone: '12', note: '长'.repeat(201) })).toEqual({
      name: '请填写姓名',
      phone: '请填写11位手机号，以1开头（如13812341234）',
      note: '留言不能超过200个字（现在201个字）',
    })
  })

  it('moves 已提交 → 已联系 → 已录用 or 未录用, and nowhere else', () => {
    const app: Application = applyTo(posting, draft, 'resident', [], 'a1', NOW)
    expect(nextStatuses('submitted')).toEqual(['contacted', 'rejected'])
    const contacted = moveApplication(app, 'contacted', NOW)
    expect(moveApplication(contacted, 'hired', NOW).status).toBe('hired')
    expect(moveApplication(contacted, 'rejected', NOW).status).toBe('rejected')
    expect(refusal(() => moveApplication(app, 'hired', NOW)).code).toBe('CONFLICT')
    expect(refusal(() => moveApplication(moveApplication(contacted, 'hired', NOW), 'rejected', NOW)).code).toBe('CONFLICT')
    expect(refusal(() => moveApplication(app, 'approved', NOW)).code).toBe('VALIDATION')
  })
})
