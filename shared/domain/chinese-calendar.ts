import chineseDays from 'chinese-days'
import type { WorkdayPredicate } from './calendar'

/**
 * China's statutory holidays and weekend make-up working days (调休), from the maintained
 * `chinese-days` data package. Years it does not know fall back to Monday–Friday.
 */
export const isChineseWorkday: WorkdayPredicate = (date) => chineseDays.isWorkday(date)
