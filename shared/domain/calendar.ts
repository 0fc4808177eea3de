/**
 * Working-day arithmetic in Asia/Shanghai (UTC+8 all year: China has no daylight saving, so a
 * fixed offset is exact and needs no time-zone database on either side).
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000
const DAY_MS = 86_400_000

/** Tells whether a Shanghai calendar date (YYYY-MM-DD) is a working day. */
export type WorkdayPredicate = (shanghaiDate: string) => boolean

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** The last millisecond of a Shanghai calendar date, as an instant. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS + DAY_MS - 1)
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10)
}

/**
 * The end of the n-th working day after the day of `start`. The day of submission never
 * counts, whatever the hour, so "1 working day" filed on a Friday afternoon before a holiday
 * is due at the end of the first working day after the holiday.
 */
export function addWorkingDays(start: Date, days: number, isWorkday: WorkdayPredicate): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`)
  let date = shanghaiDate(start)
  let remaining = days
  // A year has at most ~40 non-working days in a row (none in practice); 400 guards a broken predicate.
  for (let guard = 0; remaining > 0; guard++) {
    if (guard > days + 400) throw new Error('working calendar has no working day ahead')
    date = nextDate(date)
    if (isWorkday(date)) remaining--
  }
  return endOfShanghaiDay(date)
}
