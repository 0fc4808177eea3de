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

/** The last working day strictly before a Shanghai date (YYYY-MM-DD). */
export function previousWorkday(date: string, isWorkday: WorkdayPredicate): string {
  let day = date
  for (let guard = 0; guard <= 400; guard++) {
    day = new Date(Date.parse(`${day}T00:00:00.000Z`) - DAY_MS).toISOString().slice(0, 10)
    if (isWorkday(day)) return day
  }
  throw new Error('working calendar has no working day behind')
}

/**
 * A working calendar: which days are worked, and which answers are only provisional because the
 * State Council has not yet published that year's schedule (DESIGN §6).
 */
export interface WorkingCalendar {
  isWorkday: WorkdayPredicate
  /** True for a date whose year has no published schedule yet. */
  isProvisional: (shanghaiDate: string) => boolean
}

/**
 * The statutory holidays that fall on the same date every year (New Year's Day, Labour Day,
 * National Day). The lunar and solar-term holidays and every 调休 swap are only known once the
 * year's schedule is published.
 */
export const FIXED_DATE_HOLIDAYS: readonly string[] = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']

/** The provisional rule for a year with no published schedule: weekends and fixed-date holidays off. */
export function isProvisionalWorkday(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !FIXED_DATE_HOLIDAYS.includes(date.slice(5))
}

/** A calendar that follows the published schedule where a year has one, the provisional rule elsewhere. */
export function withProvisionalFallback(isPublishedYear: (year: number) => boolean, isPublishedWorkday: WorkdayPredicate): WorkingCalendar {
  const published = (date: string) => isPublishedYear(Number(date.slice(0, 4)))
  return {
    isWorkday: (date) => (published(date) ? isPublishedWorkday(date) : isProvisionalWorkday(date)),
    isProvisional: (date) => !published(date),
  }
}

export interface Deadline {
  dueAt: Date
  /** Some day counted lies in a year without a published schedule: the date may still move. */
  provisional: boolean
}

/** `addWorkingDays` on a working calendar, saying whether the result rests on a provisional year. */
export function workingDeadline(start: Date, days: number, calendar: WorkingCalendar): Deadline {
  let provisional = false
  const dueAt = addWorkingDays(start, days, (date) => {
    if (calendar.isProvisional(date)) provisional = true
    return calendar.isWorkday(date)
  })
  return { dueAt, provisional }
}

/** A published year's schedule: days off (whole holiday periods) and weekend days worked (调休). */
export interface PublishedYear {
  year: number
  holidays: readonly string[]
  workdays: readonly string[]
}

/**
 * Years loaded by the city office take precedence over everything else (the data package may lag
 * or be wrong); other years fall through to `base`.
 */
export function withPublishedYears(years: readonly PublishedYear[], base: WorkingCalendar): WorkingCalendar {
  const byYear = new Map(years.map((y) => [y.year, { holidays: new Set(y.holidays), workdays: new Set(y.workdays) }]))
  const loaded = (date: string) => byYear.get(Number(date.slice(0, 4)))
  return {
    isWorkday: (date) => {
      const year = loaded(date)
      if (!year) return base.isWorkday(date)
      if (year.workdays.has(date)) return true
      if (year.holidays.has(date)) return false
      const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay()
      return weekday !== 0 && weekday !== 6
    },
    isProvisional: (date) => (loaded(date) ? false : base.isProvisional(date)),
  }
}

/**
 * How many working days `calendar` counts from the day after `start` to the day of `due`: the
 * length an existing deadline was given, so that it can be counted again on a newer calendar.
 */
export function workingDaysBetween(start: Date, due: Date, isWorkday: WorkdayPredicate): number {
  const last = shanghaiDate(due)
  let date = shanghaiDate(start)
  let count = 0
  for (let guard = 0; date < last; guard++) {
    if (guard > 800) throw new Error('deadline too far ahead to recount')
    date = nextDate(date)
    if (isWorkday(date)) count++
  }
  return count
}

/** "11月23日": an instant's Shanghai date as the timeline says it. */
export function monthDayLabel(iso: string): string {
  const [, month, day] = shanghaiDate(new Date(iso)).split('-')
  return `${Number(month)}月${Number(day)}日`
}
