import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSessions } from '../support/browser'

/** The city office's time rules as data: next year's holiday schedule, and the routing table. */
const { h5: H5, launch, close, signIn, screenshot } = browserSessions('rules')

beforeAll(launch)
afterAll(close)

describe('the working calendar page', () => {
  it('shows 2027 as provisional, refuses a wrong date by field, and loads the schedule', async () => {
    const admin = await signIn('ad-city')
    await admin.goto(`${H5}/#/packages/admin/calendar/index`)
    await expect.poll(() => admin.locator('#calendar-year-2027').innerText(), { timeout: 15_000 }).toContain('暂定')

    await admin.locator('#calendar-year input').fill('2027')
    await admin.locator('#calendar-holidays textarea').fill('2027-01-01\n2027-02-06 至 2027-02-13')
    await admin.locator('#calendar-workdays textarea').fill('2027-02-08')
    await admin.locator('#calendar-submit').click()
    await expect.poll(() => admin.locator('#calendar-workdays .field-error').innerText()).toContain('不是周末')
    await screenshot(admin, 'field-error')

    await admin.locator('#calendar-workdays textarea').fill('2027-02-14')
    await admin.locator('#calendar-submit').click()
    await admin.locator('.taro-modal__foot').getByText('确定', { exact: true }).click()
    await expect.poll(() => admin.locator('.taro-modal__text').innerText(), { timeout: 15_000 }).toContain('已重新计算')
    await admin.locator('.taro-modal__foot').getByText('确定', { exact: true }).click()
    await expect.poll(() => admin.locator('#calendar-year-2027').innerText(), { timeout: 15_000 }).toContain('已载入官方安排')
    await screenshot(admin, 'loaded')
  })

  it('edits one row of the routing table and shows it in the change history', async () => {
    const admin = await signIn('ad-city')
    await admin.goto(`${H5}/#/packages/admin/routing/index`)
    await admin.locator('#routing-power').click()
    await admin.locator('#routing-panel').waitFor()
    await admin.locator('#routing-resolve input').fill('0')
    await admin.locator('#routing-save').click()
    await expect.poll(() => admin.locator('#routing-resolve .field-error').innerText()).toContain('至少 1 个工作日')
    await admin.locator('#routing-department-drc').click()
    await admin.locator('#routing-resolve input').fill('6')
    await admin.locator('#routing-save').click()
    await expect.poll(() => admin.locator('#routing-power').innerText(), { timeout: 15_000 }).toContain('办结 6 日')
    await expect.poll(() => admin.locator('.routing-change').first().innerText()).toContain('办结 5 → 6 日')
    await screenshot(admin, 'routing')
  })
})

