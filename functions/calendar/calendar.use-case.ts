import { SHANGHAI_OFFSET_MINUTES, withPublishedYears, type WorkingCalendar } from '@shared/domain/calendar'
import { recountDeadlines } from '@shared/domain/appeal-admin'
import type { Actor } from '@shared/domain/actor'
import { mayLoadCalendarYear } from '@shared/domain/policy'
import { CHINESE_CALENDAR, packageKnowsYear } from '@shared/domain/chinese-calendar'
import { ForbiddenError } from '@shared/errors'
import type { CalendarYear, YearSchedule } from '@shared/schemas/calendar.schema'
import { applyWithRetry } from '../services/retry-transition'
import { listOpenAppeals } from '../store/appeal-lists.store'
import { getCatalogCached } from '../store/catalog.store'
import { listPublishedYears, putPublishedYear } from '../store/calendar.store'

export interface LoadYearResult {
  year: CalendarYear
  /** Open appeals whose provisional deadlines were counted again. */
  recounted: number
  /** Of those, the ones whose resolution deadline moved. */
  moved: number
}

/**
 * The city office loads a year's official schedule. Every open appeal whose deadlines were counted
 * provisionally is counted again on the new calendar (same number of working days from the same
 * day) and its timeline records why. Loading the same schedule twice moves nothing the second time.
 */
export async function loadPublishedYear(actor: Actor, schedule: YearSchedule, now: Date): Promise<LoadYearResult> {
  if (!mayLoadCalendarYear(actor)) throw new ForbiddenError('只有市级管理员可以维护工作日历')
  const previous = await listPublishedYears()
  const record = { year: schedule.year, holidays: [...schedule.holidays].sort(), workdays: [...schedule.workdays].sort(), loadedBy: actor.name, loadedAt: now.toISOString() }
  await putPublishedYear(record)
  const before = withPublishedYears(previous, CHINESE_CALENDAR)
  const after = withPublishedYears([...previous.filter((y) => y.year !== schedule.year), record], CHINESE_CALENDAR)

  // Only open appeals can still have a deadline to move: read each area's work in flight.
  const { areas } = await getCatalogCached()
  const open = (await Promise.all(areas.map((area) => listOpenAppeals(area.id)))).flat()
  let recounted = 0
  let moved = 0
  for (const candidate of open.filter((appeal) => appeal.deadlineProvisional)) {
    const outcome = await recountOne(candidate.id, before, after, schedule.year, now)
    if (outcome !== 'skipped') recounted++
    if (outcome === 'moved') moved++
  }
  return { year: { year: record.year, source: 'override', loadedBy: record.loadedBy, loadedAt: record.loadedAt, holidays: record.holidays, workdays: record.workdays }, recounted, moved }
}

async function recountOne(appealId: string, before: WorkingCalendar, after: WorkingCalendar, year: number, now: Date) {
  // The sweep's index (the due-soon reminder) is counted on the calendar just loaded, too.
  const saved = await applyWithRetry(appealId, (appeal) => recountDeadlines(appeal, before, after, year, now), after)
  if (!saved) return 'skipped' as const
  return saved.transition.appeal.dueAt !== saved.before.dueAt ? ('moved' as const) : ('confirmed' as const)
}

/** Where the working days of last year, this year and the next two come from. */
export async function listCalendarYears(now: Date): Promise<CalendarYear[]> {
  const published = await listPublishedYears()
  const thisYear = Number(new Date(now.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 4))
  return [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((year): CalendarYear => {
    const loaded = published.find((y) => y.year === year)
    if (loaded) return { year, source: 'override', loadedBy: loaded.loadedBy, loadedAt: loaded.loadedAt, holidays: [...loaded.holidays], workdays: [...loaded.workdays] }
    return { year, source: packageKnowsYear(year) ? 'package' : 'provisional' }
  })
}
