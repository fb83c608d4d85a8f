/* 个人信息与隐私 end to end on the production H5 build: a first visit asks
 * consent; an elder posts a wish with a photo, downloads everything held
 * about her and closes her account; the street office's figures are the
 * same after the closing as before it. */
import fs from 'fs'
import type { Page } from 'playwright-core'
import { browserAndSite, newPage, openPage, postWishWithPhoto, shot, stationed, switchAccount } from './browser'

const env = browserAndSite('E2E_DIST', 'dist/h5')

/** The staff dashboard's overall figures since the start (累计), as text. */
async function overallFigures(page: Page): Promise<string> {
  await switchAccount(page, env.site, '切换为工作人员刘芳')
  let root = await openPage(page, env.site, '/pages/me/index')
  await root.getByRole('button', { name: '工作数据' }).click()
  root = await stationed(page)
  await root.getByRole('region', { name: '全街道' }).waitFor()
  await root.getByRole('button', { name: '累计' }).click()
  return root.getByRole('region', { name: '全街道' }).innerText()
}

it('a resident consents, posts a wish with a photo, downloads her data and closes her account; the figures stay the same', async () => {
  const { context, page } = await newPage(env.browser, { consented: false })
  try {
    let root = await openPage(page, env.site, '/pages/home/index?g=DA0103')
    const sheet = page.getByRole('dialog', { name: '隐私保护提示' })
    await sheet.waitFor()
    await shot(page, 'consent-first-visit')
    await sheet.getByRole('button', { name: '同意并继续' }).click()
    await sheet.waitFor({ state: 'detached' })

    await switchAccount(page, env.site, '切换为长者张桂兰')
    await postWishWithPhoto(page, env.site, '楼下长椅坏了')
    await shot(page, 'wish-with-photo')

    const before = await overallFigures(page)
    expect(before).toMatch(/完成心愿/)

    await switchAccount(page, env.site, '切换为长者张桂兰')
    root = await openPage(page, env.site, '/legal/pages/mydata/index')
    await root.getByRole('region', { name: '我们保存的记录' }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), root.getByRole('button', { name: '下载我的全部信息' }).click()])
    expect(download.suggestedFilename()).toMatch(/^东安社区服务-我的个人信息-\d{4}-\d{2}-\d{2}\.txt$/)
    const text = fs.readFileSync((await download.path())!, 'utf8')
    expect(text).toContain('姓名：张桂兰')
    expect(text).toMatch(/【微心愿】共\d+条/)
    expect(text).toContain('楼下长椅坏了')

    await root.getByRole('button', { name: '注销账号' }).click()
    await page.getByText('确定注销', { exact: true }).click()
    root = await stationed(page)
    await root.getByText('您的账号已注销').waitFor()
    await shot(page, 'account-closed')

    expect(await overallFigures(page)).toBe(before)
  } finally {
    await context.close()
  }
})
