/* Every H5 page, as each role reaches it, in normal mode and in 长辈模式:
 *  - axe-core: no violation of impact serious or critical;
 *  - 长辈模式, measured in the DOM at 100% and at the browser's 200% zoom: body
 *    text ≥ 18 px, every tappable ≥ 60×60 px, no text clipped, nothing overlapping,
 *    no sideways scrolling, no line break inside a run kept together (times,
 *    amounts, dates, phone numbers) and no line starting with a closing mark.
 * Prints one row per page and writes the table to .tmp/test-results/audit-pages.txt. */
import fs from 'fs'
import path from 'path'
import type { Page } from 'playwright-core'
import { ROOT, browserAndSite, newPage, openPage, stationed, switchAccount } from '../e2e/browser'

// eslint-disable-next-line @typescript-eslint/no-var-requires
const AXE_SOURCE: string = require('axe-core').source

const env = browserAndSite('E2E_DIST', 'dist/h5')

type Role = 'resident' | 'elder' | 'volunteer' | 'staff'
const ACCOUNT: Record<Role, string> = {
  resident: '切换为居民李明',
  elder: '切换为长者张桂兰',
  volunteer: '切换为网格志愿者赵志强',
  staff: '切换为工作人员刘芳',
}

/** The pages each role reaches (seed ids: w5 is 李明's open wish, w3 张桂兰's claimed one, c1 the heart clinic, k1 a booking, j1 a job, mt-seed-1 a public hazard, mt-seed-3 a private dispute, h1 and h2 activities, m2 the 棋牌室). */
const PAGES: Record<Role, string[]> = {
  resident: [
    '/pages/home/index?g=DA0103',
    '/pages/me/index',
    '/wish/pages/list/index?mode=mine',
    '/wish/pages/post/index',
    '/wish/pages/detail/index?id=w5',
    '/clinic/pages/list/index',
    '/clinic/pages/detail/index?id=c1',
    '/clinic/pages/book/index?clinic=c1&slot=t2',
    '/clinic/pages/mine/index',
    '/jobs/pages/list/index',
    '/jobs/pages/detail/index?id=j1',
    '/jobs/pages/apply/index?id=j1',
    '/jobs/pages/mine/index',
    '/matters/pages/mine/index',
    '/matters/pages/raise/index',
    '/matters/pages/public/index',
    '/matters/pages/detail/index?id=mt-seed-1',
    '/matters/pages/meetings/index',
    '/matters/pages/meeting/index?id=mg-seed-1',
    '/activity/pages/list/index',
    '/activity/pages/detail/index?id=h1',
    '/activity/pages/mine/index',
    '/activity/pages/record/index',
    '/activity/pages/verify/index',
    '/rooms/pages/list/index',
    '/rooms/pages/mine/index',
    '/rooms/pages/detail/index?id=m4',
    '/inbox/pages/list/index',
    '/legal/pages/privacy/index',
    '/legal/pages/terms/index',
    '/legal/pages/mydata/index',
  ],
  elder: [
    '/pages/home/index?g=DA0103',
    '/pages/me/index',
    '/wish/pages/detail/index?id=w3',
    '/clinic/pages/detail/index?id=c1',
    '/clinic/pages/book/index?clinic=c1&slot=t2',
    'TICKET',
    '/matters/pages/public/index',
    '/matters/pages/raise/index',
    '/matters/pages/mediation/index',
    '/matters/pages/meeting/index?id=mg-seed-1',
    '/rooms/pages/detail/index?id=m2',
    '/inbox/pages/list/index',
  ],
  volunteer: [
    '/pages/home/index?g=DA0103',
    '/pages/me/index',
    '/wish/pages/list/index?mode=open',
    '/wish/pages/list/index?mode=tasks',
    '/wish/pages/detail/index?id=w4',
    '/wish/pages/post/index',
    '/clinic/pages/book/index?clinic=c1&slot=t3',
    '/matters/pages/handle/index',
    '/matters/pages/detail/index?id=mt-seed-3',
    '/activity/pages/detail/index?id=h2',
    '/activity/pages/record/index',
    '/activity/pages/certificate/index',
  ],
  staff: [
    '/pages/me/index',
    '/wish/pages/list/index?mode=review',
    '/wish/pages/detail/index?id=w6',
    '/clinic/pages/list/index',
    '/clinic/pages/manage/index',
    '/clinic/pages/manage/index?id=c1',
    '/clinic/pages/roster/index?id=c1',
    '/clinic/pages/ticket/index?id=k1',
    '/jobs/pages/list/index',
    '/jobs/pages/manage/index?id=j1',
    '/jobs/pages/applicants/index?id=j1',
    '/jobs/pages/apply/index?id=j1',
    '/activity/pages/publish/index',
    '/activity/pages/organiser/index?id=h1',
    '/rooms/pages/detail/index?id=m2',
    '/rooms/pages/door/index?id=m2',
    '/staff/pages/dashboard/index',
    '/staff/pages/volunteers/index',
    '/staff/pages/audit/index',
    '/matters/pages/handle/index',
    '/matters/pages/mediation-manage/index',
    '/matters/pages/meetings/index',
    '/matters/pages/meeting-new/index',
  ],
}

interface Measure {
  minFont: number
  smallText: string[]
  smallTargets: string[]
  clipped: string[]
  overlaps: string[]
  sideways: number
  /** The widest offenders when it scrolls sideways. */
  wide: string[]
  /** px of the page's end hidden under the bottom navigation. */
  underBar: number
  /** Line breaks in the wrong place: inside a run kept together (components/Runs), or a line starting with a closing mark. */
  badBreaks: string[]
}

interface Row {
  role: Role
  /** The hash route opened. */
  target: string
  /** The route as printed. */
  page: string
  axeNormal: string[]
  axeElder: string[]
  elder: Measure
  zoom: Measure
}

/** Lets the page load its data: no 正在加载… left, then a short settle. */
async function settle(page: Page): Promise<void> {
  const root = await stationed(page)
  await root.getByText('正在加载…').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined)
  await root.getByText('正在准备…').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined)
  await page.waitForTimeout(350)
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  })
}

/** The DOM measured as an elder sees it: the current page and the bottom navigation. */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page_stationed')).filter((el) => el.getClientRects().length > 0)
    const roots = [pages[pages.length - 1], document.querySelector('.web-tabbar')].filter(Boolean) as Element[]
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent || (el as HTMLInputElement).value || '').trim().slice(0, 12)}”`
    const all = roots.flatMap((root) => [root, ...Array.from(root.querySelectorAll('*'))]).filter(visible)
    const hasOwnText = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
    const texts = all.filter(hasOwnText)
    const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize))
    const TAPPABLE = 'button, a[href], input, textarea, select, [role="button"], [role="radio"], [role="tab"], [role="link"], [role="checkbox"]'
    const targets = all.filter((el) => el.matches(TAPPABLE))
    const smallTargets = targets.filter((el) => {
      const r = el.getBoundingClientRect()
      // 长辈模式: MIIT's 适老化 guide asks 60 dp for a touch target.
      return r.width < 59.5 || r.height < 59.5
    })
    const clipped = texts.filter((el) => {
      const s = getComputedStyle(el)
      const hides = /hidden|clip/.test(s.overflow + s.overflowX + s.overflowY) || s.textOverflow === 'ellipsis'
      return hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2)
    })
    // Overlap: two boxes that are not nested, among text and tappables.
    // The bottom navigation is fixed over the scrolling page, so only the page's own boxes are compared.
    const bar = document.querySelector('.web-tabbar')
    const boxes = Array.from(new Set([...texts, ...targets])).filter((el) => !bar || !bar.contains(el))
    const overlaps: string[] = []
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]
        const b = boxes[j]
        if (a.contains(b) || b.contains(a)) continue
        const ra = a.getBoundingClientRect()
        const rb = b.getBoundingClientRect()
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left)
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top)
        if (w > 2 && h > 2) overlaps.push(`${name(a)} × ${name(b)}`)
      }
    }
    const scroller = pages[pages.length - 1]
    const width = document.documentElement.clientWidth
    const wide = all.filter((el) => el.getBoundingClientRect().right > width + 1 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1))
    // Scrolled to the end, the last of the page must clear the bottom navigation.
    scroller?.scrollTo(0, scroller.scrollHeight)
    window.scrollTo(0, document.documentElement.scrollHeight)
    // Line breaks: a run marked to keep together on two lines, or a line that starts with a closing mark.
    // A kept run may break inside only when it is wider than a whole line.
    const splitRun = (el: HTMLElement) => {
      const style = getComputedStyle(el)
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5
      if (el.getBoundingClientRect().height < line * 1.5) return false
      // Its width on one line, unbounded by the line.
      const saved = el.getAttribute('style')
      el.style.whiteSpace = 'nowrap'
      el.style.maxWidth = 'none'
      const oneLine = el.getBoundingClientRect().width
      if (saved === null) el.removeAttribute('style')
      else el.setAttribute('style', saved)
      const parent = el.parentElement
      if (!parent) return false
      const box = getComputedStyle(parent)
      return oneLine <= parent.getBoundingClientRect().width - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight) - parseFloat(box.borderLeftWidth) - parseFloat(box.borderRightWidth)
    }
    const badBreaks = roots
      .flatMap((root) => Array.from(root.querySelectorAll<HTMLElement>('.keep')))
      .filter((el) => visible(el) && splitRun(el))
      .map((el) => `split: ${name(el)}`)
    const CLOSING = /[，。、；：！？）」』】》%]/
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (let i = 0; i < text.length; i++) {
          if (!CLOSING.test(text[i])) continue
          const at = document.createRange()
          at.setStart(node, i)
          at.setEnd(node, i + 1)
          // What stands before it on the page: the previous character, or the inline element before this text.
          let b: DOMRect | undefined
          if (i > 0) {
            const before = document.createRange()
            before.setStart(node, i - 1)
            before.setEnd(node, i)
            b = before.getClientRects()[0]
          } else if (node.previousSibling instanceof Element) {
            const rects = node.previousSibling.getClientRects()
            b = rects[rects.length - 1]
          }
          const a = at.getClientRects()[0]
          if (a && b && a.top > b.bottom - 2) badBreaks.push(`line starts with “${text[i]}”: ${name(node.parentElement!)}`)
        }
      }
    }
    const barTop = bar ? bar.getBoundingClientRect().top : Infinity
    const pageBottom = Math.max(0, ...boxes.map((el) => el.getBoundingClientRect().bottom))
    return {
      minFont: sizes.length ? Math.min(...sizes) : 0,
      smallText: texts.filter((_, i) => sizes[i] < 18).map((el, i) => `${name(el)} ${sizes[i]}px`).slice(0, 5),
      smallTargets: smallTargets.map((el) => {
        const r = el.getBoundingClientRect()
        return `${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`
      }),
      clipped: clipped.map(name),
      overlaps,
      sideways: Math.max(document.documentElement.scrollWidth - window.innerWidth, scroller ? scroller.scrollWidth - scroller.clientWidth : 0),
      wide: wide.slice(0, 3).map(name),
      underBar: Math.max(0, Math.round(pageBottom - barTop)),
      badBreaks: badBreaks.slice(0, 5),
    }
  })
}

/** Books for the elder through the app, so her ticket can be audited too; returns its path. */
async function elderTicket(page: Page): Promise<string> {
  let root = await openPage(page, env.site, '/clinic/pages/detail/index?id=c1')
  await root.getByRole('button', { name: '预约 10:30–11:00' }).click()
  await page.waitForURL(/book\/index/)
  root = await stationed(page)
  await root.locator('#book-age').fill('72')
  await root.getByRole('button', { name: '确认预约' }).click()
  await page.waitForURL(/ticket\/index\?id=/)
  return decodeURIComponent(new URL(page.url()).hash.slice(1))
}

const rows: Row[] = []

afterAll(() => {
  const count = (m: Measure) => `${m.minFont.toFixed(1)}px ${m.smallTargets.length}/${m.clipped.length}/${m.overlaps.length}/${m.sideways}/${m.underBar}/${m.badBreaks.length}`
  const lines = [
    'Pages audited in Chromium (390×844; zoom = 200%, i.e. 195×422 CSS px)',
    'axe = serious+critical violations (normal / 长辈模式); 长辈模式 and zoom columns: smallest text, then tappables <60px / clipped / overlapping / px of sideways scroll / px hidden under the bottom navigation / bad line breaks',
    `${'role'.padEnd(10)}${'page'.padEnd(48)}${'axe'.padEnd(7)}${'长辈模式'.padEnd(22)}zoom 200%`,
    ...rows.map((r) => `${r.role.padEnd(10)}${r.page.padEnd(48)}${`${r.axeNormal.length}/${r.axeElder.length}`.padEnd(7)}${count(r.elder).padEnd(26)}${count(r.zoom)}`),
    `${rows.length} pages × 2 modes; axe serious/critical total: ${rows.reduce((n, r) => n + r.axeNormal.length + r.axeElder.length, 0)}`,
  ]
  const problems = rows.flatMap((r) =>
    [...r.axeNormal.map((v) => `axe normal: ${v}`), ...r.axeElder.map((v) => `axe 长辈模式: ${v}`), ...detail('长辈模式', r.elder), ...detail('zoom', r.zoom)].map((p) => `  ${r.role} ${r.page}: ${p}`),
  )
  const text = [...lines, ...(problems.length ? ['Offenders:', ...problems] : [])].join('\n')
  const dir = path.join(ROOT, '.tmp', 'test-results')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'audit-pages.txt'), `${text}\n`)
  process.stdout.write(`\n${text}\n`)
})

function detail(mode: string, m: Measure): string[] {
  return [
    ...m.smallText.map((t) => `${mode} text <18px: ${t}`),
    ...m.smallTargets.map((t) => `${mode} tappable <60px: ${t}`),
    ...m.clipped.map((t) => `${mode} clipped: ${t}`),
    ...m.overlaps.map((t) => `${mode} overlap: ${t}`),
    ...(m.sideways > 0 ? [`${mode} scrolls sideways by ${m.sideways}px: ${m.wide.join(', ')}`] : []),
    ...(m.underBar > 0 ? [`${mode} the end of the page stays ${m.underBar}px under the bottom navigation`] : []),
    ...m.badBreaks.map((t) => `${mode} line break: ${t}`),
  ]
}

const ok = (m: Measure) =>
  m.minFont >= 18 && m.smallTargets.length === 0 && m.clipped.length === 0 && m.overlaps.length === 0 && m.sideways <= 0 && m.underBar <= 0 && m.badBreaks.length === 0

describe.each(Object.keys(PAGES) as Role[])('%s', (role) => {
  it('every page passes axe in both modes, and the elder measurements', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      await switchAccount(page, env.site, ACCOUNT[role])
      const paths = PAGES[role]
      const audited: Row[] = []
      for (const p of paths) {
        const target = p === 'TICKET' ? await elderTicket(page) : p
        await openPage(page, env.site, target)
        await settle(page)
        audited.push({ role, target, page: target.replace(/^\/([a-z]+)\/pages\//, '$1/').replace('/index', ''), axeNormal: await axeSerious(page), axeElder: [], elder: null!, zoom: null! })
      }
      // 长辈模式 stays on once chosen: turn it on, then go round again.
      const me = await openPage(page, env.site, '/pages/me/index')
      await me.locator('button[role="switch"][aria-label="长辈模式"]').click()
      await me.locator('button[role="switch"][aria-label="长辈模式"][aria-checked="true"]').waitFor()
      for (const row of audited) {
        await page.setViewportSize({ width: 390, height: 844 })
        await openPage(page, env.site, row.target)
        await settle(page)
        row.axeElder = await axeSerious(page)
        row.elder = await measure(page)
        await page.setViewportSize({ width: 195, height: 422 })
        await page.waitForTimeout(600) // Taro's root font size follows a resize after 500 ms
        row.zoom = await measure(page)
      }
      rows.push(...audited)
      const failing = audited.filter((r) => r.axeNormal.length || r.axeElder.length || !ok(r.elder) || !ok(r.zoom))
      expect(failing.map((r) => r.page)).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)
})
