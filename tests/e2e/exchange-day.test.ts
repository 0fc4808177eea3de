import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { exchangeEventResponseSchema } from '@shared/schemas/exchange-event.schema'
import { apiClient } from '../support/api-client'
import { browserSessions } from '../support/browser'

/**
 * An exchange day in the h5 build: the park's admin opens it from 我的 → 政企交流活动 and records
 * the problems raised one after another in the quick-entry panel, which clears for the next; the
 * tallies and the list follow; the specialist is offered only the enterprises they serve.
 */
const api = apiClient(inject('apiUrl'))
const { h5: H5, launch, close, signIn, screenshot } = browserSessions('exchange-day')
const run = randomUUID().slice(0, 6)

let eventId: string

beforeAll(async () => {
  await launch()
  const admin = await api.login('ad-xt-hitech')
  const reply = await api.call('POST', '/api/events', {
    token: admin,
    body: {
      title: `第${run}期政企交流主题日`,
      series: `浏览器测试交流主题日${run}`,
      date: '2026-11-23',
      time: '19:30',
      place: '园区管委会三楼会议室',
      hosts: ['园区党工委书记 王某'],
      departmentIds: ['power'],
      areaId: 'xt-hitech',
      invited: { kind: 'list', enterpriseIds: ['en-0001', 'en-0002'] },
    },
  })
  expect(reply.status).toBe(201)
  eventId = exchangeEventResponseSchema.parse(reply.body).event.id
})
afterAll(close)

const tally = (page: Page, key: string) => page.locator(`#tally-${key} .event-tally-value`).innerText()

async function record(page: Page, enterpriseId: string, text: string) {
  await page.locator(`#quick-enterprise-${enterpriseId}`).click()
  await page.locator('#quick-category-other').click()
  await page.locator('#quick-text textarea').fill(text)
  await page.locator('#quick-submit').click()
}

describe('an exchange day in the h5 mini-program', () => {
  it('the admin records two problems one after another and sees the tallies follow', async () => {
    const admin = await signIn('ad-xt-hitech')
    await admin.goto(`${H5}/#/pages/me/index`)
    await admin.locator('#menu-exchange-events').click()
    await admin.locator(`#event-${eventId}`).click()
    await admin.locator('#quick-entry').waitFor()
    expect(await tally(admin, 'raised')).toBe('0')

    await record(admin, 'en-0001', '新厂房用电增容\n二期厂房下月投产，需要增容 800kVA')
    await expect.poll(() => tally(admin, 'raised'), { timeout: 15_000 }).toBe('1')
    // The panel is cleared for the next problem.
    expect(await admin.locator('#quick-text textarea').inputValue()).toBe('')
    expect(await admin.locator('#quick-enterprise-en-0001').getAttribute('class')).not.toContain('chip-selected')

    await record(admin, 'en-0002', '夜班职工通勤公交\n希望开通园区夜班公交线路')
    await expect.poll(() => tally(admin, 'raised'), { timeout: 15_000 }).toBe('2')
    expect(await tally(admin, 'withMeasure')).toBe('0')
    const problems = await admin.locator('#event-problems .event-problem-title').allInnerTexts()
    expect(problems).toEqual(['新厂房用电增容', '夜班职工通勤公交'])
    await screenshot(admin, 'event-page-two-problems')

    // Nothing chosen: the panel says so beside the fields and records nothing.
    await admin.locator('#quick-submit').click()
    await expect.poll(() => admin.locator('#quick-entry .field-error').first().innerText()).toBe('请选择企业')
    expect(await tally(admin, 'raised')).toBe('2')
  })

  it('the specialist is offered only the enterprise they serve', async () => {
    const specialist = await signIn('sp-007')
    await specialist.goto(`${H5}/#/packages/events/detail/index?id=${eventId}`)
    await specialist.locator('#quick-entry').waitFor()
    await expect.poll(() => specialist.locator('#quick-entry [id^="quick-enterprise-"]').count()).toBe(1)
    expect(await specialist.locator('#quick-enterprise-en-0001').count()).toBe(1)
  })
})
