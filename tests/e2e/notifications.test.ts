import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { apiClient } from '../support/api-client'
import { browserSessions } from '../support/browser'

/**
 * Notifications in a real browser against the h5 build: the in-app inbox with its bell, the
 * subscribe-message budget topped up at natural taps (a local h5 build plays the user who
 * accepts), and the pushes the local WeChat stand-in "sent", as /dev/wechat shows them.
 *
 * A pair no other browser suite touches, so that counts can be compared exactly while they run
 * on the same stack: 雨湖区's first demo enterprise, its specialist and the area's admin.
 */
const ENTERPRISE = 'en-0241'
const STAFF_NAME = '贺洋娜'
const SPECIALIST = 'sp-042'
const SPECIALIST_NAME = '叶鹏'
const ADMIN = 'ad-yuhu'

const API = inject('apiUrl')
const api = apiClient(API)
const { h5: H5, launch, close, newPhone, signIn, screenshot } = browserSessions('notifications')

/** The bell of the page shown (h5 keeps the other tab page in the DOM, hidden). */
const bell = (page: Page) => page.locator('#inbox-bell:visible')

/** The bell's number on the page shown; 0 while it shows none. */
async function badge(page: Page): Promise<number> {
  await bell(page).waitFor()
  const shown = page.locator('#inbox-badge:visible')
  return (await shown.count()) ? Number(await shown.innerText()) : 0
}

async function unreadOf(token: string): Promise<number> {
  const reply = await api.call<{ unread: number }>('GET', '/api/notifications/unread-count', { token })
  expect(reply.status).toBe(200)
  return reply.body.unread
}

async function firstBudgetOf(token: string): Promise<number> {
  const reply = await api.call<{ templates: { budget: number }[] }>('GET', '/api/subscriptions', { token })
  expect(reply.status).toBe(200)
  return reply.body.templates[0]?.budget ?? 0
}

/** What the phones show on the local WeChat page, read afresh. */
async function wechatPage(page: Page): Promise<string> {
  await page.goto(`${API}/dev/wechat`)
  return page.locator('body').innerText()
}

beforeAll(launch)
afterAll(close)

describe('notifications in the h5 mini-program', () => {
  it('pushes a new appeal to its specialist, who reads it from the bell; the admin sees who has reminders off', async () => {
    const title = `厂区道路破损 ${Date.now() % 100000}`
    const specialistToken = await api.login(SPECIALIST)
    const staffToken = await api.login(`staff:${ENTERPRISE}`)

    // 1. The specialist opens 消息 from the bell: nothing yet, and reminders are off — the banner
    //    asks, and its tap (the local build's stand-in user accepts) gives a budget.
    const specialist = await signIn(SPECIALIST)
    const before = await unreadOf(specialistToken)
    await expect.poll(() => badge(specialist)).toBe(before)
    await bell(specialist).click()
    await specialist.locator('#reminder-banner').waitFor()
    expect(await specialist.locator('#reminder-banner').innerText()).toContain('开启消息提醒，新诉求第一时间通知您')
    if (before === 0) await specialist.locator('.state-empty', { hasText: '暂无消息' }).waitFor()
    await screenshot(specialist, 'specialist-inbox-empty')
    expect(await firstBudgetOf(specialistToken)).toBe(0)
    await specialist.locator('#enable-reminders').click()
    await expect.poll(() => specialist.locator('#reminder-banner').count(), { timeout: 15_000 }).toBe(0)
    expect(await firstBudgetOf(specialistToken)).toBe(1)

    // 2. The enterprise files an appeal; submitting is its own natural tap (progress messages).
    const staff = await signIn(`staff:${ENTERPRISE}`)
    expect(await firstBudgetOf(staffToken)).toBe(0)
    await staff.locator('#new-appeal').click()
    await staff.locator('#category-other').click()
    await staff.locator('#title-input input').fill(title)
    await staff.locator('#description-input textarea').fill('厂区门口道路坑洼，货车进出困难，希望尽快修复。')
    await staff.locator('#submit-appeal').click()
    await staff.locator('#appeal-status').waitFor()
    const appealId = new URL(staff.url().replace('#', '')).searchParams.get('id')!
    expect(appealId).toMatch(/^ap-/)
    await expect.poll(() => firstBudgetOf(staffToken)).toBe(1)

    // 3. WeChat "delivered" it to the specialist's phone, which spent the budget.
    const wechat = await newPhone('wechat', { width: 1100, height: 900 })
    await expect.poll(() => wechatPage(wechat), { timeout: 30_000, interval: 1_000 }).toContain(title)
    const phones = await wechat.locator('.phone').allInnerTexts()
    const phone = phones.find((text) => text.includes(SPECIALIST_NAME))
    expect(phone).toContain('待办事项提醒')
    expect(phone).toContain(title)
    await screenshot(wechat, 'wechat-pushed-to-specialist')
    await expect.poll(() => firstBudgetOf(specialistToken)).toBe(0)

    // 4. The area admin's 专员名册 marks the specialists whom new work would not reach.
    const admin = await signIn(ADMIN)
    await admin.goto(`${H5}/#/packages/admin/specialists/index`)
    await admin.locator(`#specialist-${SPECIALIST}`).waitFor()
    await admin.locator(`#push-off-${SPECIALIST}`).waitFor()
    expect(await admin.locator(`#push-off-${SPECIALIST}`).innerText()).toContain('未开启提醒')
    await screenshot(admin, 'roster-reminders-off')

    // 5. The specialist's bell counts it; the inbox lists it under 今天, unread.
    await specialist.goto(`${H5}/#/pages/index/index`)
    await expect.poll(() => badge(specialist), { timeout: 15_000 }).toBe(before + 1)
    await screenshot(specialist, 'specialist-bell')
    await bell(specialist).click()
    const item = specialist.locator('.inbox-item', { hasText: title })
    await item.waitFor()
    expect(await specialist.locator('#inbox-list .inbox-day-label').first().innerText()).toBe('今天')
    expect(await item.getAttribute('class')).toContain('inbox-item-unread')
    expect(await item.innerText()).toContain('新诉求')
    expect(await specialist.locator('#inbox-unread').innerText()).toBe(`${before + 1} 条未读`)
    await screenshot(specialist, 'specialist-inbox')

    // 6. Tapping it marks it read and opens the appeal; the tap also asks again (budget spent).
    await item.click()
    await specialist.locator('#appeal-status').waitFor()
    expect(new URL(specialist.url().replace('#', '')).searchParams.get('id')).toBe(appealId)
    expect(await specialist.locator('#appeal-status').innerText()).toBe('待受理')
    await screenshot(specialist, 'specialist-opened-from-inbox')
    await expect.poll(() => unreadOf(specialistToken)).toBe(before)
    await expect.poll(() => firstBudgetOf(specialistToken)).toBe(1)
    await specialist.goto(`${H5}/#/pages/index/index`)
    await expect.poll(() => badge(specialist), { timeout: 15_000 }).toBe(before)
    await bell(specialist).click()
    await item.waitFor()
    expect(await item.getAttribute('class')).not.toContain('inbox-item-unread')

    // The admin's roster no longer marks them.
    await expect
      .poll(
        async () => {
          await admin.reload()
          await admin.locator(`#specialist-${SPECIALIST}`).waitFor()
          return admin.locator(`#push-off-${SPECIALIST}`).count()
        },
        { timeout: 15_000 },
      )
      .toBe(0)

    // 7. The specialist accepts: the enterprise's bell and phone hear of it.
    await specialist.goto(`${H5}/#/packages/appeal/detail/index?id=${appealId}`)
    await specialist.locator('#action-accept').click()
    await specialist.locator('#panel-accept').waitFor()
    await specialist.locator('#action-submit').click()
    await expect.poll(() => specialist.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe('办理中')

    await staff.goto(`${H5}/#/pages/me/index`)
    await expect.poll(() => badge(staff), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
    await screenshot(staff, 'staff-bell')
    await bell(staff).click()
    await staff.locator('.inbox-item', { hasText: title }).first().waitFor()
    await staff.locator('#mark-all-read').click()
    await expect.poll(() => staff.locator('#inbox-list .inbox-item-unread').count(), { timeout: 15_000 }).toBe(0)
    expect(await unreadOf(staffToken)).toBe(0)
    await screenshot(staff, 'staff-inbox-all-read')

    await expect.poll(() => wechatPage(wechat), { timeout: 30_000, interval: 1_000 }).toContain(STAFF_NAME)
    const staffPhone = (await wechat.locator('.phone').allInnerTexts()).find((text) => text.includes(STAFF_NAME))
    expect(staffPhone).toContain('诉求办理进度通知')
    await screenshot(wechat, 'wechat-pushed-to-staff')
  })
})
