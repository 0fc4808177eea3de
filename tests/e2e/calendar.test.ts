import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSessions } from '../support/browser'

/** The city admin loads next year's official holiday schedule on 工作日历. */
const { h5: H5, launch, close, signIn, screenshot } = browserSessions('calendar')

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
})
