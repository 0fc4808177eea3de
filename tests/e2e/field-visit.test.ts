import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { apiClient } from '../support/api-client'
import { browserSessions } from '../support/browser'

/**
 * A field visit in the h5 build: the specialist of en-0043 (湘潭百川电子科技, sp-001; no other test
 * uses it) opens the enterprise's card link, is taken to 记录走访 checked in, records the visit with
 * a photo and files two problems from it on the enterprise's behalf; the enterprise's staff see
 * both marked 专员代提 and evaluate one after the specialist answered it.
 */
const { h5: H5, launch, close, newPhone, signIn, screenshot } = browserSessions('field-visit')
const api = apiClient(inject('apiUrl'))
const ENTERPRISE = 'en-0043'

beforeAll(launch)
afterAll(close)

/**
 * A phone signed in as `as` through the demo login API: the login page lists the first
 * enterprises of each area only, so the session is put where the app keeps it (Taro's storage).
 */
async function signInByApi(as: string): Promise<Page> {
  const reply = await api.call('POST', '/api/auth/dev-login', { body: { as } })
  expect(reply.status).toBe(200)
  const page = await newPhone(as)
  const stored = { 'qs.session.token': reply.body.token, 'qs.session.refresh': reply.body.refreshToken, 'qs.session.user': reply.body.user }
  await page.goto(`${H5}/#/pages/me/index`)
  await page.evaluate((items) => {
    const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage
    for (const [key, value] of Object.entries(items)) storage.setItem(key, JSON.stringify({ data: value }))
  }, stored)
  await page.goto(`${H5}/#/pages/index/index`)
  await page.reload()
  await page.locator('.appeal-card, .state-empty').first().waitFor({ timeout: 20_000 })
  return page
}

async function fileProblem(page: Page, category: string, title: string, description: string): Promise<string> {
  await page.locator('#file-visit-problem').click()
  await page.locator('#on-behalf-banner').waitFor({ timeout: 20_000 })
  await page.locator(`#category-${category}`).click()
  await page.locator('#title-input input').fill(title)
  await page.locator('#description-input textarea').fill(description)
  await page.locator('#submit-appeal').click()
  await page.locator('#appeal-status').waitFor({ timeout: 20_000 })
  const appealId = new URL(page.url().replace('#', '')).searchParams.get('id')!
  expect(appealId).toMatch(/^ap-/)
  return appealId
}

describe('a field visit from the enterprise’s card', () => {
  it('checks in, records the visit with a photo, files two problems, and the staff evaluate one', async () => {
    const admin = await api.login('ad-xt-hitech')
    const cards = await api.call('GET', '/api/areas/xt-hitech/cards', { token: admin })
    const card = cards.body.cards.find((c: { enterprise: { id: string } }) => c.enterprise.id === ENTERPRISE)
    expect(card).toBeDefined()

    // 1. On site: the specialist scans the card and lands on 记录走访, checked in.
    const specialist = await signIn('sp-001')
    await specialist.goto(`${H5}/#/pages/card/index?scene=${card.id}`)
    await specialist.locator('#visit-checked-in').waitFor({ timeout: 20_000 })
    expect(await specialist.locator('#visit-checked-in').innerText()).toContain('已扫码签到')

    // 2. The record: who was met, topics, text and a photo; the draft survives a reload.
    await specialist.locator('#visit-met input').fill('总经理陈总')
    await specialist.locator('#visit-topic-production').click()
    await specialist.locator('#visit-topic-hiring').click()
    await specialist.locator('#visit-record textarea').fill('二期厂房下月投产，缺熟练焊工二十名；新变压器接电进度慢。')
    await specialist.reload()
    await expect.poll(() => specialist.locator('#visit-record textarea').inputValue(), { timeout: 20_000 }).toContain('二期厂房下月投产')
    expect(await specialist.locator('#visit-checked-in').count()).toBe(1)
    const photo = await QRCode.toBuffer('二期厂房现场', { type: 'png', width: 240 })
    await specialist.locator('#visit-photo-input').setInputFiles({ name: '二期厂房.png', mimeType: 'image/png', buffer: photo })
    await expect.poll(() => specialist.locator('.attach-done').count(), { timeout: 20_000 }).toBe(1)
    await screenshot(specialist, 'record-visit')
    await specialist.locator('#submit-visit').click()

    // 3. The visit record, with its photo.
    await specialist.locator('#visit-record-text').waitFor({ timeout: 20_000 })
    const visitUrl = specialist.url()
    const visitId = new URL(visitUrl.replace('#', '')).searchParams.get('id')!
    expect(visitId).toMatch(/^vi-/)
    await expect.poll(() => specialist.locator('#visit-photos img').count(), { timeout: 15_000 }).toBe(1)

    // 4. Two problems found on the visit, filed on the enterprise's behalf.
    const hiring = await fileProblem(specialist, 'hiring', '二期投产缺焊工', '二期厂房下月投产，缺熟练焊工二十名，希望组织专场招聘。')
    await specialist.goto(visitUrl)
    await specialist.locator('#visit-record-text').waitFor({ timeout: 20_000 })
    const power = await fileProblem(specialist, 'power', '新变压器接电慢', '新变压器已到货两周，供电接入尚未排期。')
    await specialist.goto(visitUrl)
    await expect.poll(() => specialist.locator('[id^=visit-problem-]').count(), { timeout: 15_000 }).toBe(2)
    await screenshot(specialist, 'visit-detail')

    // 5. The specialist accepts and answers the hiring problem (through the API).
    const token = await api.login('sp-001')
    for (const action of [{ type: 'accept' }, { type: 'respond', outcome: 'resolved', message: '已协调人社局下周举办专场招聘会。', openTaskReason: '人社局已口头答复' }]) {
      const detail = await api.call('GET', `/api/appeals/${hiring}`, { token })
      const reply = await api.call('POST', `/api/appeals/${hiring}/actions`, { token, body: { ...action, expectedVersion: detail.body.appeal.version } })
      expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    }

    // 6. The enterprise's staff see both, marked 专员代提, and evaluate the answered one.
    const staff = await signInByApi(`staff:${ENTERPRISE}`)
    await expect.poll(() => staff.locator(`#on-behalf-${hiring}, #on-behalf-${power}`).count(), { timeout: 20_000 }).toBe(2)
    await screenshot(staff, 'staff-list')
    await staff.locator(`#appeal-${hiring}`).click()
    await expect.poll(() => staff.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe('已答复')
    await staff.locator('#action-evaluate').click()
    await staff.locator('#panel-evaluate').waitFor()
    await staff.locator('#rating-satisfied').click()
    await staff.locator('#action-submit').click()
    await expect.poll(() => staff.locator('#appeal-status').innerText(), { timeout: 15_000 }).toBe('已办结')
    await screenshot(staff, 'staff-evaluated')
  })
})
