import type { Appeal } from '@shared/schemas/appeal.schema'
import { labelsOf, ledgerOf, scopesOf, splitCellKey, type Counters, type Ledger } from '@shared/domain/report-ledger'
import { addMonths, monthOf } from '@shared/domain/report-month'
import { listFiledPage } from '../store/appeal.store'
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

/** Every appeal of the city, page by page from the city index (a Query, never a Scan). */
export async function* allAppeals(from: Date, to: Date): AsyncGenerator<Appeal[]> {
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await listFiledPage({ kind: 'city' }, from, to, startKey)
    yield page.appeals
    startKey = page.next
  } while (startKey)
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
 * (and removes cells no appeal supports). Run it while no one is acting on appeals: a change
 * landing between the recount and the rewrite would be lost from the cells.
 */
export async function rebuildReports(options: { apply: boolean; now?: Date; since?: string }): Promise<RebuildResult> {
  const now = options.now ?? new Date()
  const ledger: Ledger = new Map()
  const labels = new Map<string, Record<string, string>>()
  let appeals = 0
  let first = options.since ?? monthOf(now)
  for await (const page of allAppeals(new Date(0), new Date(now.getTime() + 86_400_000))) {
    for (const appeal of page) {
      appeals++
      ledgerOf(appeal, ledger)
      const month = monthOf(new Date(appeal.createdAt))
      if (month < first) first = month
      for (const scope of scopesOf(appeal)) labels.set(scope, Object.assign(labels.get(scope) ?? {}, labelsOf(appeal)))
    }
  }
  const months: string[] = []
  for (let m = first; m <= monthOf(now); m = addMonths(m, 1)) months.push(m)

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
  for (const month of months) {
    const stored = await readMonthCells(month)
    const recounted = byMonth.get(month) ?? new Map<string, Counters>()
    for (const scope of new Set([...stored.keys(), ...recounted.keys()])) {
      cells++
      const diff = differences(stored.get(scope)?.counters ?? {}, recounted.get(scope) ?? {})
      if (Object.keys(diff).length === 0) continue
      found.push({ month, scope, counters: diff })
      if (options.apply) {
        await replaceScopeCell(month, scope, recounted.get(scope) ?? {}, { ...labels.get(scope), ...stored.get(scope)?.labels })
        rewritten++
      }
    }
  }
  return { appeals, months, cells, differences: found, rewritten }
}
