/* 代办 end to end on the production H5 build (embedded backend): a grid volunteer
 * books a clinic for an elder who has no smartphone; staff see the booking in the
 * figures; the elder later signs in with her phone and sees it, with who booked it. */
import type { Page } from 'playwright-core'
import { browserAndSite, newPage, openPage, shot, stationed, switchAccount } from './browser'

const env = browserAndSite('E2E_DIST', 'dist/h5')

/** 义诊预约 this month, for the whole sub-district and for grid 东安社区第三网格 (DA0103). */
async function clinicBookingFigures(page: Page): Promise<{ overall: number; grid: number }> {
  const root = await openPage(page, env.site, '/staff/pages/dashboard/index')
  const overall = root.getByRole('region', { name: '全街道' })
  await overall.waitFor()
  await root.getByRole('button', { name: '义诊预约', exact: true }).click()
  const grids = await root.getByRole('region', { name: '各网格' }).innerText()
  return {
    overall: Number(/义诊预约\s*(\d+) 人次/.exec(await overall.innerText())![1]),
    grid: Number(/东安社区第三网格\s*(\d+) 人次/.exec(grids)![1]),
  }
}

it('a volunteer books for an elder without a phone; staff count it; the elder signs in and sees who booked it', async () => {
  const { context, page } = await newPage(env.browser)
  try {
    await switchAccount(page, env.site, '切换为工作人员刘芳')
    const before = await clinicBookingFigures(page)

    await switchAccount(page, env.site, '切换为网格志愿者赵志强')
    let root = await openPage(page, env.site, '/clinic/pages/detail/index?id=c1')
    await root.getByRole('button', { name: '预约 10:30–11:00' }).click()
    await page.waitForURL(/book\/index/)
    root = await stationed(page)
    await root.getByRole('radio', { name: '为居民代办' }).click()
    // Submitting with the resident left blank: the messages stand beside the fields.
    await root.locator('#book-age').fill('81')
    await root.getByRole('button', { name: '确认预约' }).click()
    await root.getByText('请填写居民姓名').waitFor()
    await root.getByText('请填写居民手机号').waitFor()
    expect(await root.locator('#book-age').inputValue()).toBe('81')

    await root.locator('#resident-name').fill('陈淑珍')
    await root.locator('#resident-phone').fill('13945671234')
    // The patient follows the resident entered.
    expect(await root.locator('#book-name').inputValue()).toBe('陈淑珍')
    expect(await root.locator('#book-phone').inputValue()).toBe('13945671234')
    await shot(page, 'onbehalf-1-volunteer-books')
    await root.getByRole('button', { name: '确认预约' }).click()
    await page.waitForURL(/ticket\/index\?id=/)
    root = await stationed(page)
    await root.getByRole('heading', { name: '预约成功' }).waitFor()
    await root.getByText('就诊人：陈淑珍（本人）').waitFor()
    await root.getByText(/^代办：网格志愿者 赵志强，\d+月\d+日 \d\d:\d\d$/).waitFor()

    await switchAccount(page, env.site, '切换为工作人员刘芳')
    expect(await clinicBookingFigures(page)).toEqual({ overall: before.overall + 1, grid: before.grid + 1 })
    await shot(page, 'onbehalf-2-dashboard')

    root = await openPage(page, env.site, '/pages/me/index')
    await root.locator('#login-phone').fill('139 4567 1234')
    await root.getByRole('button', { name: '用这个手机号登录' }).click()
    await root.getByText('已登录：陈淑珍').waitFor()
    await root.locator('button[role="switch"][aria-label="长辈模式"]').click()
    await root.getByText(/^代办：网格志愿者 赵志强/).waitFor()
    root = await openPage(page, env.site, '/clinic/pages/mine/index')
    await root.locator('.booking-item').first().waitFor()
    const items = await root.locator('.booking-item').allInnerTexts()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatch(/陈淑珍（本人）[\s\S]*代办：网格志愿者 赵志强/)
    await shot(page, 'onbehalf-3-elder-sees-booking')
  } finally {
    await context.close()
  }
})
