/* 专家义诊 end to end on the production H5 build (embedded backend): an elder in
 * 长辈模式 books and sees the ticket, whose QR code a real reader decodes; a child
 * books for a parent; a full slot offers 候补; staff mark the arrival on the day. */
import { execFileSync } from 'child_process'
import fs from 'fs'
import path from 'path'
import type { Page } from 'playwright-core'
import { inChina } from '../../src/domain/chinaTime'
import { browserAndSite, newPage, openPage, shot, SHOTS_DIR, stationed, switchAccount } from './browser'

const env = browserAndSite('E2E_DIST', 'dist/h5')

/** Books slot `slotLabel` of the heart clinic (c1, tomorrow) and returns the ticket page root. */
async function bookHeartClinic(page: Page, slotLabel: string, fill: (root: Awaited<ReturnType<typeof stationed>>) => Promise<void>) {
  let root = await openPage(page, env.site, '/clinic/pages/detail/index?id=c1')
  await root.getByRole('button', { name: slotLabel }).click()
  await page.waitForURL(/book\/index/)
  root = await stationed(page)
  await root.locator('#book-age').waitFor()
  await fill(root)
  await root.getByRole('button', { name: /^确认(预约|候补)$/ }).click()
  await page.waitForURL(/ticket\/index\?id=/)
  return stationed(page)
}

describe('专家义诊', () => {
  it('pages inside 专家义诊 have a way back: 返回 to the list, 首页 when opened from a link', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      let root = await openPage(page, env.site, '/clinic/pages/list/index')
      expect(await root.locator('.web-header__title').innerText()).toBe('专家义诊')
      await root.getByRole('button', { name: /^查看时段并预约：心血管专家义诊/ }).click()
      await page.waitForURL(/detail\/index\?id=c1/)
      root = await stationed(page)
      await root.locator('.web-header__title', { hasText: '义诊详情' }).waitFor()
      await root.getByRole('button', { name: '返回上一页' }).click()
      await page.waitForURL(/list\/index/)
      await (await stationed(page)).locator('.clinic-item').first().waitFor()

      // Opened from a shared link, the page has nothing behind it: 首页 leads to the card.
      root = await openPage(page, env.site, '/clinic/pages/detail/index?id=c1')
      await root.getByRole('button', { name: '回到首页' }).click()
      await page.waitForURL(/pages\/home\/index/)
      root = await stationed(page)
      // A tab page: the bottom navigation, no header.
      await root.locator('.web-tabbar').waitFor()
      expect(await root.locator('.web-header').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  it('an elder in 长辈模式 books and sees a large ticket whose QR code scans', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      await switchAccount(page, env.site, '切换为长者张桂兰')
      await (await stationed(page)).locator('button[role="switch"][aria-label="长辈模式"]').click()
      const root = await bookHeartClinic(page, '预约 09:30–10:00', async (form) => {
        expect(await form.locator('#book-name').inputValue()).toBe('张桂兰')
        await form.locator('#book-age').fill('72')
        await form.getByRole('button', { name: '轮椅' }).click()
      })
      await root.getByRole('heading', { name: '预约成功' }).waitFor()
      expect(await root.locator('.ticket__queue').innerText()).toBe('第 1 号')
      expect(await root.locator('.ticket__when').innerText()).toBe('明天 09:30')
      const statusSize = parseFloat(await root.locator('.ticket__status').evaluate((el) => getComputedStyle(el).fontSize))
      expect(statusSize).toBeGreaterThanOrEqual(30)

      const code = (await root.locator('.ticket__code').innerText()).replace('签到码 ', '')
      const qr = root.locator('.ticket__qr img, img.ticket__qr').first()
      fs.mkdirSync(SHOTS_DIR, { recursive: true })
      const file = path.join(SHOTS_DIR, 'clinic-qr.png')
      await qr.screenshot({ path: file })
      expect(execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).trim()).toBe(code)
      await shot(page, 'clinic-1-elder-ticket')
    } finally {
      await context.close()
    }
  })

  it('a child books for a parent, and a full slot offers 候补', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      await switchAccount(page, env.site, '切换为居民李明')
      let root = await bookHeartClinic(page, '预约 10:00–10:30', async (form) => {
        await form.getByRole('radio', { name: '家人代约' }).click()
        expect(await form.locator('#book-name').inputValue()).toBe('')
        await form.locator('#book-name').fill('李桂珍')
        await form.locator('#book-age').fill('76')
      })
      await root.getByText('就诊人：李桂珍（家人代约）').waitFor()

      root = await openPage(page, env.site, '/clinic/pages/detail/index?id=c1')
      const full = root.getByRole('button', { name: '候补 09:00–09:30' })
      expect(await full.innerText()).toBe('候补')
      root = await bookHeartClinic(page, '候补 09:00–09:30', async (form) => {
        await form.getByText('这个时段已约满').waitFor()
        await form.locator('#book-age').fill('40')
      })
      await root.getByRole('heading', { name: '候补中' }).waitFor()
      await root.getByText('已加入候补').waitFor()

      root = await openPage(page, env.site, '/clinic/pages/mine/index')
      await root.locator('.booking-item').nth(1).waitFor()
      expect(await root.locator('.booking-item').allInnerTexts()).toEqual([
        expect.stringMatching(/候补中[\s\S]*明天 09:00/),
        expect.stringMatching(/已预约[\s\S]*明天 10:00[\s\S]*李桂珍（家人代约） · 第1号/),
      ])
      await shot(page, 'clinic-2-my-bookings')
    } finally {
      await context.close()
    }
  })

  it('an elder on the waiting list is told in 消息 when a place frees up, and the message opens her ticket', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      await switchAccount(page, env.site, '切换为长者张桂兰')
      let root = await bookHeartClinic(page, '候补 09:00–09:30', async (form) => {
        await form.locator('#book-age').fill('72')
      })
      await root.getByRole('heading', { name: '候补中' }).waitFor()

      // Staff cancel a booking of that slot, with the reason the patient reads.
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      root = await openPage(page, env.site, '/clinic/pages/ticket/index?id=k1')
      await root.getByRole('button', { name: '取消预约' }).click()
      await root.locator('#cancel-reason').fill('本人来电取消')
      await root.getByRole('button', { name: '确定取消' }).click()
      await root.getByText('预约已取消').first().waitFor()

      await switchAccount(page, env.site, '切换为长者张桂兰')
      root = await stationed(page)
      await root.getByText('1条未读').waitFor()
      await root.getByRole('button', { name: /^消息/ }).click()
      await page.waitForURL(/inbox\/pages\/list/)
      root = await stationed(page)
      await root.getByText('候补成功，请按时就诊').waitFor()
      await shot(page, 'clinic-4-messages')
      await root.getByRole('button', { name: '查看：候补成功，请按时就诊' }).click()
      await page.waitForURL(/ticket\/index\?id=/)
      root = await stationed(page)
      await root.getByRole('heading', { name: '预约成功' }).waitFor()
      expect(await root.locator('.ticket__queue').innerText()).toMatch(/^第 \d+ 号$/)
    } finally {
      await context.close()
    }
  })

  it('staff mark the arrival on the day, and the elder’s booking shows it', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      await switchAccount(page, env.site, '切换为长者张桂兰')
      await bookHeartClinic(page, '预约 09:30–10:00', async (form) => {
        await form.locator('#book-age').fill('72')
      })
      // The morning of the clinic (tomorrow, China time).
      await page.clock.setFixedTime(new Date(`${inChina(Date.now()).add(1, 'day').format('YYYY-MM-DD')}T08:40:00+08:00`))
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      let root = await openPage(page, env.site, '/clinic/pages/roster/index?id=c1')
      await root.getByRole('button', { name: '签到：张桂兰' }).click()
      await root.getByText('张桂兰 已签到').waitFor()
      await root.locator('.figures').getByText('1', { exact: true }).first().waitFor()
      expect(await root.locator('.figures').innerText()).toMatch(/4\s*已预约\s*1\s*已签到\s*25%\s*到诊率/)
      await shot(page, 'clinic-3-roster')

      await switchAccount(page, env.site, '切换为长者张桂兰')
      root = await openPage(page, env.site, '/clinic/pages/mine/index')
      await root.getByRole('button', { name: /查看凭证：心血管专家义诊 张桂兰/ }).click()
      root = await stationed(page)
      await root.getByRole('heading', { name: '已签到' }).waitFor()
      expect(await root.innerText()).toContain('签到时间：')
    } finally {
      await context.close()
    }
  })
})
