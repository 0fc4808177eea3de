import chineseDays from 'chinese-days'
import { withProvisionalFallback, type WorkingCalendar, type WorkdayPredicate } from './calendar'

const knownYears = new Map<number, boolean>()

/**
 * Whether the `chinese-days` data package carries a year's published schedule. For a year it
 * does not know it answers Monday–Friday with no holiday at all, so a year with at least one
 * weekday holiday (there are always several) is a year it knows.
 */
export function packageKnowsYear(year: number): boolean {
  let known = knownYears.get(year)
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    knownYears.set(year, known)
  }
  return known
}

/**
 * China's statutory holidays and weekend make-up working days (调休) from the maintained
 * `chinese-days` package; a year it does not know yet follows the provisional rule (weekends and
 * fixed-date holidays) and is marked provisional.
 */
export const CHINESE_CALENDAR: WorkingCalendar = withProvisionalFallback(packageKnowsYear, (date) => chineseDays.isWorkday(date))

export const isChineseWorkday: WorkdayPredicate = CHINESE_CALENDAR.isWorkday
