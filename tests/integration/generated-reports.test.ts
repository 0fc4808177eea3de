import { beforeAll, describe, expect, it } from 'vitest'
import { FIGURE_NAMES } from '@shared/domain/report-figures'
import { monthOf, monthsUpTo } from '@shared/domain/report-month'
import { currentWorkingCalendar } from '../../functions/services/working-calendar'
import { rebuildReports } from '../../functions/reports/rebuild.use-case'
import { authoriseReportScope, buildMonthlyReport } from '../../functions/services/monthly-report'
import { getAppealWithEvents } from '../../functions/store/appeal.store'
import { getEnterprise } from '../../functions/store/enterprise.store'
import { generateAppeals, type GeneratedAppeal } from '../../scripts/lib/generate-appeals'
import { loadWorld } from '../../scripts/lib/gen-world'
import { loadGenerated, type LoadSummary } from '../../scripts/lib/load-generated'
import { cityAdmin } from '../support/fixtures'

/*
 * The generator's bulk load (BatchWrite, no per-change transactions) followed by the report
 * recount must leave the table as the product itself would have: the recount's check finds
 * nothing to change, and the reports count exactly the generated appeals.
 */

/** A fixed present (a Friday afternoon), three months of appeals before it. */
const NOW = new Date('2026-11-20T16:00:00+08:00')
const APPEALS = 300

let generated: GeneratedAppeal[]
let loaded: LoadSummary

beforeAll(async () => {
  const [world, calendar] = await Promise.all([loadWorld(), currentWorkingCalendar()])
  generated = [...generateAppeals(world, calendar, { appeals: APPEALS, months: 3, seed: 7, now: NOW })]
  loaded = await loadGenerated(generated, { calendar, events: true, now: NOW, chunk: 100 })
}, 180_000)

const filedIn = (month: string) => generated.filter((g) => monthOf(new Date(g.appeal.createdAt)) === month)
const closedIn = (month: string) => generated.filter((g) => g.appeal.closedAt && monthOf(new Date(g.appeal.closedAt)) === month)
/** The months the window touches: three back from November, and November itself. */
const MONTHS = monthsUpTo(monthOf(NOW), 4)

describe('generated appeals in the table', () => {
  it('are written with their timelines and counted on their enterprises', async () => {
    expect(loaded).toMatchObject({ appeals: APPEALS })
    const sample = generated[0]!
    const stored = await getAppealWithEvents(sample.appeal.id)
    expect(stored?.appeal).toMatchObject({ id: sample.appeal.id, status: sample.appeal.status, version: sample.appeal.version })
    expect(stored?.events.map((e) => e.seq)).toEqual(sample.events.map((e) => e.seq))

    const ofEnterprise = generated.filter((g) => g.appeal.enterpriseId === sample.appeal.enterpriseId)
    expect(await getEnterprise(sample.appeal.enterpriseId)).toMatchObject({
      openAppeals: ofEnterprise.filter((g) => ['submitted', 'assigned', 'in_progress', 'responded'].includes(g.appeal.status)).length,
      closedAppeals: ofEnterprise.filter((g) => g.appeal.status === 'closed').length,
    })
  })

  it('get their report cells from the recount, which then finds nothing left to change', async () => {
    // The bulk load writes no cells; the recount wrote every one of them.
    expect(loaded.cellsWritten).toBeGreaterThan(0)
    const check = await rebuildReports({ apply: false, now: NOW })
    expect(check.appeals).toBe(APPEALS)
    expect(check.cells).toBe(loaded.cellsWritten)
    expect(check.differences).toEqual([])
  })

  it('are what the city report counts, month by month, and its areas add up to it', async () => {
    const city = await authoriseReportScope(cityAdmin, 'city')
    for (const month of MONTHS) {
      const report = await buildMonthlyReport(city, month, NOW)
      const filed = filedIn(month)
      expect(filed.length).toBeGreaterThan(0)
      expect(report.figures.received).toBe(filed.filter((g) => g.appeal.status !== 'withdrawn').length)
      expect(report.figures.withdrawn).toBe(filed.filter((g) => g.appeal.status === 'withdrawn').length)
      expect(report.figures.closed).toBe(closedIn(month).length)
      expect(report.figures.notEvaluated).toBe(closedIn(month).filter((g) => g.appeal.notEvaluated).length)
      for (const figure of FIGURE_NAMES) {
        expect(report.breakdowns.area.reduce((sum, row) => sum + row.figures[figure], 0), `${month} ${figure}`).toBe(report.figures[figure])
      }
    }
  })

  it('give each area the figures of its row in the city report', async () => {
    const month = MONTHS[2]!
    const cityReport = await buildMonthlyReport(await authoriseReportScope(cityAdmin, 'city'), month, NOW)
    for (const row of cityReport.breakdowns.area) {
      const areaReport = await buildMonthlyReport(await authoriseReportScope(cityAdmin, `area:${row.key}`), month, NOW)
      expect(areaReport.figures).toEqual(row.figures)
    }
  })
})
