import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSessions } from '../support/browser'

/**
 * 升规入统 in a real browser against the h5 build: after a visit the specialist enters a month's
 * figures for a near-scale enterprise and moves it to 申报; the area admin's board counts it.
 */
const { h5: H5, launch, close, signIn, screenshot } = browserSessions('upgrade')

// en-0009 (湖南知行电磁线, near-scale industry, 湘潭高新区) is served by sp-001.
const ENTERPRISE = 'en-0009'

beforeAll(launch)
afterAll(close)

/** Opens 升规看板 from 我的 on a freshly loaded app (so that no earlier board page lingers in the DOM). */
async function openBoard(admin: Page): Promise<number> {
  await admin.goto('about:blank')
  await admin.goto(`${H5}/#/pages/me/index`)
  await admin.locator('#menu-upgrade-board').click()
  await admin.locator('#board-applying').waitFor({ timeout: 15_000 })
  return Number((await admin.locator('#board-applying .upgrade-count-value').innerText()).trim())
}

describe('the upgrade pipeline in the h5 mini-program', () => {
  it('a specialist enters a month’s figures and moves the enterprise to 申报; the board changes', async () => {
    const admin = await signIn('ad-xt-hitech')
    const applyingBefore = await openBoard(admin)

    const specialist = await signIn('sp-001')
    await specialist.goto(`${H5}/#/pages/me/index`)
    await specialist.locator('#menu-upgrade-list').click()
    const row = specialist.locator(`#upgrade-${ENTERPRISE}`)
    await row.waitFor({ timeout: 15_000 })
    expect(await row.innerText()).toContain('尚未建档')
    await row.click()

    // The form starts at the month due (last month); a negative figure is refused under its field.
    await specialist.locator('#figure-form').waitFor({ timeout: 15_000 })
    const month = await specialist.locator('#figure-month input').inputValue()
    expect(month).toMatch(/^\d{4}-\d{2}$/)
    await specialist.locator('#figure-revenue input').fill('-5')
    await specialist.locator('#figure-employees input').fill('66')
    await specialist.locator('#figure-submit').click()
    await expect.poll(() => specialist.locator('#figure-form .field-error').first().innerText()).toContain('不能为负数')

    await specialist.locator('#figure-revenue input').fill('1650')
    await specialist.locator('#figure-submit').click()
    await specialist.locator(`#figure-${month}`).waitFor({ timeout: 15_000 })
    expect(await specialist.locator(`#figure-${month}`).innerText()).toContain('1650')
    // The projection is explained in words, with the distance to the 2000 万元 threshold.
    expect(await specialist.locator('#upgrade-projection').innerText()).toContain('推算')
    expect(await specialist.locator('#upgrade-distance').innerText()).toMatch(/万元/)
    await screenshot(specialist, 'file-after-figure')

    await specialist.locator('#move-apply').click()
    await specialist.locator('#move-form').waitFor()
    await specialist.locator('#move-note textarea').fill('走访后确认已达标，报送统计局')
    await specialist.locator('#move-submit').click()
    await expect.poll(() => specialist.locator('#upgrade-stage').innerText(), { timeout: 15_000 }).toBe('申报')
    expect(await specialist.locator('#upgrade-timeline').innerText()).toContain('申报入规')
    await screenshot(specialist, 'file-applied')

    expect(await openBoard(admin)).toBe(applyingBefore + 1)
    expect(await admin.locator('#board-moved').innerText()).toContain('湖南知行电磁线')
    await screenshot(admin, 'board')
  })
})
