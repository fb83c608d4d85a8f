/* The street office figures on the production H5 build: the public summary on
 * the home page and the staff dashboard, both from the same records. */
import { browserAndSite, newPage, openPage, shot, stationed } from './browser'

const env = browserAndSite('E2E_DIST', 'dist/h5')

it('shows the public summary on the home page and the figures to staff', async () => {
  const { context, page } = await newPage(env.browser)
  try {
    let root = await openPage(page, env.site, '/pages/home/index?g=DA0103')
    const summary = root.locator('.summary')
    await summary.waitFor()
    // Seed: 2 wishes fulfilled (2 h and 1 h served), a hazard solved, a dispute settled, an activity
    // served by two residents (2.5 h and 2 h); no clinic arrivals or hires yet.
    expect((await summary.innerText()).replace(/\s+/g, '')).toBe('本街道已为民办实事4件，志愿服务7.5小时解决居民身边事1件，调解纠纷1起')

    root = await openPage(page, env.site, '/pages/me/index')
    await root.locator('button[aria-label="切换为工作人员刘芳"]').click()
    await root.getByText(/^已切换为/).waitFor()
    await root.getByRole('button', { name: '工作数据' }).click()
    root = await stationed(page)
    await root.getByRole('region', { name: '全街道' }).waitFor()
    await root.getByRole('button', { name: '累计' }).click()
    const whole = await root.getByRole('region', { name: '全街道' }).innerText()
    expect(whole).toMatch(/完成心愿\s*2 件/)
    expect(whole).toMatch(/消除安全隐患\s*1 处/)
    expect(whole).toMatch(/调解纠纷\s*1 起，调解成功 1 起/)
    expect(whole).toMatch(/志愿活动\s*2 人次，4.5 小时/)
    expect(await root.getByRole('region', { name: '各共建单位的志愿活动' }).innerText()).toMatch(/东安社区党委\s*1 场，2 人次，4.5 小时/)
    await root.getByRole('button', { name: '志愿服务', exact: true }).click()
    const grids = await root.getByRole('region', { name: '各网格' }).innerText()
    expect(grids).toMatch(/东安社区第三网格\s*3 小时/)
    expect(await root.locator('.bar__fill').count()).toBe(3 + 7)
    await shot(page, 'dashboard')
  } finally {
    await context.close()
  }
})
