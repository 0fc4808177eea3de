import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APPEAL_NUMBER_PATTERN } from '@shared/domain/appeal-number'
import { browserSessions } from '../support/browser'

/**
 * 诉求编号 in the h5 mini-program: the number the filing gets is on its page and its list row,
 * and an official who is read it on the phone finds the appeal by it; the roster's search box.
 */
const { launch, close, signIn, screenshot } = browserSessions('numbers')

beforeAll(launch)
afterAll(close)

describe('appeal numbers and searches in the h5 mini-program', () => {
  it('shows the number of a filed appeal, and the specialist finds it by that number', async () => {
    const staff = await signIn('staff:en-0001')
    await staff.locator('#new-appeal').click()
    await staff.locator('#category-water').click()
    await staff.locator('#title-input input').fill(`厂区供水压力不足 ${Date.now() % 100000}`)
    await staff.locator('#description-input textarea').fill('高峰时段供水压力不足，影响生产线冷却。')
    await staff.locator('#submit-appeal').click()
    await staff.locator('#appeal-number').waitFor()
    const number = (await staff.locator('#appeal-number').innerText()).trim()
    expect(number).toMatch(APPEAL_NUMBER_PATTERN)
    const appealId = new URL(staff.url().replace('#', '')).searchParams.get('id')!
    // No internal id anywhere on the page a person reads.
    expect(await staff.locator('body').innerText()).not.toContain(appealId)
    await screenshot(staff, 'staff-number')

    const specialist = await signIn('sp-007')
    await specialist.locator(`#appeal-number-${appealId}`).waitFor()
    expect((await specialist.locator(`#appeal-number-${appealId}`).innerText()).trim()).toBe(number)
    // Typed as heard: lower case.
    await specialist.locator('#number-search-input input').fill(number.toLowerCase())
    await specialist.locator('#number-search-go').click()
    await specialist.locator(`#found-appeal-${appealId}`).waitFor()
    await screenshot(specialist, 'specialist-found')
    await specialist.locator('#number-search-input input').fill('20261205')
    await specialist.locator('#number-search-go').click()
    await expect.poll(() => specialist.locator('#number-search-problem').innerText()).toContain('诉求编号格式应如')

    // Another park's admin may not read it: "not found", as for a number nobody holds.
    const otherAdmin = await signIn('ad-yuhu')
    await otherAdmin.locator('#number-search-input input').fill(number)
    await otherAdmin.locator('#number-search-go').click()
    await expect.poll(() => otherAdmin.locator('#number-search-none').innerText()).toContain(number)
  })
})
