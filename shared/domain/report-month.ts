import { SHANGHAI_OFFSET_MINUTES, shanghaiDate } from './calendar'

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000

/** The Shanghai calendar month ("2026-11") an instant falls in. */
export const monthOf = (instant: Date): string => shanghaiDate(instant).slice(0, 7)

/** The instant a month ("2026-11") begins in Shanghai. */
export function monthStart(month: string): Date {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, mon - 1, 1) - OFFSET_MS)
}

/** The instant the month after `month` begins: the end of `month`, exclusive. */
export function monthEnd(month: string): Date {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, mon, 1) - OFFSET_MS)
}

/** The first instant of the Shanghai month after the one `instant` falls in. */
export const nextMonthStart = (instant: Date): Date => monthEnd(monthOf(instant))

/** `month` moved by `delta` months ("2026-01", -1 → "2025-12"). */
export function addMonths(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + (mon - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The `count` months ending with `month`, oldest first. */
export const monthsUpTo = (month: string, count: number): string[] => Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1))

/** "2026年11月" */
export function monthLabel(month: string): string {
  const [year, mon] = month.split('-')
  return `${year}年${Number(mon)}月`
}
