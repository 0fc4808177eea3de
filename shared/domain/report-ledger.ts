import type { Appeal } from '../schemas/appeal.schema'
import type { Dimension, FigureName, ReportScopeKey } from '../schemas/report.schema'
import { isOverdue } from './deadlines'
import { isOpen } from './appeal-counts'
import { monthOf } from './report-month'
import { EMPTY_TALLY } from './report-tally'

/*
 * The monthly aggregates are a ledger: every appeal contributes counts to (scope, month) cells,
 * as a function of its stored state alone. A change writes the difference between the appeal's
 * contributions after and before, in the same transaction as the change; a rebuild sums the
 * contributions of every appeal. The two agree by construction, which the rebuild checks.
 *
 * Inside a cell, a counter is named `<dimension>|<value>|<metric>`: dimension `all` (value `*`)
 * for the scope's totals, or one breakdown dimension and its value. The totals also keep two
 * histograms of working days (`frt:<days>` first response, `hdl:<days>` handling), from which
 * the median and p90 are exact.
 */

export type Counters = Record<string, number>
/** Cells keyed `<scope>@<month>`. */
export type Ledger = Map<string, Counters>

export const ALL = 'all|*'
export const counterName = (dimension: Dimension | 'all', value: string, metric: string) => `${dimension === 'all' ? ALL : `${dimension}|${value}`}|${metric}`
export const cellKey = (scope: ReportScopeKey, month: string) => `${scope}@${month}`
export function splitCellKey(key: string): { scope: ReportScopeKey; month: string } {
  const at = key.lastIndexOf('@')
  return { scope: key.slice(0, at), month: key.slice(at + 1) }
}

/** No specialist yet: still in the area's duty queue. */
export const QUEUE_VALUE = 'queue'
/** Filed before scales were recorded on appeals. */
export const UNKNOWN_SCALE = 'unknown'

/** The scopes whose reports count this appeal: its city, area, current owner and co-handling units. */
export function scopesOf(appeal: Appeal): ReportScopeKey[] {
  const scopes: ReportScopeKey[] = ['city', `area:${appeal.areaId}`]
  if (appeal.ownerId) scopes.push(`specialist:${appeal.ownerId}`)
  for (const c of appeal.coHandlers) scopes.push(`${c.kind}:${c.id}`)
  return [...new Set(scopes)]
}

/** The breakdown rows this appeal falls in, one per dimension except units (one per co-handler). */
export function dimensionValuesOf(appeal: Appeal): { dimension: Dimension; value: string }[] {
  return [
    { dimension: 'area', value: appeal.areaId },
    { dimension: 'specialist', value: appeal.ownerId ?? QUEUE_VALUE },
    { dimension: 'category', value: appeal.categoryId },
    { dimension: 'channel', value: appeal.channel },
    { dimension: 'scale', value: appeal.enterpriseScale ?? UNKNOWN_SCALE },
    ...[...new Set(appeal.coHandlers.map((c) => `${c.kind}:${c.id}`))].map((value) => ({ dimension: 'unit' as const, value })),
  ]
}

/** Names the stored cells carry for the rows whose names the catalog does not hold. */
export function labelsOf(appeal: Appeal): Record<string, string> {
  const labels: Record<string, string> = { [`category|${appeal.categoryId}`]: appeal.categoryName }
  if (appeal.ownerId && appeal.ownerName) labels[`specialist|${appeal.ownerId}`] = appeal.ownerName
  for (const c of appeal.coHandlers) labels[`unit|${c.kind}:${c.id}`] = c.name
  return labels
}

interface Fact {
  month: string
  metric: FigureName | `frt:${number}` | `hdl:${number}`
}

/** What the appeal counts for, month by month (DESIGN §7), before scopes and breakdowns. */
export function factsOf(appeal: Appeal): Fact[] {
  const tally = appeal.tally ?? EMPTY_TALLY
  const received = monthOf(new Date(appeal.createdAt))
  const facts: Fact[] = [{ month: received, metric: appeal.status === 'withdrawn' ? 'withdrawn' : 'received' }]
  if (appeal.status === 'closed' && appeal.closedAt) {
    const closed = monthOf(new Date(appeal.closedAt))
    facts.push({ month: received, metric: 'cohortClosed' }, { month: closed, metric: 'closed' })
    if (appeal.response?.outcome === 'resolved') facts.push({ month: closed, metric: 'resolved' })
    if (closedOnTime(appeal)) facts.push({ month: closed, metric: 'onTime' })
    if (appeal.notEvaluated || !appeal.evaluation) facts.push({ month: closed, metric: 'notEvaluated' })
    else facts.push({ month: closed, metric: 'evaluated' }, { month: closed, metric: appeal.evaluation.rating })
    if (tally.handlingDays !== undefined) facts.push({ month: closed, metric: `hdl:${tally.handlingDays}` })
  }
  if (appeal.acceptedAt && tally.firstResponseDays !== undefined) facts.push({ month: monthOf(new Date(appeal.acceptedAt)), metric: `frt:${tally.firstResponseDays}` })
  for (const at of tally.escalatedAt) facts.push({ month: monthOf(new Date(at)), metric: 'escalations' })
  for (const at of tally.extendedAt) facts.push({ month: monthOf(new Date(at)), metric: 'extensions' })
  for (const at of tally.reopenedAt) facts.push({ month: monthOf(new Date(at)), metric: 'reopenings' })
  for (const month of tally.overdueAtMonthEnd) facts.push({ month, metric: 'overdueAtMonthEnd' })
  return facts
}

/** Answered within the deadline in force when it closed (extensions and paused days included). */
export const closedOnTime = (appeal: Appeal): boolean => {
  const answeredAt = appeal.respondedAt ?? appeal.closedAt
  return answeredAt !== undefined && Date.parse(answeredAt) <= Date.parse(appeal.dueAt)
}

const isHistogram = (metric: string) => metric.startsWith('frt:') || metric.startsWith('hdl:')

/** Adds one appeal's facts to a ledger, in every scope and breakdown row it belongs to (sign −1 removes them). */
export function addFacts(ledger: Ledger, appeal: Appeal, facts: readonly Fact[], sign: 1 | -1 = 1): Ledger {
  const scopes = scopesOf(appeal)
  const rows = dimensionValuesOf(appeal)
  for (const fact of facts) {
    const names = [counterName('all', '*', fact.metric), ...(isHistogram(fact.metric) ? [] : rows.map((r) => counterName(r.dimension, r.value, fact.metric)))]
    for (const scope of scopes) {
      const key = cellKey(scope, fact.month)
      const cell = ledger.get(key) ?? {}
      for (const name of names) cell[name] = (cell[name] ?? 0) + sign
      ledger.set(key, cell)
    }
  }
  return ledger
}

/** Everything one appeal contributes to the aggregates, in its current state. */
export const ledgerOf = (appeal: Appeal, into: Ledger = new Map()): Ledger => addFacts(into, appeal, factsOf(appeal))

/** What a change of `before` into `after` adds to the aggregates; cells and counters that do not move are left out. */
export function ledgerDelta(before: Appeal | null, after: Appeal): Ledger {
  const delta: Ledger = new Map()
  if (before) addFacts(delta, before, factsOf(before), -1)
  addFacts(delta, after, factsOf(after))
  for (const [key, cell] of delta) {
    for (const name of Object.keys(cell)) if (cell[name] === 0) delete cell[name]
    if (Object.keys(cell).length === 0) delta.delete(key)
  }
  return delta
}

/**
 * The live part of "overdue at month end": open appeals that have not changed since before the end
 * of `month` were never tallied for it, but their unchanged state says exactly whether they were
 * overdue then. Added at read time, from the open-appeal index.
 */
export function liveOverdueAtMonthEnd(appeal: Appeal, monthEndInstant: Date): boolean {
  return isOpen(appeal.status) && Date.parse(appeal.updatedAt) < monthEndInstant.getTime() && isOverdue(appeal, monthEndInstant)
}
