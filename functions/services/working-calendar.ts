import { withPublishedYears, type WorkingCalendar } from '@shared/domain/calendar'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { listPublishedYearsCached } from '../store/calendar.store'

/** The calendar deadlines are counted on: years the city office loaded, then the data package, then provisional. */
export async function currentWorkingCalendar(): Promise<WorkingCalendar> {
  return withPublishedYears(await listPublishedYearsCached(), CHINESE_CALENDAR)
}
