import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSessions } from '../support/browser'

/**
 * The closed loop in a real browser against the h5 build, the offline API and DynamoDB Local:
 * staff file → specialist accepts, notes and responds → staff evaluate → closed, with timeline.
 */
const { h5: H5, launch, close, signIn, screenshot } = browserSessions('loop')

async function openAppeal(page: Page, appealId: string) {
  await page.goto(`${H5}/#/packages/appeal/detail/index?id=${appealId}`)
  await page.locator('#appeal-status').waitFor()
}

async function act(page: Page, action: string, fill: { choice?: string; message?: string } = {}) {
  await page.locator(`#action-${action}`).click()
  await page.locator(`#panel-${action}`).waitFor()
  if (fill.choice) await page.locator(`#${fill.choice}`).click()
  if (fill.message) await page.locator('#action-message textarea').fill(fill.message)
}

async function submitAction(page: Page, expectedStatus: string) {
  await page.locator('#action-submit').click()
  await expect.poll(() => page.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe(expectedStatus)
}

beforeAll(launch)
afterAll(close)

describe('the closed loop in the h5 mini-program', () => {
  it('files, accepts, responds, evaluates and closes an appeal, with its timeline', async () => {
    const title = `新厂房用电接入 ${Date.now() % 100000}`

    // 1. Enterprise staff file an appeal.
    const staff = await signIn('staff:en-0001')
    await screenshot(staff, 'staff-home')
    await staff.locator('#new-appeal').click()
    await staff.locator('#category-power').click()
    await staff.locator('#submit-appeal').click()
    // The shared schema refuses an empty form before anything is sent.
    await expect.poll(() => staff.locator('.field-error').count()).toBeGreaterThan(0)
    await screenshot(staff, 'staff-form-errors')
    await staff.locator('#title-input input').fill(title)
    await staff.locator('#description-input textarea').fill('新厂房需要接入 10kV 线路，供电申请已提交三周，尚无回复。')
    await screenshot(staff, 'staff-form-filled')
    await staff.locator('#submit-appeal').click()
    await staff.locator('#appeal-status').waitFor()
    expect(await staff.locator('#appeal-status').innerText()).toBe('待受理')
    const appealId = new URL(staff.url().replace('#', '')).searchParams.get('id')
    expect(appealId).toMatch(/^ap-/)
    await screenshot(staff, 'staff-filed')

    // 2. The specialist finds it in the inbox, accepts, reports progress and responds.
    const specialist = await signIn('sp-007')
    await specialist.locator(`#appeal-${appealId}`).waitFor()
    await screenshot(specialist, 'specialist-inbox')
    await specialist.locator(`#appeal-${appealId}`).click()
    await specialist.locator('#appeal-status').waitFor()
    await act(specialist, 'accept')
    await submitAction(specialist, '办理中')
    await act(specialist, 'note', { message: '已约供电公司周三到现场勘察。' })
    await specialist.locator('#action-submit').click()
    await expect.poll(() => specialist.locator('.timeline-event').count(), { timeout: 15_000 }).toBe(3)
    await act(specialist, 'respond', { choice: 'outcome-resolved', message: '供电方案已批复，线路将于本周五接通。' })
    // The routed co-handlers have not replied: answering first needs a reason.
    await specialist.locator('#open-tasks').waitFor()
    await specialist.locator('#open-task-reason textarea').fill('供电公司已口头确认，先行答复企业。')
    await screenshot(specialist, 'specialist-respond')
    await submitAction(specialist, '已答复')
    await screenshot(specialist, 'specialist-responded')

    // 3. The staff evaluate; the appeal closes and the whole timeline is there.
    await openAppeal(staff, appealId!)
    expect(await staff.locator('#appeal-status').innerText()).toBe('已答复')
    await act(staff, 'evaluate', { choice: 'rating-satisfied', message: '响应及时，问题解决了，谢谢！' })
    await submitAction(staff, '已办结')
    const timeline = await staff.locator('#timeline .timeline-event').allInnerTexts()
    expect(timeline).toHaveLength(5)
    expect(timeline.join('\n')).toContain('供电方案已批复')
    expect(timeline.join('\n')).toContain('响应及时')
    await screenshot(staff, 'staff-closed')

    // The specialist's list shows it closed.
    await specialist.goto(`${H5}/#/pages/index/index`)
    await specialist.locator('#filter-closed').click()
    await specialist.locator(`#appeal-${appealId}`).waitFor()
    await screenshot(specialist, 'specialist-closed-filter')
  })
})
