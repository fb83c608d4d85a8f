/* The bad-input catalogue in every form of the app (residents', staff's, the
 * 代办 fields, the wish actions and the phone sign-in): markup and 10,000
 * characters typed into every text field are refused beside the field, in
 * Chinese; what was typed stays in the field, nothing is sent, and the text
 * never becomes HTML (tests/contract/badInput.test.ts covers the backend). */
import type * as React from 'react'
import { api, type Api } from '../../src/api'
import { clinicApi } from '../../src/api/clinic'
import { jobsApi } from '../../src/api/jobs'
import { wishApi } from '../../src/api/wish'
import BookClinic from '../../src/clinic/pages/book'
import ManageClinic from '../../src/clinic/pages/manage'
import { FIX_FIELDS } from '../../src/components/useFormSubmit'
import ApplyJob from '../../src/jobs/pages/apply'
import ManageJob from '../../src/jobs/pages/manage'
import Me from '../../src/pages/me'
import { useSession } from '../../src/stores/session'
import WishDetail from '../../src/wish/pages/detail'
import PostWish from '../../src/wish/pages/post'
import { typeInto, button, valueOf, errorOf } from '../setup/form'
import { mountPage } from '../setup/mount-page'

/** Where the text shows up other than as a field's value: text nodes and attributes outside the fields. */
function renderedOutsideFields(container: HTMLElement, value: string): string[] {
  const found: string[] = []
  const isField = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(value) && !isField(node.parentElement)) found.push(`text in <${node.parentElement?.tagName.toLowerCase()}>`)
  }
  for (const el of Array.from(container.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.value.includes(value) && !(isField(el) && attr.name === 'value')) found.push(`${attr.name} of <${el.tagName.toLowerCase()}>`)
    }
  }
  return found
}

interface Form {
  name: string
  open: () => Promise<Awaited<ReturnType<typeof mountPage>>>
  submit: string
  method: keyof Api
  /** What shows the refusal; most forms say FIX_FIELDS on top. */
  shown?: string
  /** Field id → how its message starts (the field's name, or the rule for phones and numbers),
   *  or [where the message is, how it starts] when it is not at #<id>-error. */
  fields: Record<string, RegExp | [string, RegExp]>
}

async function open(account: string, Page: React.ComponentType<Record<string, unknown>>, path: string, params: Record<string, string>, ready: string) {
  useSession.getState().signIn(await api.switchDemoAccount(account))
  const page = await mountPage(Page, { path, params })
  await page.testUtils.queries.waitForQueryByText(ready, undefined, { timeout: 3000 })
  return page
}

const SLOTS_ERROR = '[aria-label="时段"] > .field__error'

const FORMS: Form[] = [
  {
    name: 'the wish form',
    open: () => open('elder', PostWish, '/wish/pages/post/index', {}, '提交心愿'),
    submit: '提交心愿',
    method: 'postWish',
    fields: {
      'wish-title': /^标题/,
      'wish-description': /^描述/,
      'wish-time': /^期望时间/,
      'wish-building': /^楼栋/,
      'wish-unit': /^单元/,
      'wish-room': /^门牌号/,
      'wish-phone': /11位手机号/,
    },
  },
  {
    name: 'the booking form',
    open: () => open('elder', BookClinic, '/clinic/pages/book/index', { clinic: 'c1', slot: 't2' }, '为谁预约'),
    submit: '确认预约',
    method: 'bookClinic',
    fields: { 'book-name': /^就诊人姓名/, 'book-phone': /11位手机号/, 'book-age': /^年龄/, 'book-symptoms': /^症状描述/ },
  },
  {
    name: 'the job application form',
    open: () => open('resident', ApplyJob, '/jobs/pages/apply/index', { id: 'j1' }, '提交报名'),
    submit: '提交报名',
    method: 'applyForJob',
    fields: { 'apply-name': /^姓名/, 'apply-phone': /11位手机号/, 'apply-note': /^留言/ },
  },
  {
    name: 'the new clinic form (staff)',
    open: () => open('staff', ManageClinic, '/clinic/pages/manage/index', {}, '发布义诊'),
    submit: '发布义诊',
    method: 'createClinic',
    fields: {
      'clinic-title': /^义诊名称/,
      'clinic-specialty': /^科室/,
      'clinic-doctors': /^出诊医生/,
      'clinic-hospital': /^医院/,
      'clinic-place': /^地点/,
      // The date and the slot times are the phone's pickers: nothing can be typed into them.
      // The slot fields share one message, under the group of slots.
      'slot-0-capacity': [SLOTS_ERROR, /^每个时段/],
      'clinic-cutoffHours': /^截止时间/,
      'clinic-notes': /^注意事项/,
    },
  },
  {
    name: 'the new job posting form (staff)',
    open: () => open('staff', ManageJob, '/jobs/pages/manage/index', {}, '发布岗位'),
    submit: '发布岗位',
    method: 'createJob',
    fields: {
      'job-title': /^岗位名称/,
      'job-employer': /^用工单位/,
      'job-payMin': /^最低月薪/,
      'job-payMax': /^最高月薪/,
      'job-place': /^工作地点/,
      'job-hours': /^工作时间/,
      'job-requirements': /^岗位要求/,
      'job-contactName': /^联系人/,
      'job-contactPhone': /11位手机号/,
    },
  },
  {
    // The search box (#resident-search) only looks residents up; it is not sent with the wish.
    name: 'the 代办 resident on the wish form (volunteer)',
    open: () => open('volunteer', PostWish, '/wish/pages/post/index', {}, '提交心愿'),
    submit: '提交心愿',
    method: 'postWish',
    fields: { 'resident-name': /^居民姓名/, 'resident-phone': /11位手机号/ },
  },
  // The wish actions with the seed data: w6 is pending (staff rejects), w3 claimed by 赵志强, w2 completed for 张桂兰.
  {
    name: 'the reject reason (staff, w6)',
    open: () => open('staff', WishDetail, '/wish/pages/detail/index', { id: 'w6' }, '驳回'),
    submit: '驳回',
    method: 'rejectWish',
    fields: { 'wish-reason': /^原因/ },
  },
  {
    name: 'the release reason (volunteer, w3)',
    open: async () => {
      const page = await open('volunteer', WishDetail, '/wish/pages/detail/index', { id: 'w3' }, '不能继续服务？放弃认领')
      page.testUtils.fireEvent.click(button(page.container, '不能继续服务？放弃认领'))
      await page.testUtils.queries.waitForQuerySelector('#wish-reason')
      return page
    },
    submit: '确定放弃认领',
    method: 'releaseWish',
    fields: { 'wish-reason': /^原因/ },
  },
  {
    name: 'the completion note (volunteer, w3)',
    open: () => open('volunteer', WishDetail, '/wish/pages/detail/index', { id: 'w3' }, '完成服务'),
    submit: '完成服务',
    method: 'completeWish',
    fields: { 'wish-note': /^服务记录/, 'wish-hours': /^服务时长/ },
  },
  {
    name: 'the thanks (elder, w2)',
    open: () => open('elder', WishDetail, '/wish/pages/detail/index', { id: 'w2' }, '确认并评价'),
    submit: '确认并评价',
    method: 'confirmWish',
    fields: { 'wish-thanks': /^感谢的话/ },
  },
  {
    // Only the field's own message, no notice on top (demo backends only).
    name: 'the phone sign-in on 我的',
    open: () => open('resident', Me, '/pages/me/index', {}, '用这个手机号登录'),
    submit: '用这个手机号登录',
    method: 'loginWithPhone',
    shown: '请填写11位手机号，以1开头（如13812341234）',
    fields: { 'login-phone': /11位手机号/ },
  },
]

const VALUES: [string, string][] = [
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['10,000 characters', '长'.repeat(10_000)],
]

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

/** The calls object a form's page sends through: the core's or its capability's. */
const ownerOf = (method: keyof Api) => [api, wishApi, clinicApi, jobsApi].find((calls) => method in calls) as unknown as Record<string, () => Promise<unknown>>

describe.each(FORMS.map((f) => [f.name, f] as const))('bad input in %s', (_, form) => {
  it.each(VALUES)('refuses %s in every text field beside the field, keeps it as typed, sends nothing and renders no HTML', async (__, value) => {
    const send = jest.spyOn(ownerOf(form.method), form.method)
    const { container, testUtils } = await form.open()
    for (const id of Object.keys(form.fields)) typeInto(container, id, value)
    testUtils.fireEvent.click(button(container, form.submit))
    await testUtils.queries.waitForQueryByText(form.shown ?? FIX_FIELDS)

    for (const [id, expected] of Object.entries(form.fields)) {
      const [where, names] = Array.isArray(expected) ? expected : [undefined, expected]
      const error = errorOf(container, id, where)
      expect([id, error]).toEqual([id, expect.stringMatching(names)])
      // A Chinese sentence that does not repeat what was typed.
      expect(error).toMatch(/[\u4e00-\u9fff]/)
      expect(error!.includes(value)).toBe(false)
      expect(valueOf(container, id)).toBe(value)
    }
    expect(send).not.toHaveBeenCalled()
    expect(container.querySelectorAll('script')).toHaveLength(0)
    expect(renderedOutsideFields(container, value)).toEqual([])
  })
})
