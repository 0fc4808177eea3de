import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { apiClient } from '../support/api-client'
import { axeViolations, fontSizeOf, heightsOf, settle, tapTargets, textSamples, THRESHOLDS, type AxeFinding, type TextSample } from '../support/accessibility'
import { browserSessions } from '../support/browser'

/**
 * Accessibility (适老化) of the h5 build on a 375-px-wide phone. axe-core, run in Chromium on every
 * page each kind of user reaches (and on what a signed-out visitor sees), finds no serious or
 * critical violation. Text renders at least 16 px for body text, 14 px for secondary text and
 * 12 px for tags, and everything tappable is at least 44 × 44 px. 长辈模式, chosen in 我的, is
 * remembered and raises body text to 18 px on every page.
 */
const PHONE = { width: 375, height: 812 }
const { h5: H5, launch, close, newPhone, signIn, screenshot } = browserSessions('a11y')
const api = apiClient(inject('apiUrl'))

let appeal: Appeal
let cardId: string

beforeAll(async () => {
  await launch()
  // An appeal every signed-in role below may open: en-0001's, owned by sp-007 (湘潭高新区); a power
  // appeal, so the power company (dh-001) co-handles it from the start.
  const staff = await api.login('staff:en-0001')
  const filed = await api.call<{ appeal: Appeal }>('POST', '/api/appeals', {
    token: staff,
    headers: { 'Idempotency-Key': `e2e-a11y-${randomUUID()}` },
    body: { enterpriseId: 'en-0001', categoryId: 'power', title: `厂区双回路供电 ${Date.now() % 100000}`, description: '新车间需要双回路供电，申请两周没有回音。' },
  })
  expect(filed.status).toBe(201)
  const owner = await api.login(filed.body.appeal.ownerId!)
  const act = async (current: Appeal, body: Record<string, unknown>) => {
    const reply = await api.call<{ appeal: Appeal }>('POST', `/api/appeals/${current.id}/actions`, { token: owner, body: { ...body, expectedVersion: current.version } })
    expect(reply.status, JSON.stringify(reply.body)).toBe(200)
    return reply.body.appeal
  }
  appeal = await act(filed.body.appeal, { type: 'accept' })
  expect(appeal.coHandlers.map((c) => c.id)).toContain('power')
  const cards = await api.call<{ cards: { id: string; enterprise: { id: string } }[] }>('GET', '/api/areas/xt-hitech/cards', { token: await api.login('ad-xt-hitech') })
  cardId = cards.body.cards.find((c) => c.enterprise.id === 'en-0001')!.id
})
afterAll(close)

interface Role {
  as: string | null
  who: string
  /** Pages by route; each of the role's 我的 menu entries is opened from the menu as well. */
  routes: () => string[]
}

const detail = () => `/packages/appeal/detail/index?id=${appeal.id}`
const ROLES: Role[] = [
  { as: null, who: 'a signed-out visitor', routes: () => ['/pages/login/index', `/pages/card/index?scene=${cardId}`, '/packages/account/invitation/index'] },
  {
    as: 'staff:en-0001',
    who: 'enterprise staff',
    routes: () => ['/pages/index/index', '/pages/me/index', '/packages/appeal/new/index', detail(), '/packages/inbox/list/index', '/packages/enterprise/staff/index?enterpriseId=en-0001', `/pages/card/index?scene=${cardId}`],
  },
  { as: 'sp-007', who: 'a specialist', routes: () => ['/pages/index/index', '/pages/me/index', detail(), '/packages/inbox/list/index'] },
  { as: 'dh-001', who: 'a department handler', routes: () => ['/pages/index/index', '/pages/me/index', detail(), '/packages/inbox/list/index'] },
  { as: 'ad-xt-hitech', who: 'an area admin', routes: () => ['/pages/index/index', '/pages/me/index', detail(), '/packages/inbox/list/index'] },
  { as: 'ad-city', who: 'the city admin', routes: () => ['/pages/index/index', '/pages/me/index', detail(), '/packages/inbox/list/index', '/packages/kit/sheet/index?scale=near'] },
]

/** The page shown, loaded afresh (the session stays in storage). */
async function openFresh(page: Page, route: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${H5}/#${route}`)
  await settle(page)
}

/** axe's serious and critical findings, as "rule (impact): targets" lines under the page's name. */
const describeFindings = (where: string, findings: AxeFinding[]) => findings.map((f) => `${where} — ${f.id} (${f.impact}): ${f.targets.slice(0, 4).join(' | ')}`)

async function phoneFor(role: Role): Promise<Page> {
  return role.as ? signIn(role.as, PHONE) : newPhone('signed-out', PHONE)
}

/** The role's 我的 menu entries (ids), and for each the page it opens, audited after opening it. */
async function auditMenu(page: Page, findings: string[]): Promise<string[]> {
  await openFresh(page, '/pages/me/index')
  const ids = await page.locator('[id^=menu-]:visible').evaluateAll((items) => items.map((item) => (item as unknown as { id: string }).id))
  for (const id of ids) {
    await openFresh(page, '/pages/me/index')
    await page.locator(`#${id}:visible`).click()
    await page.waitForURL((url) => !url.hash.startsWith('#/pages/me/index'), { timeout: 15_000 })
    await settle(page)
    findings.push(...describeFindings(`${id} → ${new URL(page.url()).hash}`, await axeViolations(page)))
    if (id === 'menu-reports') await auditReportPages(page, findings)
  }
  return ids
}

/** From the dashboard: the figures behind a rate, 月报 and 导出. */
async function auditReportPages(page: Page, findings: string[]): Promise<void> {
  const dashboard = page.url()
  for (const target of ['#figure-received', '#open-monthly', '#open-exports']) {
    await page.goto('about:blank')
    await page.goto(dashboard)
    await settle(page)
    await page.locator(`${target}:visible`).first().click()
    await page.waitForURL((url) => url.href !== dashboard, { timeout: 15_000 })
    await settle(page)
    findings.push(...describeFindings(`${target} → ${new URL(page.url()).hash}`, await axeViolations(page)))
  }
}

describe('axe-core on every page', () => {
  for (const role of ROLES) {
    it(`finds no serious or critical violation for ${role.who}`, async () => {
      const page = await phoneFor(role)
      const findings: string[] = []
      for (const route of role.routes()) {
        await openFresh(page, route)
        findings.push(...describeFindings(route, await axeViolations(page)))
      }
      if (role.as) {
        const menu = await auditMenu(page, findings)
        if (role.as.startsWith('ad-')) expect(menu).toEqual(expect.arrayContaining(['menu-supervision-queue', 'menu-reports', 'menu-enterprises']))
      }
      // The appeal's action sheets: what each role may do, opened one by one.
      if (role.as) await auditActionPanels(page, findings)
      expect(findings).toEqual([])
    }, 600_000)
  }
})

/** Every action the caller may take on the appeal, its sheet opened and audited, then closed. */
async function auditActionPanels(page: Page, findings: string[]): Promise<void> {
  await openFresh(page, detail())
  const actions = await page.locator('.action-bar [id^=action-]:visible').evaluateAll((buttons) => buttons.map((b) => (b as unknown as { id: string }).id))
  for (const id of actions.filter((a) => a !== 'action-more')) {
    await openFresh(page, detail())
    await page.locator(`#${id}:visible`).click()
    await page.locator('.sheet:visible').first().waitFor({ timeout: 15_000 })
    await settle(page)
    findings.push(...describeFindings(`${detail()} ${id}`, await axeViolations(page)))
  }
}

const MAIN_PAGES = {
  staff: ['/pages/index/index', '/pages/me/index', '/packages/appeal/new/index', detail, '/packages/inbox/list/index'],
  official: ['/pages/index/index', '/pages/me/index', detail, '/packages/inbox/list/index'],
}

/** Text below its kind's threshold, and tap targets smaller than 44 × 44, on the page shown. */
async function measure(page: Page, thresholds: { body: number; secondary: number; tag: number }) {
  const samples = await textSamples(page)
  const small = samples.filter((s) => s.size < thresholds[s.kind]).map((s) => `${s.kind} ${s.size}px ${s.where} "${s.text}"`)
  const targets = await tapTargets(page)
  const tiny = targets.filter((t) => t.width < THRESHOLDS.tap || t.height < THRESHOLDS.tap).map((t) => `${t.width}×${t.height} ${t.where} "${t.text}"`)
  return { samples, small: [...new Set(small)], targets, tiny: [...new Set(tiny)] }
}

const smallest = (samples: TextSample[], kind: TextSample['kind']) => Math.min(...samples.filter((s) => s.kind === kind).map((s) => s.size))

describe('text and tap targets on the main pages', () => {
  it('meet the thresholds at the standard size, for enterprise staff and an official', async () => {
    for (const [as, routes] of [
      ['staff:en-0001', MAIN_PAGES.staff],
      ['sp-007', MAIN_PAGES.official],
    ] as const) {
      const page = await signIn(as, PHONE)
      for (const route of routes) {
        const path = typeof route === 'function' ? route() : route
        await openFresh(page, path)
        const { samples, small, targets, tiny } = await measure(page, THRESHOLDS.normal)
        expect(small, `${as} ${path}`).toEqual([])
        expect(tiny, `${as} ${path}`).toEqual([])
        expect(samples.some((s) => s.kind === 'body')).toBe(true)
        expect(targets.length).toBeGreaterThan(0)
      }
    }
  })

  it('the specific controls: category chips, 全部已读, the filters and the tab bar are at least 44 px tall', async () => {
    const staff = await signIn('staff:en-0001', PHONE)
    await openFresh(staff, '/packages/appeal/new/index')
    const chips = await heightsOf(staff, '[id^=category-]')
    expect(chips.length).toBeGreaterThan(10)
    for (const height of chips) expect(height).toBeGreaterThanOrEqual(THRESHOLDS.tap)
    await openFresh(staff, '/packages/inbox/list/index')
    const markAll = await staff.locator('#mark-all-read:visible').boundingBox()
    expect(markAll!.height).toBeGreaterThanOrEqual(THRESHOLDS.tap)
    expect(markAll!.width).toBeGreaterThanOrEqual(THRESHOLDS.tap)
    await openFresh(staff, '/pages/index/index')
    const tabs = await heightsOf(staff, '.weui-tabbar__item')
    expect(tabs.length).toBe(2)
    for (const height of tabs) expect(height).toBeGreaterThanOrEqual(THRESHOLDS.tap)
    const tabLabel = await fontSizeOf(staff, '.weui-tabbar__label')
    expect(tabLabel).toBeGreaterThanOrEqual(THRESHOLDS.normal.secondary)

    const specialist = await signIn('sp-007', PHONE)
    await openFresh(specialist, '/pages/index/index')
    const filters = await heightsOf(specialist, '[id^=filter-]')
    expect(filters.length).toBe(5)
    for (const height of filters) expect(height).toBeGreaterThanOrEqual(THRESHOLDS.tap)
    const status = await fontSizeOf(specialist, '.appeal-card .status-tag')
    expect(status).toBeGreaterThanOrEqual(THRESHOLDS.normal.tag)
  })

  it('长辈模式 is chosen in 我的, remembered, and raises body text to 18 px on every main page', async () => {
    const page = await signIn('staff:en-0001', PHONE)
    await openFresh(page, '/pages/index/index')
    const before = await fontSizeOf(page, '.appeal-card-title')

    await openFresh(page, '/pages/me/index')
    await page.locator('#text-size-large:visible').click()
    await expect.poll(() => page.locator('#text-size-large:visible').getAttribute('aria-checked')).toBe('true')
    await expect.poll(() => fontSizeOf(page, '#me-name')).toBeGreaterThan(18)
    await screenshot(page, 'me-large-text')

    // Remembered: every page, loaded afresh, is drawn large.
    for (const route of MAIN_PAGES.staff) {
      const path = typeof route === 'function' ? route() : route
      await openFresh(page, path)
      const { samples, small, tiny } = await measure(page, THRESHOLDS.large)
      expect(small, path).toEqual([])
      expect(tiny, path).toEqual([])
      expect(smallest(samples, 'body')).toBeGreaterThanOrEqual(18)
      expect(await axeViolations(page), path).toEqual([])
    }
    await openFresh(page, '/pages/index/index')
    const after = await fontSizeOf(page, '.appeal-card-title')
    expect(after).toBeGreaterThan(before)
    await screenshot(page, 'list-large-text')

    // And back to the standard size.
    await openFresh(page, '/pages/me/index')
    await page.locator('#text-size-normal:visible').click()
    await openFresh(page, '/pages/index/index')
    expect(await fontSizeOf(page, '.appeal-card-title')).toBe(before)
  })
})
