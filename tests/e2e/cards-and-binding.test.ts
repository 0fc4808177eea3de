import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { apiClient } from '../support/api-client'
import { browserSessions } from '../support/browser'

/**
 * 一码直通 in a real browser: an area admin imports a roster and prints the area's cards; a new
 * WeChat user (the local stand-in) opens a card, files an appeal at once while pending; the
 * specialist approves the binding and the member then sees the enterprise's appeals.
 */
const { h5: H5, launch, close, newPhone, signIn, screenshot, artifact } = browserSessions('cards')
const api = apiClient(inject('apiUrl'))
const ROSTER = join(process.cwd(), 'tests', 'fixtures', 'roster', 'good.xlsx')

beforeAll(launch)
afterAll(close)

describe('contact cards, WeChat sign-in and binding', () => {
  it('imports a roster and prints the area’s cards', async () => {
    const admin = await signIn('ad-xt-hitech', { width: 1024, height: 900 })
    await admin.goto(`${H5}/#/packages/admin/roster/index`)
    await admin.locator('#roster-pick').click()
    await admin.locator('input[type=file]').setInputFiles(ROSTER)
    await admin.locator('#roster-summary').waitFor({ timeout: 30_000 })
    await expect.poll(() => admin.locator('[id^=roster-row-]').count()).toBe(5)
    await screenshot(admin, 'roster-dry-run')
    await admin.locator('#roster-apply').click()
    await admin.locator('#roster-result').waitFor({ timeout: 30_000 })
    await screenshot(admin, 'roster-imported')

    await admin.goto(`${H5}/#/packages/admin/cards/index`)
    await admin.locator('#cards-sheet').waitFor({ timeout: 30_000 })
    await expect.poll(() => admin.locator('#cards-sheet img').count(), { timeout: 15_000 }).toBeGreaterThan(10)
    // The QR images are really there: every one loaded with a size.
    await expect
      .poll(() => admin.locator('#cards-sheet img').evaluateAll((imgs) => imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length), { timeout: 30_000 })
      .toBe(await admin.locator('#cards-sheet img').count())
    await expect.poll(() => admin.locator('#cards-sheet').innerText()).toContain('湘潭弘远新材料有限公司')
    await admin.locator('#cards-sheet [id^=card-]').first().screenshot({ path: artifact('one-card') })
    await admin.emulateMedia({ media: 'print' })
    await screenshot(admin, 'cards-print-sheet')
    const pdf = await admin.pdf({ path: artifact('cards-print-sheet', 'pdf'), format: 'A4', printBackground: true })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')

    // 保存图片: one card as a PNG for sending in a chat.
    const cardId = (await admin.locator('#cards-sheet [id^=card-]').first().getAttribute('id'))!.replace(/^card-/, '')
    await admin.emulateMedia({ media: 'screen' })
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator(`#save-card-${cardId}`).click()])
    expect(download.suggestedFilename()).toMatch(/^联系卡-.+\.png$/)
    const png = readFileSync((await download.path())!)
    expect(png.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    writeFileSync(artifact('card-download'), png)
  })

  it('lets a new WeChat user file from a card at once; the specialist approves the binding', async () => {
    const adminToken = await api.login('ad-xt-hitech')
    const cards = await api.call('GET', '/api/areas/xt-hitech/cards', { token: adminToken })
    const card = cards.body.cards.find((c: { enterprise: { id: string } }) => c.enterprise.id === 'en-0001')
    expect(card).toBeDefined()
    const staffToken = await api.login('staff:en-0001')
    const colleague = await api.call('POST', '/api/appeals', {
      token: staffToken,
      headers: { 'idempotency-key': `e2e-colleague-${Date.now()}` },
      body: { enterpriseId: 'en-0001', categoryId: 'water', title: '同事的用水诉求', description: '厂区供水压力不足，影响生产' },
    })
    expect(colleague.status).toBe(201)

    // A phone that has never used the mini-program opens the card's link.
    const phone = await newPhone('new-wechat-user')
    await phone.goto(`${H5}/#/pages/card/index?scene=${card.id}`)
    await expect.poll(() => phone.locator('#card-enterprise').innerText()).toBe('湖南锦程汽车零部件有限公司')
    await expect.poll(() => phone.locator('#card-specialist').innerText()).toContain('徐慧萍')
    await screenshot(phone, 'card-page')

    await phone.locator('#card-file-appeal').click()
    // Signing in with WeChat asks for consent to the privacy guide first (tests/e2e/privacy.test.ts).
    await phone.locator('#privacy-agree').click()
    // First time: say who you are. The shared schema refuses an empty name before anything is sent.
    await phone.locator('#join-panel').waitFor({ timeout: 15_000 })
    await phone.locator('#join-submit').click()
    await expect.poll(() => phone.locator('#join-name .field-error').innerText()).toContain('姓名')
    await phone.locator('#join-name input').fill('王晓东')
    await phone.locator('#join-phone input').fill('13812345678')
    await screenshot(phone, 'card-join')
    await phone.locator('#join-submit').click()
    await phone.locator('#title-input input').waitFor({ timeout: 15_000 })
    const title = `扫码提交 ${Date.now() % 100000}`
    await phone.locator('#category-power').click()
    await phone.locator('#title-input input').fill(title)
    await phone.locator('#description-input textarea').fill('扫码后立即提交：新产线需要增容 500 千伏安。')
    await screenshot(phone, 'card-new-appeal')
    await phone.locator('#submit-appeal').click()
    await phone.locator('#appeal-status').waitFor({ timeout: 15_000 })

    // While pending, the list holds only what this user filed.
    await phone.goto(`${H5}/#/pages/index/index`)
    await expect.poll(() => phone.locator('.appeal-card').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => phone.locator('.appeal-card').first().innerText()).toContain(title)

    // The specialist sees the request and approves it.
    const specialist = await signIn('sp-007')
    await specialist.goto(`${H5}/#/packages/enterprise/staff/index`)
    await specialist.locator('[id^=approve-u-]').first().waitFor({ timeout: 15_000 })
    await expect.poll(() => specialist.locator('[id^=staff-u-]').first().innerText()).toContain('王晓东')
    await screenshot(specialist, 'specialist-staff-requests')
    await specialist.locator('[id^=approve-u-]').first().click()
    await expect.poll(() => specialist.locator('[id^=approve-u-]').count(), { timeout: 15_000 }).toBe(0)

    // Approved: the member now sees the colleague's appeal too.
    await phone.reload()
    await expect.poll(() => phone.locator('.appeal-card').allInnerTexts(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringContaining('同事的用水诉求')]))
    await screenshot(phone, 'member-approved-list')
  })

  it('links an official’s WeChat with an invitation code from the admin', async () => {
    const adminToken = await api.login('ad-xt-hitech')
    const invitation = await api.call('POST', '/api/users/sp-001/invitation', { token: adminToken })
    expect(invitation.status).toBe(201)

    const phone = await newPhone('official-first-login')
    await phone.goto(`${H5}/#/packages/account/invitation/index`)
    await phone.locator('#invitation-code input').fill('abc')
    await phone.locator('#invitation-submit').click()
    await expect.poll(() => phone.locator('#invitation-code .field-error').innerText()).toContain('12 位')
    // Grouped as the admin reads it out: the dashes are ignored.
    await phone.locator('#invitation-code input').fill(invitation.body.code.replace(/(.{4})(?=.)/g, '$1-'))
    await screenshot(phone, 'official-invitation')
    await phone.locator('#invitation-submit').click()
    await phone.locator('#privacy-agree').click()
    await expect.poll(() => phone.url(), { timeout: 30_000 }).toMatch(/pages\/index\/index/)
    await phone.goto(`${H5}/#/pages/me/index`)
    await expect.poll(() => phone.locator('#me-name').innerText(), { timeout: 15_000 }).toBe('姜婷')
  })
})
