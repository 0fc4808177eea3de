import * as z from 'zod'
import type { Actor } from '@shared/domain/actor'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { Dimension, DrillFigure } from '@shared/schemas/report.schema'
import { isOpen } from '@shared/domain/appeal-counts'
import { dimensionValuesOf, factsOf, scopesOf, closedOnTime } from '@shared/domain/report-ledger'
import { monthEnd, monthStart } from '@shared/domain/report-month'
import { isOverdue } from '@shared/domain/deadlines'
import { pageCursor } from '../lib/cursor'
import { getAppeals } from '../store/appeal.store'
import { listClosedAppealsPage, listFiledPage, listOpenAppeals } from '../store/appeal-lists.store'
import { areasOf, parseScope, type ReportScope } from './report-scope'

/** The scope's open appeals (work in flight), read from the areas' open-appeal indexes. */
export async function openAppealsOf(scope: ReportScope): Promise<Appeal[]> {
  const areas = await areasOf(scope)
  const open = (await Promise.all(areas.map(listOpenAppeals))).flat()
  return open.filter((a) => isOpen(a.status) && scopesOf(a).includes(scope.key))
}

/** The scope's appeals filed in the month, page by page (withdrawn ones included). */
async function* filedInMonth(scope: ReportScope, month: string): AsyncGenerator<Appeal[]> {
  const { kind, id } = parseScope(scope.key)
  const source =
    kind === 'city'
      ? ({ kind: 'city' } as const)
      : kind === 'area'
        ? ({ kind: 'area', areaId: id } as const)
        : kind === 'specialist'
          ? ({ kind: 'owner', ownerId: id } as const)
          : ({ kind: 'coHandler', coHandler: { kind, id } } as const)
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await listFiledPage(source, monthStart(month), monthEnd(month), startKey)
    const fetched = page.taskAppealIds.length > 0 ? await getAppeals(page.taskAppealIds) : []
    const appeals = [...page.appeals, ...fetched].filter((a) => scopesOf(a).includes(scope.key))
    if (appeals.length > 0) yield appeals
    startKey = page.next
  } while (startKey)
}

/** The scope's appeals closed in the month, page by page, from each area's closed index. */
async function* closedInMonth(scope: ReportScope, month: string): AsyncGenerator<Appeal[]> {
  for (const areaId of await areasOf(scope)) {
    let startKey: Record<string, unknown> | undefined
    do {
      const page = await listClosedAppealsPage(areaId, monthStart(month), monthEnd(month), startKey)
      const appeals = page.items.filter((a) => scopesOf(a).includes(scope.key))
      if (appeals.length > 0) yield appeals
      startKey = page.next
    } while (startKey)
  }
}

/**
 * The month's detail rows: every appeal of the scope filed in the month or closed in it, each
 * once, page by page — what an export lists. Never the whole history of the scope.
 */
export async function* appealsOfMonth(scope: ReportScope, month: string): AsyncGenerator<Appeal[]> {
  const seen = new Set<string>()
  for await (const page of filedInMonth(scope, month)) {
    page.forEach((a) => seen.add(a.id))
    yield page
  }
  for await (const page of closedInMonth(scope, month)) {
    const fresh = page.filter((a) => !seen.has(a.id))
    if (fresh.length > 0) yield fresh
  }
}

const FILED_FIGURES: readonly DrillFigure[] = ['received', 'withdrawn', 'cohortClosed']
const LIVE_FIGURES: readonly DrillFigure[] = ['overdueNow', 'escalatedNow']

/** Whether an appeal is behind a figure of the month: the same facts the aggregates count. */
export function isBehind(appeal: Appeal, figure: DrillFigure, month: string, now: Date): boolean {
  if (figure === 'overdueNow') return isOverdue(appeal, now)
  if (figure === 'escalatedNow') return appeal.level > 0
  const metrics = new Set(factsOf(appeal).filter((f) => f.month === month).map((f) => f.metric))
  switch (figure) {
    case 'late':
      return metrics.has('closed') && !closedOnTime(appeal)
    case 'satisfiedOrBasically':
      return metrics.has('satisfied') || metrics.has('basically')
    default:
      return metrics.has(figure)
  }
}

const inRow = (appeal: Appeal, dimension: Dimension, value: string) => dimensionValuesOf(appeal).some((r) => r.dimension === dimension && r.value === value)

export const DRILL_PAGE = 20

/** Where the next page starts: this many appeals into the figure's list (pages of DRILL_PAGE). */
const drillCursor = pageCursor('report-appeals', z.object({ offset: z.number().int().min(DRILL_PAGE).max(1_000_000).multipleOf(DRILL_PAGE) }))

/**
 * The appeals behind one figure of a report (optionally one breakdown row), newest first, a page
 * at a time, for the viewer who was authorised to the scope: the cursor is theirs and the
 * figure's only. Reads only the month's filed or closed appeals of the scope, or its open ones.
 */
export async function drillDown(
  viewer: Actor,
  scope: ReportScope,
  query: { month: string; figure: DrillFigure; dimension?: Dimension; value?: string; cursor?: string },
  now: Date,
): Promise<{ items: Appeal[]; cursor: string | null; total: number }> {
  const { cursor, ...figure } = query
  const context = { caller: viewer.id, filters: { ...figure, scope: scope.key } }
  const offset = drillCursor.decode(context, cursor)?.offset ?? 0
  let candidates: Appeal[] = []
  if (LIVE_FIGURES.includes(query.figure)) candidates = await openAppealsOf(scope)
  else {
    const pages = FILED_FIGURES.includes(query.figure) ? filedInMonth(scope, query.month) : closedInMonth(scope, query.month)
    for await (const page of pages) candidates.push(...page)
  }
  const matching = candidates
    .filter((a) => isBehind(a, query.figure, query.month, now))
    .filter((a) => !query.dimension || inRow(a, query.dimension, query.value ?? ''))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
  const items = matching.slice(offset, offset + DRILL_PAGE)
  return { items, cursor: offset + DRILL_PAGE < matching.length ? drillCursor.encode(context, { offset: offset + DRILL_PAGE }) : null, total: matching.length }
}
