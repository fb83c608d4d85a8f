/* 志愿活动 and 功能室 end to end on the production H5 build (embedded backend,
 * one browser context whose demo accounts take turns, so they share the
 * demo's data). The phone's clock is fixed by the test (Playwright's clock:
 * the embedded backend reads the same clock), and moved forward between the
 * check-in and the check-out as real time would pass: nothing in the app is
 * bypassed. */
import { execFileSync } from 'child_process'
import fs from 'fs'
import path from 'path'
import type { Locator, Page } from 'playwright-core'
import { inChina } from '../../src/domain/chinaTime'
import { SHOTS_DIR, browserAndSite, newPage, openPage, shot, stationed, switchAccount } from './browser'

const env = browserAndSite('E2E_DIST', 'dist/h5')

/** Tomorrow in China time (a weekday or not: the rooms used open every day). */
const day = inChina(Date.now()).add(1, 'day').format('YYYY-MM-DD')
const at = (clock: string) => new Date(`${day}T${clock}:00+08:00`)

/** What a real QR reader (zbarimg) reads off the shown QR image. */
async function decodeQr(qr: Locator, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  const file = path.join(SHOTS_DIR, `${name}.png`)
  await qr.screenshot({ path: file })
  return execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).trim()
}

async function setClock(page: Page, clock: string) {
  await page.clock.setFixedTime(at(clock))
}

/** The organiser's live code, as staff read it off the organiser page. */
async function liveCode(page: Page, activityId: string): Promise<string> {
  await switchAccount(page, env.site, '切换为工作人员刘芳')
  const root = await openPage(page, env.site, `/activity/pages/organiser/index?id=${activityId}`)
  const code = root.locator('.live-code')
  await code.waitFor()
  const text = (await code.innerText()).trim()
  expect(text).toMatch(/^\d{6}$/)
  return text
}

/** A volunteer types the code on the activity's page and presses 签到 or 签退. */
async function typeCode(page: Page, who: string, activityId: string, code: string, step: '签到' | '签退') {
  await switchAccount(page, env.site, who)
  const root = await openPage(page, env.site, `/activity/pages/detail/index?id=${activityId}`)
  await root.locator('#activity-code').fill(code)
  await root.getByRole('button', { name: step, exact: true }).click()
  return root
}

describe('志愿活动 on site', () => {
  it('staff publish, two volunteers sign up and check in with the live code, check out (by the live code, or the organiser typing the volunteer’s own code), and get their hours and certificate', async () => {
    const { context, page } = await newPage(env.browser, { time: at('08:40').toISOString() })
    try {
      // Staff publish an activity of tomorrow 09:00–11:00; it is 08:40, so check-in (from 08:30) is open.
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      let root = await openPage(page, env.site, '/activity/pages/publish/index')
      await root.locator('#activity-theme').fill('友谊路环境整治')
      await root.locator('#activity-date').fill(day)
      await root.locator('#activity-start').fill('09:00')
      await root.locator('#activity-end').fill('11:00')
      await root.locator('#activity-place').fill('友谊路9号小区广场')
      await root.locator('#activity-capacity').fill('10')
      await root.locator('#activity-bring').fill('手套')
      await root.locator('#activity-deadlineDate').fill(day)
      await root.locator('#activity-deadlineTime').fill('08:55')
      await root.getByRole('button', { name: '发布活动' }).click()
      await page.waitForURL(/activity\/pages\/detail\/index\?id=/)
      const id = new URL(page.url().replace('#', '')).searchParams.get('id')!
      root = await stationed(page)
      await root.getByText('友谊路环境整治').first().waitFor()

      // Two volunteers sign up.
      for (const who of ['切换为网格志愿者赵志强', '切换为网格志愿者孙丽娟']) {
        await switchAccount(page, env.site, who)
        root = await openPage(page, env.site, `/activity/pages/detail/index?id=${id}`)
        await root.getByRole('button', { name: '报名参加' }).click()
        await root.getByText('报名成功，请按时到场签到').waitFor()
      }

      // Both check in with the code on the organiser's phone.
      let code = await liveCode(page, id)
      // The same code as a QR: a reader gets the activity and the code.
      expect(await decodeQr((await stationed(page)).locator('img.live-qr'), 'activity-live-qr')).toBe(`HD:${id}:${code}`)
      await shot(page, 'activity-1-live-code')
      for (const who of ['切换为网格志愿者赵志强', '切换为网格志愿者孙丽娟']) {
        root = await typeCode(page, who, id, code, '签到')
        await root.getByText('签到成功（08:40）').waitFor()
      }
      // Two minutes later that code has expired: refused beside the field, and what was typed stays.
      await setClock(page, '08:42')
      root = await typeCode(page, '切换为网格志愿者孙丽娟', id, code, '签退')
      await root.locator('#activity-code-error').getByText(/签到码已过期/).waitFor()
      expect(await root.locator('#activity-code').inputValue()).toBe(code)
      await setClock(page, '10:20')

      // 09:00–10:20 counts 1 hour (half hours, rounded down); 赵志强 stays to 11:05 (2 hours, clamped to the end).
      // 孙丽娟 leaves at 10:20: she shows her own code and the organiser checks her out with it.
      await switchAccount(page, env.site, '切换为网格志愿者孙丽娟')
      root = await openPage(page, env.site, `/activity/pages/detail/index?id=${id}`)
      await root.getByRole('button', { name: '出示我的签到码' }).click()
      const own = root.locator('.live-code--personal')
      await own.waitFor()
      const ownCode = (await own.innerText()).trim()
      expect(ownCode).toMatch(/^\d{8}$/)
      expect(await decodeQr(root.locator('img.live-qr'), 'volunteer-own-qr')).toBe(`VP:${id}:${ownCode}`)
      await shot(page, 'activity-2-own-code')
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      root = await openPage(page, env.site, `/activity/pages/organiser/index?id=${id}`)
      await root.getByRole('radio', { name: '签退' }).click()
      await root.locator('#volunteer-code').fill(ownCode)
      await root.getByRole('button', { name: '确认签退' }).click()
      await root.getByText('孙丽娟 签退成功，本次服务1小时').waitFor()
      await setClock(page, '11:05')
      code = await liveCode(page, id)
      root = await typeCode(page, '切换为网格志愿者赵志强', id, code, '签退')
      await root.getByText('签退成功，本次服务2小时').waitFor()
      await root.getByText('服务时长：2小时').waitFor()

      // The organiser's roster shows both.
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      root = await openPage(page, env.site, `/activity/pages/organiser/index?id=${id}`)
      await root.getByText(/赵志强 · 已报名/).waitFor()
      expect(await root.locator('.roster-row', { hasText: '赵志强' }).innerText()).toMatch(/签到 08:40 · 签退 11:05 · 2小时/)
      expect(await root.locator('.roster-row', { hasText: '孙丽娟' }).innerText()).toMatch(/签到 08:40 · 签退 10:20 · 1小时/)

      // 赵志强's record counts the activity; the certificate lists it.
      await switchAccount(page, env.site, '切换为网格志愿者赵志强')
      root = await openPage(page, env.site, '/activity/pages/record/index')
      const entry = root.locator('.card', { hasText: '友谊路环境整治' })
      await entry.waitFor()
      expect(await entry.innerText()).toMatch(/2小时[\s\S]*组织单位：东安社区党委/)
      const total = await root.locator('.figures__value--big').innerText()
      await shot(page, 'activity-3-record')
      await root.getByRole('button', { name: '出具志愿服务证明' }).click()
      await page.waitForURL(/certificate\/index/)
      root = await stationed(page)
      await root.getByRole('heading', { name: '志愿服务证明' }).waitFor()
      const body = await root.locator('.certificate__body').innerText()
      expect(body).toContain('赵志强')
      expect(body).toContain(`累计服务${total}`)
      expect(body).toMatch(/友谊路环境整治[\s\S]*东安社区党委 · 2小时/)
      const certificateCode = (await root.locator('.certificate__code .live-code').innerText()).trim()
      expect(certificateCode).toMatch(/^[0-9A-F]{16}$/)
      await shot(page, 'activity-4-certificate')

      // Anyone checks it on the public page: the same totals, a masked name, no phone and no address.
      // (The embedded demo keeps its data in this browser context, so the check is opened here too.)
      {
        root = await openPage(page, env.site, `/activity/pages/verify/index?c=${certificateCode}`)
        const result = root.getByRole('region', { name: '查验结果' })
        await result.getByText('证明真实有效').waitFor()
        const shown = await result.innerText()
        expect(shown).toContain(`累计服务：${total}`)
        expect(shown).toContain('持证人：赵*强')
        expect(shown).not.toContain('赵志强')
        expect(shown).not.toMatch(/\d{11}|号|栋/)
        await shot(page, 'activity-5-verify')
      }
    } finally {
      await context.close()
    }
  })
})

describe('功能室 in 长辈模式', () => {
  it('an elder books the 棋牌室 and checks in at the door; staff close the room and her other booking shows why', async () => {
    const { context, page } = await newPage(env.browser, { time: at('13:30').toISOString() })
    try {
      await switchAccount(page, env.site, '切换为长者张桂兰')
      await (await stationed(page)).locator('button[role="switch"][aria-label="长辈模式"]').click()
      let root = await openPage(page, env.site, '/rooms/pages/list/index')
      await root.getByRole('button', { name: '预约：棋牌室' }).click()
      await page.waitForURL(/rooms\/pages\/detail\/index\?id=m2/)
      root = await stationed(page)
      const book = root.getByRole('button', { name: '预约 14:00–15:00' })
      await book.waitFor()
      // 长辈模式: targets at least 60 px high.
      expect((await book.boundingBox())!.height).toBeGreaterThanOrEqual(60)
      await book.click()
      await root.getByText(/已预约 .* 14:00/).waitFor()
      await root.getByRole('button', { name: '预约 16:00–17:00' }).click()
      await root.getByText(/已预约 .* 16:00/).waitFor()
      await shot(page, 'rooms-1-elder-booked')

      // At the door from 13:50: the door display shows the code of the moment; she types it.
      await setClock(page, '13:55')
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      root = await openPage(page, env.site, '/rooms/pages/door/index?id=m2')
      await root.getByRole('heading', { name: '棋牌室 到场签到' }).waitFor()
      const doorCode = (await root.locator('.door-code').innerText()).trim()
      expect(doorCode).toMatch(/^\d{6}$/)
      expect(await decodeQr(root.locator('img.live-qr'), 'room-door-qr')).toBe(`RM:m2:${doorCode}`)
      await shot(page, 'rooms-2-door-display')
      await switchAccount(page, env.site, '切换为长者张桂兰')
      root = await openPage(page, env.site, '/rooms/pages/mine/index')
      // The code of old (the room's name) is no door code any more.
      await root.locator('#room-door-code').fill('RM:m2')
      await root.getByRole('button', { name: '签到', exact: true }).click()
      await root.locator('#room-door-code-error').getByText(/6位数字/).waitFor()
      await root.locator('#room-door-code').fill(doorCode)
      await root.getByRole('button', { name: '签到', exact: true }).click()
      await root.getByText('棋牌室签到成功').waitFor()
      await root.locator('.card', { hasText: '14:00–15:00' }).getByText('已签到').waitFor()

      // Staff close the room 15:30–17:30 for a repair.
      await switchAccount(page, env.site, '切换为工作人员刘芳')
      root = await openPage(page, env.site, '/rooms/pages/detail/index?id=m2')
      await root.locator('#closure-from-date').fill(day)
      await root.locator('#closure-from-time').fill('15:30')
      await root.locator('#closure-to-date').fill(day)
      await root.locator('#closure-to-time').fill('17:30')
      await root.locator('#closure-reason').fill('空调维修')
      await root.getByRole('button', { name: '暂停开放并取消受影响的预约' }).click()
      await root.getByText('已暂停开放，取消了1个预约，预约人会看到原因').waitFor()

      await switchAccount(page, env.site, '切换为长者张桂兰')
      root = await openPage(page, env.site, '/rooms/pages/mine/index')
      const cancelled = root.locator('.card', { hasText: '16:00–17:00' })
      await cancelled.getByText('工作人员已取消：空调维修').waitFor()
      expect(await cancelled.locator('.badge').innerText()).toBe('已取消')
      expect(await root.locator('.card', { hasText: '14:00–15:00' }).locator('.badge').innerText()).toBe('已签到')
      await shot(page, 'rooms-3-elder-closed')
    } finally {
      await context.close()
    }
  })

  it('the 母婴室 shows 空闲, then 使用中 to others while a mother is inside, and 空闲 again when she leaves', async () => {
    const { context, page } = await newPage(env.browser, { time: at('10:00').toISOString() })
    try {
      await switchAccount(page, env.site, '切换为居民李明')
      let root = await openPage(page, env.site, '/rooms/pages/list/index')
      const card = root.locator('.card', { hasText: '母婴室' })
      expect(await card.locator('.badge').innerText()).toBe('空闲')
      await root.getByRole('button', { name: '我要使用：母婴室' }).click()
      await page.waitForURL(/detail\/index\?id=m4/)
      root = await stationed(page)
      await root.getByRole('button', { name: '我在使用' }).click()
      await root.getByText('已登记使用，10:30自动结束；离开时请点“离开”').waitFor()
      await root.locator('.room-status', { hasText: '使用中' }).waitFor()
      await shot(page, 'rooms-4-nursing-in-use')

      await switchAccount(page, env.site, '切换为长者张桂兰')
      root = await openPage(page, env.site, '/rooms/pages/detail/index?id=m4')
      await root.locator('.room-status', { hasText: '使用中' }).waitFor()
      await root.getByRole('button', { name: '我在使用' }).click()
      await root.getByText('母婴室正在使用中，请稍候再来').waitFor()

      await switchAccount(page, env.site, '切换为居民李明')
      root = await openPage(page, env.site, '/rooms/pages/detail/index?id=m4')
      await root.getByRole('button', { name: '离开' }).click()
      await root.getByText('已离开，谢谢').waitFor()
      await root.locator('.room-status', { hasText: '空闲' }).waitFor()
    } finally {
      await context.close()
    }
  })
})
