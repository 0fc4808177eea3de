import type { Appeal } from '@shared/schemas/appeal.schema'
import { labelsOf, ledgerOf, scopesOf, splitCellKey, type Counters, type Ledger } from '@shared/domain/report-ledger'
import { addMonths, monthEnd, monthOf, monthStart } from '@shared/domain/report-month'
import { firstFiledAt, listFiledPage } from '../store/appeal-lists.store'
import { readMonthCells, replaceScopeCell } from '../store/report.store'

export interface CellDifference {
  month: string
  scope: string
  /** counter → [stored, recounted] */
  counters: Record<string, [number, number]>
}

export interface RebuildResult {
  appeals: number
  months: string[]
  cells: number
  differences: CellDifference[]
  /** Cells rewritten (only with apply). */
  rewritten: number
}

/**
 * Every appeal of the city filed in one month, page by page from a Query of the city index.
 * Read month by month: a page of one long Query costs DynamoDB Local as much as the rows
 * left after it, and months can be read side by side.
 */
async function appealsFiledIn(month: string): Promise<Appeal[]> {
  const appeals: Appeal[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await listFiledPage({ kind: 'city' }, monthStart(month), monthEnd(month), startKey)
    appeals.push(...page.appeals)
    startKey = page.next
  } while (startKey)
  return appeals
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item)
  }))
}

function differences(stored: Counters, recounted: Counters): Record<string, [number, number]> {
  const diff: Record<string, [number, number]> = {}
  for (const name of new Set([...Object.keys(stored), ...Object.keys(recounted)])) {
    const a = stored[name] ?? 0
    const b = recounted[name] ?? 0
    if (a !== b) diff[name] = [a, b]
  }
  return diff
}

/**
 * Recounts the monthly report cells from the appeals themselves and compares them with the
 * stored ones, cell by cell and counter by counter; with `apply`, rewrites the cells that differ
 * (a cell no appeal supports any more is emptied). Run it while no one is acting on appeals: a change
 * landing between the recount and the rewrite would be lost from the cells.
 */
export async function rebuildReports(options: { apply: boolean; now?: Date }): Promise<RebuildResult> {
  const now = options.now ?? new Date()
  const ledger: Ledger = new Map()
  const labels = new Map<string, Record<string, string>>()
  const oldest = await firstFiledAt()
  const filedMonths: string[] = []
  for (let m = oldest ? monthOf(new Date(oldest)) : monthOf(now); m <= monthOf(now); m = addMonths(m, 1)) filedMonths.push(m)
  let appeals = 0
  await inParallel(filedMonths, 4, async (month) => {
    for (const appeal of await appealsFiledIn(month)) {
      appeals++
      ledgerOf(appeal, ledger)
      for (const scope of scopesOf(appeal)) labels.set(scope, Object.assign(labels.get(scope) ?? {}, labelsOf(appeal)))
    }
  })
  const months = [...filedMonths]

  const byMonth = new Map<string, Map<string, Counters>>()
  for (const [key, cell] of ledger) {
    const { scope, month } = splitCellKey(key)
    const scopes = byMonth.get(month) ?? new Map<string, Counters>()
    for (const name of Object.keys(cell)) if (cell[name] === 0) delete cell[name]
    scopes.set(scope, cell)
    byMonth.set(month, scopes)
  }
  for (const month of byMonth.keys()) if (!months.includes(month)) months.push(month)
  months.sort()

  const found: CellDifference[] = []
  let cells = 0
  let rewritten = 0
  await inParallel(months, 4, async (month) => {
    const stored = await readMonthCells(month)
    const recounted = byMonth.get(month) ?? new Map<string, Counters>()
    const differing: string[] = []
    for (const scope of new Set([...stored.keys(), ...recounted.keys()])) {
      cells++
      const diff = differences(stored.get(scope)?.counters ?? {}, recounted.get(scope) ?? {})
      if (Object.keys(diff).length === 0) continue
      found.push({ month, scope, counters: diff })
      differing.push(scope)
    }
    if (!options.apply) return
    await inParallel(differing, 8, async (scope) => {
      await replaceScopeCell(month, scope, recounted.get(scope) ?? {}, { ...stored.get(scope)?.labels, ...labels.get(scope) })
      rewritten++
    })
  })
  found.sort((a, b) => (a.month + a.scope < b.month + b.scope ? -1 : 1))
  return { appeals, months, cells, differences: found, rewritten }
}
