import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { areaCardsSchema } from '@shared/schemas/card.schema'
import { apiClient } from '../support/api-client'
import { browserSessions } from '../support/browser'

/**
 * Personal data in a real browser: signing in from a card asks for consent to the privacy guide
 * first; someone who declines keeps reading the card; the specialist sees who filed an appeal and
 * can call them, a colleague sees the number masked; a member with no reminders left is told
 * 未开启提醒 and fixes it in one tap. en-0002 (韦琳, served by sp-001) is this file's enterprise.
 */
const { h5: H5, launch, close, newPhone, signIn, screenshot } = browserSessions('privacy')
const api = apiClient(inject('apiUrl'))
const ENTERPRISE = 'en-0002'
const FILER_PHONE = '18861046516'

beforeAll(launch)
afterAll(close)

async function cardIdOf(enterpriseId: string): Promise<string> {
  const token = await api.login('ad-xt-hitech')
  const cards = areaCardsSchema.parse((await api.call('GET', '/api/areas/xt-hitech/cards', { token })).body).cards
  return cards.find((c) => c.enterprise.id === enterpriseId)!.id
}

describe('the privacy guide and consent', () => {
  it('asks before signing in from a card; declining keeps the card readable; agreeing signs in and is recorded', async () => {
    const phone = await newPhone('privacy-new-user')
    await phone.goto(`${H5}/#/pages/card/index?scene=${await cardIdOf(ENTERPRISE)}`)
    await expect.poll(() => phone.locator('#card-enterprise').innerText(), { timeout: 15_000 }).toBe('湖南立恒供应链有限公司')

    await phone.locator('#card-file-appeal').click()
    await phone.locator('#privacy-sheet').waitFor()
    expect(await phone.locator('#privacy-sheet').innerText()).toContain('用户隐私保护指引')
    expect(await phone.locator('#privacy-sheet').innerText()).toContain('手机号')
    await screenshot(phone, 'consent-sheet')

    // 不同意: nobody is signed in, the card stays.
    await phone.locator('#privacy-decline').click()
    await expect.poll(() => phone.locator('#privacy-sheet').count()).toBe(0)
    expect(await phone.locator('#card-enterprise').innerText()).toBe('湖南立恒供应链有限公司')
    expect(await phone.locator('#card-specialist').innerText()).toContain('姜婷')
    expect(await phone.locator('#join-panel').count()).toBe(0)
    expect(await phone.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('qs.session.token'))).toBeNull()
    await screenshot(phone, 'declined-still-reads-card')

    // The whole guide is one tap from the card.
    await phone.locator('#card-privacy').click()
    await phone.locator('#privacy-guide').waitFor()
    expect(await phone.locator('#privacy-guide').innerText()).toContain('谁能看到')
    await phone.goBack()

    // 同意: signed in, asked who they are; the agreement is recorded with the account.
    await phone.locator('#card-file-appeal').click()
    await phone.locator('#privacy-agree').click()
    await phone.locator('#join-panel').waitFor({ timeout: 15_000 })
    await phone.goto(`${H5}/#/packages/account/data/index`)
    await phone.locator('#my-data-consent').waitFor({ timeout: 15_000 })
    expect(await phone.locator('#my-data-consent').innerText()).toContain('版本')
    await screenshot(phone, 'my-data')
  })
})

describe('the filer, for the specialist', () => {
  it('shows the specialist who filed it with a tap to call; a colleague sees the number masked', async () => {
    const staffToken = await api.login(`staff:${ENTERPRISE}`)
    const filed = await api.call('POST', '/api/appeals', {
      token: staffToken,
      headers: { 'idempotency-key': `e2e-privacy-${Date.now()}` },
      body: { enterpriseId: ENTERPRISE, categoryId: 'logistics', title: '夜班通勤公交', description: '夜班员工下班后无公交可乘，希望增开夜班线路。' },
    })
    expect(filed.status).toBe(201)
    const id = filed.body.appeal.id as string

    const specialist = await signIn('sp-001')
    await specialist.goto(`${H5}/#/packages/appeal/detail/index?id=${id}`)
    await specialist.locator('#appeal-filer').waitFor({ timeout: 15_000 })
    expect(await specialist.locator('#filer-name').innerText()).toBe('韦琳')
    expect(await specialist.locator('#filer-call').innerText()).toContain(FILER_PHONE)
    await screenshot(specialist, 'specialist-sees-filer')

    const colleague = await signIn(`staff:${ENTERPRISE}`)
    await colleague.goto(`${H5}/#/packages/appeal/detail/index?id=${id}`)
    await colleague.locator('#appeal-filer').waitFor({ timeout: 15_000 })
    expect(await colleague.locator('#filer-phone').innerText()).toBe('188****6516')
    expect(await colleague.locator('#filer-call').count()).toBe(0)
  })
})

describe('reminders for the enterprise', () => {
  it('shows 未开启提醒 while the member’s budget is 0, and one tap turns reminders on', async () => {
    const staffToken = await api.login(`staff:${ENTERPRISE}`)
    const budget = async () => ((await api.call('GET', '/api/subscriptions', { token: staffToken })).body.templates[0]?.budget ?? 0) as number
    expect(await budget()).toBe(0)
    const staff = await signIn(`staff:${ENTERPRISE}`)
    await staff.goto(`${H5}/#/pages/me/index`)
    await staff.locator('#me-reminders').waitFor({ timeout: 15_000 })
    expect(await staff.locator('#me-reminders').innerText()).toContain('未开启提醒')
    await screenshot(staff, 'me-reminders-off')

    const list = await api.call('GET', '/api/appeals?limit=1', { token: staffToken })
    await staff.goto(`${H5}/#/packages/appeal/detail/index?id=${list.body.items[0].id}`)
    await staff.locator('#detail-reminders').waitFor({ timeout: 15_000 })
    await screenshot(staff, 'detail-reminders-off')
    await staff.locator('#detail-reminders-enable').click()
    await expect.poll(() => staff.locator('#detail-reminders').count(), { timeout: 15_000 }).toBe(0)
    expect(await budget()).toBe(1)
  })
})
