import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page, Response } from 'playwright-core'
import { apiClient } from '../support/api-client'
import { browserSessions } from '../support/browser'

/**
 * Ways into the product found by using it from outside: a specialist's 我服务的企业, a card link
 * that leads nowhere (or cannot load), and the site icon every browser asks the h5 build for.
 */
const { h5: H5, launch, close, newPhone, signIn, screenshot } = browserSessions('entry')
const api = apiClient(inject('apiUrl'))

beforeAll(launch)
afterAll(close)

// sp-025 (贾琳秀, 湘乡经开区) serves these five enterprises in the demo city.
const PORTFOLIO = ['en-0145', 'en-0147', 'en-0152', 'en-0164', 'en-0187']

/** Every HTTP answer of 400 or more the page received, as "status url". */
function failedResponses(page: Page): string[] {
  const failed: string[] = []
  page.on('response', (response: Response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
  })
  return failed
}

describe('a specialist’s own portfolio (我服务的企业)', () => {
  it('shows the enterprises they serve, read-only: scale, open appeals and card, no admin controls', async () => {
    const filed = await api.call('POST', '/api/appeals', {
      token: await api.login('staff:en-0145'),
      headers: { 'Idempotency-Key': `e2e-portfolio-${Date.now()}` },
      body: { enterpriseId: 'en-0145', categoryId: 'water', title: '厂区供水压力不足', description: '高峰时段供水压力不足，影响生产' },
    })
    expect(filed.status).toBe(201)

    const specialist = await signIn('sp-025')
    const failed = failedResponses(specialist)
    await specialist.goto(`${H5}/#/pages/me/index`)
    await specialist.locator('#menu-portfolio').click()
    await specialist.locator('#enterprise-en-0145').waitFor({ timeout: 15_000 })
    await expect.poll(() => specialist.locator('[id^=enterprise-en-]').count()).toBe(PORTFOLIO.length)
    for (const id of PORTFOLIO) await expect.poll(() => specialist.locator(`#enterprise-${id}`).count()).toBe(1)

    const first = specialist.locator('#enterprise-en-0145')
    await expect.poll(() => first.innerText()).toContain('湘潭致远供应链有限公司')
    await expect.poll(() => first.innerText()).toContain('规上')
    await expect.poll(() => first.innerText()).toContain('未办结 1 件')
    await expect.poll(() => specialist.locator('#enterprise-en-0152').innerText()).toContain('临规')
    await expect.poll(() => specialist.title()).toBe('我服务的企业')
    const page = await specialist.locator('.page').first().innerText()
    expect(page).not.toContain('此页面仅供')
    expect(page).not.toContain('调整专员')
    expect(page).not.toContain('选择属地')
    expect(await specialist.locator('[id^=reassign-], #area-picker, #reassign-panel, [id^=handover-]').count()).toBe(0)
    await screenshot(specialist, 'specialist-portfolio')

    // The page's filter is one the server answers for a specialist.
    await specialist.locator('#open-appeals-only').click()
    await expect.poll(() => specialist.locator('[id^=enterprise-en-]').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => specialist.locator('#enterprise-en-0145').count()).toBe(1)
    await specialist.locator('#open-appeals-only').click()
    await expect.poll(() => specialist.locator('[id^=enterprise-en-]').count(), { timeout: 15_000 }).toBe(PORTFOLIO.length)

    // Nothing the page asked for was refused (no roster of specialists, no admin routes).
    expect(failed).toEqual([])

    // Each enterprise's card opens as the enterprise sees it.
    await specialist.locator('#card-link-en-0145').click()
    await expect.poll(() => specialist.locator('#card-enterprise').innerText(), { timeout: 15_000 }).toBe('湘潭致远供应链有限公司')
    await expect.poll(() => specialist.locator('#card-specialist').innerText()).toContain('贾琳秀')
  })

  it('still gives the area admin the area roster with 服务专员 and 调整专员', async () => {
    const admin = await signIn('ad-xiangxiang')
    await admin.goto(`${H5}/#/packages/admin/enterprises/index?specialistId=sp-025`)
    await admin.locator('#reassign-en-0145').waitFor({ timeout: 15_000 })
    await expect.poll(() => admin.locator('[id^=enterprise-en-]').count()).toBe(PORTFOLIO.length)
    await expect.poll(() => admin.locator('#portfolio-banner').innerText()).toContain('贾琳秀')
    await expect.poll(() => admin.locator('#enterprise-en-0145').innerText()).toContain('服务专员')
    expect(await admin.locator('[id^=card-link-]').count()).toBe(0)
    await admin.locator('#reassign-en-0145').click()
    await admin.locator('#reassign-panel').waitFor({ timeout: 15_000 })
    await screenshot(admin, 'admin-roster-reassign')
  })
})

describe('a contact-card link that leads nowhere', () => {
  it('says a malformed or unknown card is invalid, offers no retry, and points to people and home', async () => {
    const phone = await newPhone('bad-card-link')
    for (const scene of ['doesnotexist123', 'zzzzzzzzzzzzzzzzzzzz']) {
      await phone.goto(`${H5}/#/pages/card/index?scene=${scene}`)
      await phone.locator('#card-invalid').waitFor({ timeout: 15_000 })
      const text = await phone.locator('#card-invalid').innerText()
      expect(text).toContain('联系卡无效或已停用')
      expect(text).toMatch(/专员|园区/)
      expect(await phone.locator('.retry-button').count()).toBe(0)
      expect(await phone.getByText('重试', { exact: true }).count()).toBe(0)
      expect(await phone.locator('#card-enterprise, #card-specialist, #card-file-appeal').count()).toBe(0)
      await screenshot(phone, `card-invalid-${scene}`)
    }
    await phone.locator('#card-go-home').click()
    // Home: the appeal list, which sends a visitor with no session on to sign in.
    await phone.waitForURL(/pages\/(index|login)\/index/, { timeout: 15_000 })
  })

  it('offers 重试 when the card could not be loaded, and the retry works', async () => {
    const adminToken = await api.login('ad-xt-hitech')
    const cards = await api.call('GET', '/api/areas/xt-hitech/cards', { token: adminToken })
    const card = cards.body.cards.find((c: { enterprise: { id: string } }) => c.enterprise.id === 'en-0001')
    const phone = await newPhone('card-offline')
    await phone.route('**/api/cards/**', (route) => route.abort('internetdisconnected'))
    await phone.goto(`${H5}/#/pages/card/index?scene=${card.id}`)
    await phone.locator('.retry-button').waitFor({ timeout: 30_000 })
    expect(await phone.locator('#card-invalid').count()).toBe(0)
    await expect.poll(() => phone.locator('.state-error').innerText()).toContain('网络')
    await screenshot(phone, 'card-network-error')
    await phone.unroute('**/api/cards/**')
    await phone.locator('.retry-button').click()
    await expect.poll(() => phone.locator('#card-enterprise').innerText(), { timeout: 15_000 }).toBe('湖南锦程汽车零部件有限公司')
  })
})

describe('the site icon', () => {
  it('is served at /favicon.ico and linked from the page, and no page load meets a 404', async () => {
    const icon = await fetch(`${H5}/favicon.ico`)
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toMatch(/^image\//)
    const bytes = Buffer.from(await icon.arrayBuffer())
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])) // an ICO file's header

    const phone = await newPhone('favicon')
    const failed = failedResponses(phone)
    const seen: string[] = []
    phone.on('response', (response: Response) => seen.push(`${response.status()} ${new URL(response.url()).pathname}`))
    await phone.goto(`${H5}/#/pages/login/index`)
    await phone.locator('#identity-sp-007').waitFor({ timeout: 15_000 })
    const linked = await phone.locator('link[rel~=icon]').evaluateAll((links) => links.map((l) => (l as unknown as { href: string }).href))
    expect(linked.length).toBeGreaterThan(0)
    for (const href of linked) expect((await fetch(href)).status).toBe(200)
    await phone.locator('#identity-sp-007').click()
    await phone.locator('.appeal-card, .state-empty').first().waitFor({ timeout: 15_000 })
    await phone.goto(`${H5}/#/pages/me/index`)
    await phone.locator('#me-name').waitFor({ timeout: 15_000 })
    await phone.waitForTimeout(500)
    expect(failed).toEqual([])
    expect(seen.length).toBeGreaterThan(0)
  })
})
