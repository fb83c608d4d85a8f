/* 有事先商量 end to end on the production H5 build (embedded backend): a resident
 * reports a broken bench with a photo, a neighbour adds 我也遇到, a grid worker
 * accepts and answers, the resident confirms; staff put it on a 网格议事会 and
 * publish the decision, which the grid's residents read; an elder in 长辈模式
 * books a mediation at the judges' station. */
import type { Page } from 'playwright-core'
import { inChina } from '../../src/domain/chinaTime'
import { browserAndSite, newPage, openPage, shot, stationed, switchAccount } from './browser'

const env = browserAndSite('E2E_DIST', 'dist/h5')

const BENCH = '3栋门口的长椅断了一根木条，老人没处坐'

/** A small real PNG drawn in the page, as a photo from the phone's album. */
async function benchPhoto(page: Page): Promise<Buffer> {
  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 120
    canvas.height = 80
    const g = canvas.getContext('2d')!
    g.fillStyle = 'rgb(120, 90, 50)'
    g.fillRect(0, 0, 120, 80)
    return canvas.toDataURL('image/png').split(',')[1]
  })
  return Buffer.from(png, 'base64')
}

async function openMatter(page: Page, id: string) {
  const root = await openPage(page, env.site, `/matters/pages/detail/index?id=${id}`)
  await root.locator('.timeline').waitFor()
  return root
}

describe('有事先商量', () => {
  it('a broken bench: reported with a photo, 我也遇到, accepted, answered, confirmed; decided at a 网格议事会 the grid reads', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      // The resident reports it, with a photo, for the neighbours to see.
      await switchAccount(page, env.site, '切换为居民李明')
      let root = await openPage(page, env.site, '/matters/pages/raise/index')
      await root.getByRole('radio', { name: '设施损坏' }).click()
      await root.locator('#matter-text').fill(BENCH)
      await root.locator('#matter-building').fill('友谊路9号3栋')
      await root.getByRole('radio', { name: '让邻居看到（不显示姓名）' }).click()
      await root.locator('input.photos__file').setInputFiles({ name: 'bench.png', mimeType: 'image/png', buffer: await benchPhoto(page) })
      await root.getByRole('img', { name: '第1张照片' }).waitFor()
      await root.getByRole('button', { name: '提交', exact: true }).click()
      await page.waitForURL(/detail\/index\?id=mt/)
      const id = new URL(page.url().replace('#', '')).searchParams.get('id')!
      root = await stationed(page)
      const photo = root.getByRole('img', { name: '事项照片1' })
      await photo.waitFor()
      await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth === 120, await photo.elementHandle())
      await shot(page, 'matters-1-raised')

      // A second resident of the grid: 我也遇到 on the neighbours' list.
      await switchAccount(page, env.site, '切换为长者张桂兰')
      root = await openPage(page, env.site, '/matters/pages/public/index')
      await root.getByRole('button', { name: `我也遇到：${BENCH}` }).click()
      await root.getByText('我也遇到了').waitFor()
      expect(await root.getByText(/1位邻居也遇到/).count()).toBeGreaterThan(0)

      // The grid worker accepts and answers.
      await switchAccount(page, env.site, '切换为网格志愿者赵志强')
      root = await openMatter(page, id)
      await root.getByRole('button', { name: '受理', exact: true }).click()
      await root.getByText('受理网格员：赵志强').waitFor()
      await root.locator('#matter-reply').fill('已联系物业，长椅换成了新的')
      await root.getByRole('button', { name: '答复居民' }).click()
      await root.getByText('答复：已联系物业，长椅换成了新的', { exact: true }).waitFor()

      // The resident confirms it solved, and was told in 消息.
      await switchAccount(page, env.site, '切换为居民李明')
      root = await openMatter(page, id)
      await root.getByRole('button', { name: '确认已解决' }).click()
      await root.getByText('谢谢您的确认').waitFor()
      root = await openPage(page, env.site, '/inbox/pages/list/index')
      await root.getByText('您说的事有答复了').waitFor()

      // Staff schedule a 网格议事会 for the grid, put the matter on it and publish the decision.
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      root = await openPage(page, env.site, '/matters/pages/meeting-new/index')
      await root.getByRole('radio', { name: '东安社区第三网格' }).click()
      await root.locator('#meeting-date').fill(inChina(Date.now()).add(1, 'day').format('YYYY-MM-DD'))
      await root.locator('#meeting-start').fill('19:00')
      await root.locator('#meeting-place').fill('友谊路9号党群服务站二楼')
      await root.locator('#attendee-0').fill('陈桂芝')
      await root.locator('#attendee-1').fill('赵志强')
      await root.locator('#attendee-2').fill('马玉珍')
      await root.getByRole('button', { name: '安排议事会' }).click()
      await page.waitForURL(/meeting\/index\?id=mg/)
      root = await stationed(page)
      await root.getByRole('button', { name: `列入议程：${BENCH}` }).click()
      await root.getByText('已列入议程').waitFor()
      await root.locator(`#decision-${id}`).fill('物业每季度检查一次小区长椅')
      await root.getByRole('button', { name: '记录决议：第1项' }).click()
      await root.getByText('决议：物业每季度检查一次小区长椅', { exact: true }).waitFor()
      await root.locator('#meeting-minutes').fill('一项决议，由网格员跟进落实')
      await root.getByRole('button', { name: '公布决议' }).click()
      await root.getByText('决议已公布，本网格居民都能看到').waitFor()
      await shot(page, 'matters-2-meeting-published')

      // A resident of the grid reads it: in the meetings list, and on the matter.
      await switchAccount(page, env.site, '切换为长者张桂兰')
      root = await openPage(page, env.site, '/matters/pages/meetings/index')
      await root.getByRole('button', { name: /^查看决议：/ }).first().click()
      await page.waitForURL(/meeting\/index\?id=mg/)
      root = await stationed(page)
      await root.getByText('决议：物业每季度检查一次小区长椅', { exact: true }).waitFor()
      await root.getByText('会议决议：一项决议，由网格员跟进落实').waitFor()
      root = await openMatter(page, id)
      await root.getByText('决议：物业每季度检查一次小区长椅', { exact: true }).waitFor()
    } finally {
      await context.close()
    }
  })

  it('an elder in 长辈模式 sees who is on duty at the judges’ station and books a mediation', async () => {
    const { context, page } = await newPage(env.browser)
    try {
      await switchAccount(page, env.site, '切换为长者张桂兰')
      let root = await stationed(page)
      const toggle = root.locator('button[role="switch"][aria-label="长辈模式"]')
      await toggle.click()
      await root.locator('button[role="switch"][aria-label="长辈模式"][aria-checked="true"]').waitFor()

      root = await openPage(page, env.site, '/matters/pages/mediation/index')
      await root.getByText('本站轮值法官3位、金牌调解员5位').waitFor()
      await root.locator('[aria-label="选择时段"] button').first().click()
      await root.locator('#mediation-description').fill('楼上邻居家漏水到我家，协商几次都没有结果')
      const book = root.getByRole('button', { name: '预约调解' })
      // 长辈模式: the main button is a large target.
      expect((await book.boundingBox())!.height).toBeGreaterThanOrEqual(60)
      await book.click()
      await root.getByText('我的调解预约').waitFor()
      await root.getByRole('button', { name: '取消预约' }).first().waitFor()
      await shot(page, 'matters-3-elder-mediation')
    } finally {
      await context.close()
    }
  })
})
