/* The bad-input catalogue in the resident forms: markup and 10,000 characters
 * typed into every text field are refused beside the field, in Chinese; what
 * was typed stays in the field, nothing is sent, and the text never becomes
 * HTML (tests/contract/badInput.test.ts covers the backend). */
import { api } from '@/api'
import BookClinic from '@/clinic/pages/book'
import ApplyJob from '@/jobs/pages/apply'
import { useSession } from '@/stores/session'
import PostWish from '@/wish/pages/post'
import type * as React from 'react'
import { mountPage } from '../setup/mount-page'

const INPUT_VALUE = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
const TEXTAREA_VALUE = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!

function typeInto(container: HTMLElement, id: string, value: string) {
  const el = container.querySelector(`#${id}`) as HTMLInputElement | HTMLTextAreaElement
  if (!el) throw new Error(`no field #${id}`)
  ;(el instanceof HTMLTextAreaElement ? TEXTAREA_VALUE : INPUT_VALUE).call(el, value)
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

function button(container: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}

const valueOf = (container: HTMLElement, id: string) => (container.querySelector(`#${id}`) as HTMLInputElement).value
const errorOf = (container: HTMLElement, id: string) => container.querySelector(`#${id}-error`)?.textContent ?? null

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
  method: 'postWish' | 'bookClinic' | 'applyForJob'
  /** Field id → how its message starts (the field's name, or the rule for phones). */
  fields: Record<string, RegExp>
}

async function open(account: string, Page: React.ComponentType<Record<string, unknown>>, path: string, params: Record<string, string>, ready: string) {
  useSession.getState().signIn(await api.switchDemoAccount(account))
  const page = await mountPage(Page, { path, params })
  await page.testUtils.queries.waitForQueryByText(ready, undefined, { timeout: 3000 })
  return page
}

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
    open: () => open('elder', BookClinic, '/clinic/pages/book/index', { session: 'c1', slot: 't2' }, '为谁预约'),
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
]

const VALUES: [string, string][] = [
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['10,000 characters', '长'.repeat(10_000)],
]

afterEach(() => {
  jest.restoreAllMocks()
  useSession.setState({ token: null, user: null })
})

describe.each(FORMS.map((f) => [f.name, f] as const))('bad input in %s', (_, form) => {
  it.each(VALUES)('refuses %s in every text field beside the field, keeps it as typed, sends nothing and renders no HTML', async (__, value) => {
    const send = jest.spyOn(api, form.method)
    const { container, testUtils } = await form.open()
    for (const id of Object.keys(form.fields)) typeInto(container, id, value)
    testUtils.fireEvent.click(button(container, form.submit))
    await testUtils.queries.waitForQueryByText('还有几项需要修改，请看标红的提示')

    for (const [id, names] of Object.entries(form.fields)) {
      const error = errorOf(container, id)
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
