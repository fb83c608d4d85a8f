/* 就业创业 end to end on the production H5 build (embedded backend): a resident
 * searches and filters, opens a posting and applies; staff move the application
 * to 已录用; the resident sees it in 我的报名. */
import { browserAndSite, newPage, openPage, shot, stationed, switchAccount } from './browser'

const env = browserAndSite('E2E_DIST', 'dist/h5')

describe('就业创业', () => {
  it('search and filter → detail → apply → staff mark 已录用 → the resident sees it', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      await switchAccount(page, env.site, '切换为居民李明')
      let root = await openPage(page, env.site, '/jobs/pages/list/index')
      await root.locator('.job-item').first().waitFor()
      await root.locator('#jobs-keyword').fill('缝纫')
      await root.getByRole('button', { name: '搜索', exact: true }).click()
      await root.getByRole('button', { name: '筛选', exact: true }).click()
      await root.getByRole('button', { name: '女性', exact: true }).click()
      await root.getByRole('button', { name: '5000元以上', exact: true }).click()
      await root.locator('.job-item', { hasText: '羽绒服缝纫工' }).waitFor()
      const found = await root.locator('.job-item .card__title').allInnerTexts()
      expect(found).toEqual(['服装缝纫工', '羽绒服缝纫工'])
      await shot(page, 'jobs-1-search')

      await root.getByRole('button', { name: '查看详情：服装缝纫工', exact: true }).click()
      await page.waitForURL(/detail\/index\?id=/)
      root = await stationed(page)
      await root.getByText('3500–6000元/月').waitFor()
      expect(await root.locator('a[href^="tel:"]').getAttribute('href')).toMatch(/^tel:1\d{10}$/)
      await root.getByRole('button', { name: '我要报名' }).click()
      await page.waitForURL(/apply\/index/)
      root = await stationed(page)
      await root.locator('#apply-note').fill('做过五年缝纫，会平缝机')
      await root.getByRole('button', { name: '提交报名' }).click()
      await page.waitForURL(/mine\/index\?applied=1/)
      root = await stationed(page)
      await root.locator('.application-item', { hasText: '服装缝纫工' }).getByText('已提交').waitFor()

      await switchAccount(page, env.site, '切换为工作人员刘芳')
      root = await openPage(page, env.site, '/jobs/pages/list/index')
      await root.getByRole('button', { name: '报名名单：服装缝纫工', exact: true }).click()
      root = await stationed(page)
      await root.getByRole('button', { name: '李明：标为已联系' }).click()
      await root.getByRole('button', { name: '李明：标为已录用' }).click()
      await root.getByText('李明：已录用').waitFor()
      await shot(page, 'jobs-2-applicants')

      await switchAccount(page, env.site, '切换为居民李明')
      root = await openPage(page, env.site, '/jobs/pages/mine/index')
      await root.locator('.application-item', { hasText: '服装缝纫工' }).getByText('已录用').waitFor()
      await shot(page, 'jobs-3-hired')
    } finally {
      await context.close()
    }
  })
})
