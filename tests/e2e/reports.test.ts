import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { addMonths, monthLabel } from '@shared/domain/report-month'
import { BREAKDOWN_CHART } from '../../miniapp/src/packages/report/report-view'
import { apiClient } from '../support/api-client'
import { browserSessions } from '../support/browser'

/**
 * The reports in a real browser against the h5 build: an area admin opens the dashboard from
 * 我的, reads the month's figures for appeals filed and closed through the API, drills from a
 * rate and from a bar into the appeals behind them, reads and prints the monthly report, and
 * exports the month as an Excel workbook.
 *
 * 岳塘区 is an area no other browser suite touches, so its figures can be compared exactly while
 * they run on the same stack.
 */
const ADMIN = 'ad-yuetang'
const AREA = '岳塘区'

const api = apiClient(inject('apiUrl'))
const { h5: H5, launch, close, signIn, screenshot, artifact } = browserSessions('reports')

async function file(enterpriseId: string, categoryId: string, title: string): Promise<{ appeal: Appeal; staff: string }> {
  const staff = await api.login(`staff:${enterpriseId}`)
  const reply = await api.call<{ appeal: Appeal }>('POST', '/api/appeals', {
    token: staff,
    body: { enterpriseId, categoryId, title, description: `${title}，请协调解决。` },
    headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
  })
  expect(reply.status).toBe(201)
  return { appeal: reply.body.appeal, staff }
}

async function act(token: string, appeal: Appeal, action: Record<string, unknown>): Promise<Appeal> {
  const reply = await api.call<{ appeal: Appeal }>('POST', `/api/appeals/${appeal.id}/actions`, { token, body: { ...action, expectedVersion: appeal.version } })
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return reply.body.appeal
}

/** The whole loop through the API: the owner accepts and answers, the enterprise evaluates. */
async function fileAndClose(enterpriseId: string, title: string, rating: 'satisfied' | 'basically'): Promise<Appeal> {
  const { appeal, staff } = await file(enterpriseId, 'other', title)
  const owner = await api.login(appeal.ownerId!)
  const accepted = await act(owner, appeal, { type: 'accept' })
  const responded = await act(owner, accepted, { type: 'respond', outcome: 'resolved', message: '已协调解决，请评价。' })
  const closed = await act(staff, responded, { type: 'evaluate', rating, comment: '' })
  expect(closed.status).toBe('closed')
  return closed
}

/** The element on the page shown: h5 keeps the pages under it in the DOM, hidden. */
const shown = (page: Page, selector: string) => page.locator(`${selector}:visible`)
const text = (page: Page, selector: string) => shown(page, selector).innerText()

async function openDashboard(page: Page) {
  await page.goto(`${H5}/#/pages/me/index`)
  await shown(page, '#menu-reports').click()
  await shown(page, '#headline').waitFor({ timeout: 15_000 })
}

beforeAll(launch)
afterAll(close)

describe('reports in the h5 mini-program', () => {
  it('an area admin reads the month on the dashboard, drills into the appeals behind a rate and a bar, reads the monthly report and exports it as Excel', async () => {
    const stamp = Date.now() % 100000
    // This month in 岳塘区: three appeals received (two closed, one in hand) and one withdrawn.
    const first = await fileAndClose('en-0259', `厂区道路照明 ${stamp}`, 'satisfied')
    const second = await fileAndClose('en-0260', `招工信息发布 ${stamp}`, 'basically')
    const { appeal: third } = await file('en-0261', 'water', `新厂房供水 ${stamp}`)
    await act(await api.login(third.ownerId!), third, { type: 'accept' })
    const { appeal: fourth, staff: fourthStaff } = await file('en-0262', 'other', `园区停车位 ${stamp}`)
    await act(fourthStaff, fourth, { type: 'withdraw', reason: '已自行解决' })

    const scopes = await api.call<{ defaultScope: string; currentMonth: string }>('GET', '/api/reports/scopes', { token: await api.login(ADMIN) })
    expect(scopes.status).toBe(200)
    expect(scopes.body.defaultScope).toBe('area:yuetang')
    const month = scopes.body.currentMonth

    // 我的 → 统计看板与月报: the area and this month, the headline figures with their definitions.
    const admin = await signIn(ADMIN)
    await openDashboard(admin)
    expect(await text(admin, '#scope-value')).toContain(AREA)
    expect(await text(admin, '#month-value')).toContain(monthLabel(month))
    expect(await text(admin, '#figure-received-value')).toBe('3')
    expect(await text(admin, '#figure-withdrawn')).toBe('撤回 1')
    expect(await text(admin, '#figure-closed-value')).toBe('2')
    expect(await text(admin, '#figure-closeRate-value')).toBe('66.7%')
    expect(await text(admin, '#figure-closeRate')).toContain('当月办结数 ÷ 当月受理数')
    expect(await text(admin, '#figure-cohortCloseRate-value')).toBe('66.7%')
    expect(await text(admin, '#figure-onTimeRate-value')).toBe('100.0%')
    expect(await text(admin, '#figure-satisfactionRate-value')).toBe('100.0%')
    expect(await text(admin, '#figure-notEvaluated')).toBe('未评价 0')
    expect(await text(admin, '#figure-overdueNow-value')).toBe('0')
    await shown(admin, '#trend-chart canvas').first().waitFor()
    await screenshot(admin, 'dashboard')
    await shown(admin, '#trend-chart').screenshot({ path: artifact('trend-chart') })

    // The month before: nothing filed, so nothing to divide by — every rate reads "—".
    await shown(admin, '#month-previous').click()
    await expect.poll(() => text(admin, '#month-value'), { timeout: 15_000 }).toContain(monthLabel(addMonths(month, -1)))
    await expect.poll(() => text(admin, '#figure-received-value'), { timeout: 15_000 }).toBe('0')
    expect(await text(admin, '#figure-closeRate-value')).toBe('—')
    expect(await text(admin, '#figure-satisfactionRate-value')).toBe('—')
    await shown(admin, '#month-next').click()
    await expect.poll(() => text(admin, '#figure-received-value'), { timeout: 15_000 }).toBe('3')

    // 办结率 opens the appeals it counts: the two closed ones.
    await shown(admin, '#figure-closeRate').click()
    await shown(admin, '#drill-count').waitFor({ timeout: 15_000 })
    expect(await text(admin, '#drill-title')).toBe(`${monthLabel(month)} · 办结的诉求`)
    expect(await text(admin, '#drill-count')).toBe('共 2 件')
    expect(await shown(admin, '#drill-list .appeal-card').count()).toBe(2)
    await shown(admin, `#appeal-${first.id}`).waitFor()
    await shown(admin, `#appeal-${second.id}`).waitFor()
    await screenshot(admin, 'drill-close-rate')
    // Each opens the appeal itself.
    await shown(admin, `#appeal-${first.id}`).click()
    await expect.poll(() => text(admin, '#appeal-status'), { timeout: 15_000 }).toBe('已办结')

    // A bar: in 诉求类别, the busiest row (其他: two received, both closed) is on top; its dark
    // bar (closed) starts at the axis. A tap there lists the row's closed appeals.
    await openDashboard(admin)
    await shown(admin, '#dimension-category').click()
    await shown(admin, '#row-category-other').waitFor()
    expect(await text(admin, '#row-category-other')).toContain('受理 2 · 办结 2')
    const canvas = shown(admin, '#breakdown-chart-category canvas').first()
    await canvas.waitFor()
    await screenshot(admin, 'breakdown-category')
    const box = (await canvas.boundingBox())!
    const L = BREAKDOWN_CHART
    await expect
      .poll(
        async () => {
          if ((await shown(admin, '#drill-title').count()) > 0) return text(admin, '#drill-title')
          await admin.mouse.click(box.x + L.left + 6, box.y + L.top + L.rowHeight / 2)
          return ''
        },
        { timeout: 15_000 },
      )
      .toBe(`${monthLabel(month)} · 办结的诉求 · 诉求类别：其他`)
    await shown(admin, '#drill-count').waitFor({ timeout: 15_000 })
    expect(await text(admin, '#drill-count')).toBe('共 2 件')
    await screenshot(admin, 'drill-bar')

    // A breakdown row lists what the row received.
    await admin.goBack()
    await shown(admin, '#row-category-other').click()
    await shown(admin, '#drill-count').waitFor({ timeout: 15_000 })
    expect(await text(admin, '#drill-title')).toBe(`${monthLabel(month)} · 受理的诉求 · 诉求类别：其他`)
    expect(await text(admin, '#drill-count')).toBe('共 2 件')

    // The monthly report: title, the summary paragraph, the tables.
    await openDashboard(admin)
    await shown(admin, '#open-monthly').click()
    await shown(admin, '#monthly-report').waitFor({ timeout: 15_000 })
    expect(await text(admin, '#monthly-title')).toBe(`${AREA}${monthLabel(month)}亲商直通诉求办理情况月报`)
    const summary = await text(admin, '#monthly-summary')
    expect(summary.length).toBeGreaterThan(20)
    expect(summary).toContain('3')
    expect(await text(admin, '#headline-received')).toContain('3 件')
    expect(await text(admin, '#headline-closeRate')).toContain('66.7%')
    expect(await text(admin, '#headline-closeRate')).toContain('当月办结数 ÷ 当月受理数（2 ÷ 3）')
    expect(await text(admin, '#table-category')).toContain('其他')
    expect(await text(admin, '#table-trend')).toContain(monthLabel(month))
    await screenshot(admin, 'monthly')
    // Printed: the report alone, without the pickers and the print button.
    expect(await shown(admin, '#print-report').count()).toBe(1)
    await admin.emulateMedia({ media: 'print' })
    expect(await shown(admin, '#print-report').count()).toBe(0)
    expect(await shown(admin, '#report-picker').count()).toBe(0)
    expect(await shown(admin, '#monthly-summary').count()).toBe(1)
    expect(await shown(admin, '#table-category').count()).toBe(1)
    await screenshot(admin, 'monthly-print')
    await admin.pdf({ path: artifact('monthly', 'pdf'), format: 'A4', printBackground: true })
    await admin.emulateMedia({ media: 'screen' })

    // Export the month as Excel: progress, then a link that downloads the workbook.
    await openDashboard(admin)
    await shown(admin, '#open-exports').click()
    await shown(admin, '#export-xlsx').click()
    const link = shown(admin, '#export-jobs [id$="-download"]').first()
    await link.waitFor({ timeout: 60_000 })
    await screenshot(admin, 'export-done')
    const [download] = await Promise.all([admin.waitForEvent('download'), link.click()])
    const bytes = await readFile((await download.path())!)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheets = workbook.worksheets.map((sheet) => sheet.name)
    expect(sheets).toEqual(expect.arrayContaining(['汇总', '明细', '诉求类别']))
    const detail: string[] = []
    workbook.getWorksheet('明细')!.eachRow((row) => detail.push(JSON.stringify(row.values)))
    const titles = [first.title, second.title, third.title]
    for (const title of titles) expect(detail.some((line) => line.includes(title))).toBe(true)

    // The same month as CSV: a second job, its own link.
    await shown(admin, '#export-csv').click()
    const csvLink = shown(admin, '#export-jobs [id$="-download"]')
    await expect.poll(() => csvLink.count(), { timeout: 60_000 }).toBe(2)
    const [csv] = await Promise.all([admin.waitForEvent('download'), csvLink.first().click()])
    expect(csv.suggestedFilename()).toMatch(/\.csv$/)
    const csvText = await readFile((await csv.path())!, 'utf8')
    for (const title of titles) expect(csvText).toContain(title)
    await screenshot(admin, 'exports')
  })
})
