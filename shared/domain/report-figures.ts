import type { BreakdownRow, Dimension, Duration, Figures, FigureName, Rates } from '../schemas/report.schema'
import { ALL, counterName, type Counters } from './report-ledger'

export const FIGURE_NAMES: readonly FigureName[] = [
  'received',
  'withdrawn',
  'closed',
  'resolved',
  'cohortClosed',
  'onTime',
  'evaluated',
  'satisfied',
  'basically',
  'unsatisfied',
  'notEvaluated',
  'escalations',
  'extensions',
  'reopenings',
  'overdueAtMonthEnd',
]

/** The figures of one breakdown row (or the totals: dimension `all`) of a cell. */
export function figuresOf(cell: Counters, dimension: Dimension | 'all' = 'all', value = '*'): Figures {
  const figures = {} as Figures
  for (const name of FIGURE_NAMES) figures[name] = cell[counterName(dimension, value, name)] ?? 0
  return figures
}

/** numerator ÷ denominator, or null when nothing was there to count (shown as "—", never NaN). */
export const rate = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null)

/** The rates of DESIGN §7 over one row's figures. */
export function ratesOf(f: Figures): Rates {
  return {
    closeRate: rate(f.closed, f.received),
    cohortCloseRate: rate(f.cohortClosed, f.received),
    onTimeRate: rate(f.onTime, f.closed),
    satisfactionRate: rate(f.satisfied + f.basically, f.evaluated),
    resolvedRate: rate(f.resolved, f.closed),
  }
}

/**
 * A rate as the reports print it: one decimal, half up (337/358 → "94.1%", 2161/2184 → "98.9%"),
 * and "—" when there was nothing to divide by. Rounded on the per-mille integer so that binary
 * fractions such as 0.9415 do not round down.
 */
export function formatRate(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—'
  const perMille = Math.round(value * 1000 + 1e-9)
  return `${(perMille / 10).toFixed(1)}%`
}

/** Days as the reports print them: "2 个工作日", or "—" when no appeal was measured. */
export const formatDays = (value: number | null): string => (value === null ? '—' : `${value} 个工作日`)

/**
 * Median and 90th percentile of a histogram of whole working days (`<prefix>:<days>` counters),
 * by the nearest-rank method: the smallest value at or below which that share of appeals lies.
 */
export function durationOf(cell: Counters, prefix: 'frt' | 'hdl'): Duration {
  const head = `${ALL}|${prefix}:`
  const buckets = Object.entries(cell)
    .filter(([name, n]) => name.startsWith(head) && n > 0)
    .map(([name, n]) => ({ days: Number(name.slice(head.length)), n }))
    .sort((a, b) => a.days - b.days)
  const count = buckets.reduce((sum, b) => sum + b.n, 0)
  const percentile = (p: number): number | null => {
    if (count === 0) return null
    const rank = Math.ceil(p * count)
    let seen = 0
    for (const b of buckets) {
      seen += b.n
      if (seen >= rank) return b.days
    }
    return buckets[buckets.length - 1]!.days
  }
  return { median: percentile(0.5), p90: percentile(0.9), count }
}

/** Adds cells (shards of one scope and month, or the same month of several) counter by counter. */
export function sumCells(cells: readonly Counters[]): Counters {
  const sum: Counters = {}
  for (const cell of cells) for (const [name, n] of Object.entries(cell)) sum[name] = (sum[name] ?? 0) + n
  return sum
}

/** The values a cell holds for one dimension (every row with any count). */
export function valuesOf(cell: Counters, dimension: Dimension): string[] {
  const head = `${dimension}|`
  const values = new Set<string>()
  for (const [name, n] of Object.entries(cell)) {
    if (!name.startsWith(head) || n === 0) continue
    values.add(name.slice(head.length, name.lastIndexOf('|')))
  }
  return [...values]
}

/** The breakdown rows of one dimension, the busiest first; `name` resolves a value's display name. */
export function breakdownOf(cell: Counters, dimension: Dimension, name: (value: string) => string): BreakdownRow[] {
  return valuesOf(cell, dimension)
    .map((value) => {
      const figures = figuresOf(cell, dimension, value)
      return { key: value, name: name(value), figures, rates: ratesOf(figures) }
    })
    .filter((row) => Object.values(row.figures).some((n) => n !== 0))
    .sort((a, b) => b.figures.received - a.figures.received || b.figures.closed - a.figures.closed || a.name.localeCompare(b.name, 'zh'))
}
