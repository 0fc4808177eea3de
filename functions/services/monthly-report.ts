import type { Dimension, MonthlyReport } from '@shared/schemas/report.schema'
import type { Catalog } from '@shared/schemas/catalog.schema'
import { breakdownOf, durationOf, figuresOf, FIGURE_NAMES, ratesOf } from '@shared/domain/report-figures'
import { addFacts, cellKey, counterName, liveOverdueAtMonthEnd, QUEUE_VALUE, UNKNOWN_SCALE, type Counters, type Ledger } from '@shared/domain/report-ledger'
import { monthEnd, monthsUpTo } from '@shared/domain/report-month'
import { monthSummary } from '@shared/domain/report-summary'
import { isOverdue } from '@shared/domain/deadlines'
import { CHANNEL_LABEL, SCALE_LABEL } from '@shared/labels'
import { getCatalogCached } from '../store/catalog.store'
import { readScopeCells } from '../store/report.store'
import { openAppealsOf } from './report-appeals'
import { returnVisitFiguresOf } from './return-visit-figures'
import { upgradeSectionOf } from './upgrade-figures'
import { visitsOfReportMonth } from './visit-coverage'
import { commonProblemsOfReportMonth } from './common-problem-figures'
import { monthFieldWork } from '@shared/domain/visit-rounds'
import type { ReportScope } from './report-scope'

export { authoriseReportScope, viewableScopes } from './report-scope'
export { appealsOfMonth, drillDown } from './report-appeals'

export const TREND_MONTHS = 12
const DIMENSIONS: readonly Dimension[] = ['area', 'unit', 'specialist', 'category', 'channel', 'scale']

/** Names of breakdown rows: the catalog's for areas and units, the cells' own for the rest. */
function rowNamer(catalog: Catalog, labels: Record<string, string>) {
  return (dimension: Dimension) =>
    (value: string): string => {
      switch (dimension) {
        case 'area':
          return catalog.areas.find((a) => a.id === value)?.name ?? value
        case 'unit': {
          const [kind, id] = value.split(':')
          const unit = kind === 'department' ? catalog.departments.find((d) => d.id === id) : catalog.taskForces.find((t) => t.id === id)
          return unit?.name ?? labels[`unit|${value}`] ?? value
        }
        case 'specialist':
          return value === QUEUE_VALUE ? '待分派（值班队列）' : (labels[`specialist|${value}`] ?? value)
        case 'category':
          return catalog.categories.find((c) => c.id === value)?.name ?? labels[`category|${value}`] ?? value
        case 'channel':
          return CHANNEL_LABEL[value as keyof typeof CHANNEL_LABEL] ?? value
        case 'scale':
          return value === UNKNOWN_SCALE ? '未登记' : (SCALE_LABEL[value as keyof typeof SCALE_LABEL] ?? value)
      }
    }
}

/**
 * One month's report for a scope: the stored cells of the month and the 11 before it (one Query
 * each), plus the scope's open appeals for what only the present can say — overdue and escalated
 * now, and the month-end overdue of appeals untouched since that month ended.
 */
export async function buildMonthlyReport(scope: ReportScope, month: string, now: Date): Promise<MonthlyReport> {
  const months = monthsUpTo(month, TREND_MONTHS)
  const trendCounters = FIGURE_NAMES.map((name) => counterName('all', '*', name))
  const [monthCells, trendCells, open, catalog, returnVisits, fieldVisits, upgrade, commonProblems] = await Promise.all([
    readScopeCells(scope.key, [month]),
    readScopeCells(scope.key, months.slice(0, -1), trendCounters),
    openAppealsOf(scope),
    getCatalogCached(),
    returnVisitFiguresOf(scope, month),
    getCatalogCached().then((c) => visitsOfReportMonth(scope, month, c)),
    upgradeSectionOf(scope, month),
    commonProblemsOfReportMonth(scope, month),
  ])
  const stored = monthCells.get(month)!
  const cells = new Map([...trendCells, [month, stored]])
  const end = monthEnd(month)
  const monthComplete = end.getTime() <= now.getTime()

  const live: Ledger = new Map([[cellKey(scope.key, month), { ...stored.counters }]])
  if (monthComplete) for (const appeal of open.filter((a) => liveOverdueAtMonthEnd(a, end))) addFacts(live, appeal, [{ month, metric: 'overdueAtMonthEnd' }])
  const cell: Counters = live.get(cellKey(scope.key, month)) ?? {}

  const figures = figuresOf(cell)
  const rates = ratesOf(figures)
  const nameOf = rowNamer(catalog, stored.labels)
  const breakdowns = Object.fromEntries(DIMENSIONS.map((d) => [d, breakdownOf(cell, d, nameOf(d))])) as MonthlyReport['breakdowns']
  const firstResponseDays = durationOf(cell, 'frt')
  const handlingDays = durationOf(cell, 'hdl')
  const overdueNow = open.filter((a) => isOverdue(a, now)).length
  const trend = months.map((m) => {
    const f = figuresOf(cells.get(m)!.counters)
    return { month: m, received: f.received, closed: f.closed, rates: ratesOf(f) }
  })
  return {
    scope: { key: scope.key, kind: scope.kind, name: scope.name },
    month,
    asOf: now.toISOString(),
    monthComplete,
    figures,
    rates,
    firstResponseDays,
    handlingDays,
    overdueNow,
    escalatedNow: open.filter((a) => a.level > 0).length,
    breakdowns,
    trend,
    summary: monthSummary({
      scopeName: scope.name,
      month,
      asOf: now,
      monthComplete,
      figures,
      rates,
      firstResponseDays,
      handlingDays,
      overdueNow,
      topCategories: breakdowns.category,
    }),
    ...(returnVisits ? { returnVisits } : {}),
    ...(fieldVisits ? { fieldWork: monthFieldWork(fieldVisits, breakdowns.channel) } : {}),
    ...(upgrade ? { upgrade } : {}),
    ...(commonProblems ? { commonProblems } : {}),
  }
}
