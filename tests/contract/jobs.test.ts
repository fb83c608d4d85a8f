import type { Api } from '../../src/api/contract'
import { TARGETS, clientAs, failureOf, type Target } from './targets'
import { APPLICATION as application, POSTING as draft } from './drafts'

const T0 = Date.parse('2026-11-25T10:00:00+08:00')
let clock = T0
const now = () => clock


async function allListed(api: Api, query: Parameters<Api['listJobs']>[0] = {}) {
  const items = []
  let cursor: string | null = null
  do {
    const page = await api.listJobs({ ...query, cursor, limit: 10 })
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}

describe.each(TARGETS)('jobs contract: $name', (kind) => {
  let t: Target
  beforeEach(async () => {
    clock = T0
    t = await kind.start({ now })
  })
  afterEach(() => t.close())

  it('lists open, unexpired postings newest first, paged, true to the report', async () => {
    const anyone = await clientAs(t, null)
    const listed = await allListed(anyone)
    expect(listed).toHaveLength(26)
    expect(listed.every((p) => p.listed && p.status === 'open')).toBe(true)
    const published = listed.map((p) => p.publishedAt)
    expect(published).toEqual([...published].sort().reverse())
    const employers = new Set(listed.map((p) => p.employer))
    for (const name of ['向阳花女工坊', '汇善创业空间服务站', '集善乐业残疾人网络就业基地（碾子山）', '光明社区共富车间']) expect(employers).toContain(name)
    expect(listed.every((p) => p.payMin >= 2000 && p.payMax <= 6000)).toBe(true)
  })

  it('searches by keyword and combines kind, tag and minimum pay', async () => {
    const anyone = await clientAs(t, null)
    const knit = await allListed(anyone, { keyword: '编织' })
    expect(knit.length).toBeGreaterThan(0)
    expect(knit.every((p) => `${p.title}${p.employer}${p.requirements}`.includes('编织'))).toBe(true)
    const combined = await allListed(anyone, { kind: '全职', tag: '女性', minPay: 5000 })
    expect(combined.length).toBeGreaterThan(0)
    expect(combined.every((p) => p.kind === '全职' && p.payMax >= 5000 && (p.tags.includes('女性') || p.tags.includes('不限')))).toBe(true)
    expect((await allListed(anyone, { keyword: '宇航员' })).length).toBe(0)
    const bad = await failureOf(anyone.listJobs({ kind: '包工头' as never }))
    expect([bad.code, Object.keys(bad.fields)]).toEqual(['VALIDATION', ['kind']])
  })

  it('drops a posting from the list after its last China day, and refuses applications then', async () => {
    const staff = await clientAs(t, 'staff')
    const posting = await staff.createJob({ ...draft, expiresOn: '2026-11-26' })
    const anyone = await clientAs(t, null)
    clock = Date.parse('2026-11-26T23:59:00+08:00')
    expect((await allListed(anyone)).map((p) => p.id)).toContain(posting.id)
    clock = Date.parse('2026-11-27T00:00:00+08:00')
    expect((await allListed(anyone)).map((p) => p.id)).not.toContain(posting.id)
    const late = await failureOf((await clientAs(t, 'resident')).applyForJob(posting.id, application))
    expect([late.code, late.message]).toEqual(['CONFLICT', '该岗位已过报名截止日期'])
  })

  it('takes one application per resident per posting and shows it in my applications', async () => {
    const resident = await clientAs(t, 'resident')
    const first = await resident.applyForJob('j1', application)
    expect(first).toMatchObject({ status: 'submitted', posting: { title: '手工编织工（可居家）' } })
    const again = await failureOf(resident.applyForJob('j1', { ...application, note: '再报一次' }))
    expect([again.code, again.message]).toEqual(['CONFLICT', '您已经报名过这个岗位，请在“我的报名”查看进度'])
    expect((await resident.listMyApplications()).map((a) => a.id)).toEqual([first.id])
    const retried = await resident.applyForJob('j2', application, { idempotencyKey: 'apply-1' })
    expect((await resident.applyForJob('j2', application, { idempotencyKey: 'apply-1' })).id).toBe(retried.id)
  })

  it('names every bad field and stores nothing', async () => {
    const resident = await clientAs(t, 'resident')
    const error = await failureOf(resident.applyForJob('j1', { name: '', phone: '110', note: '<b>急</b>' }))
    expect([error.code, Object.keys(error.fields).sort()]).toEqual(['VALIDATION', ['name', 'note', 'phone']])
    expect(await resident.listMyApplications()).toEqual([])
  })

  it('lets staff publish, edit and close postings and move applications to 已录用', async () => {
    const staff = await clientAs(t, 'staff')
    const bad = await failureOf(staff.createJob({ ...draft, payMin: 3000, payMax: 2000 }))
    expect([bad.code, bad.fields.payMax]).toEqual(['VALIDATION', '最高月薪不能低于最低月薪'])
    const posting = await staff.createJob(draft)
    expect((await (await clientAs(t, null)).listJobs()).items[0].id).toBe(posting.id)
    const edited = await staff.updateJob(posting.id, { ...draft, payMax: 3200 })
    expect(edited.payMax).toBe(3200)

    const resident = await clientAs(t, 'resident')
    const app = await resident.applyForJob(posting.id, application)
    expect((await staff.listApplicants(posting.id)).map((a) => a.name)).toEqual(['李明'])
    expect((await failureOf(staff.setApplicationStatus(app.id, 'hired'))).code).toBe('CONFLICT')
    await staff.setApplicationStatus(app.id, 'contacted')
    await staff.setApplicationStatus(app.id, 'hired')
    expect((await resident.listMyApplications())[0].status).toBe('hired')

    const closed = await staff.closeJob(posting.id)
    expect([closed.status, closed.listed]).toEqual(['closed', false])
    expect((await failureOf(staff.closeJob(posting.id))).code).toBe('CONFLICT')
    const all = (await staff.listAllJobs({ limit: 50 })).items
    expect(all.filter((p) => !p.listed).length).toBe(7)
    // Staff search every posting, closed and expired ones too.
    const found = (await staff.listAllJobs({ keyword: posting.title })).items
    expect(found.map((p) => [p.id, p.listed])).toEqual([[posting.id, false]])
    expect((await staff.listAllJobs({ keyword: '缝纫' })).items.map((p) => p.title).sort()).toEqual(['服装缝纫工', '羽绒服缝纫工'])
    expect((await failureOf((await clientAs(t, 'elder')).applyForJob(posting.id, { ...application, name: '张桂兰', phone: '13904527788' }))).message).toBe('该岗位已停止招聘')
  })
})

type Who = 'resident' | 'elder' | 'volunteer' | 'staff' | null
const WHO: Who[] = ['resident', 'elder', 'volunteer', 'staff', null]
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'CONFLICT'

const TABLE: [string, (api: Api) => Promise<unknown>, Outcome[]][] = [
  //                                                   resident     elder        volunteer    staff        nobody
  ['search', (api) => api.listJobs({ keyword: '编织' }), ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['apply', (api) => api.applyForJob('j3', application), ['ok', 'ok', 'ok', 'FORBIDDEN', 'UNAUTHORIZED']],
  ['my applications', (api) => api.listMyApplications(), ['ok', 'ok', 'ok', 'ok', 'UNAUTHORIZED']],
  ['publish', (api) => api.createJob(draft), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['edit', (api) => api.updateJob('j1', draft), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['close', (api) => api.closeJob('j1'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['applicants', (api) => api.listApplicants('j6'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['move an application', (api) => api.setApplicationStatus('ap1', 'hired'), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
  ['every posting', (api) => api.listAllJobs(), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'UNAUTHORIZED']],
]

describe.each(TARGETS)('jobs authorization table: $name', (kind) => {
  it.each(TABLE)('%s', async (_name, call, expected) => {
    const outcomes: Outcome[] = []
    for (const who of WHO) {
      clock = T0
      const t = await kind.start({ now })
      try {
        await call(await clientAs(t, who))
        outcomes.push('ok')
      } catch (error) {
        outcomes.push((error as { code: Outcome }).code)
      } finally {
        await t.close()
      }
    }
    expect(outcomes).toEqual(expected)
  })
})
