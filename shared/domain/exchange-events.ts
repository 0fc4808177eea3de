import type { Appeal } from '../schemas/appeal.schema'
import type { EventProblem, EventTallies, ExchangeEvent, SeriesTotal } from '../schemas/exchange-event.schema'
import { shanghaiDate } from './calendar'

/*
 * The figures of exchange days (政企交流主题日), as Yongzhou publishes them: problems raised on the
 * spot (现场提出), measures drawn up (已定措施), problems solved (已解决). Every problem raised at an
 * event is an appeal linked to it; the figures are counted from those appeals as they stand now.
 */

/** How the pages say what "solved" counts, next to the figure. */
export const SOLVED_MEANS = '已解决：诉求已办结，且答复结果为“已解决”'

/** Solved: the appeal is closed and its answer was `resolved` (the reports' "resolved", DESIGN §7). */
export const isSolved = (appeal: Pick<Appeal, 'status' | 'response'>): boolean => appeal.status === 'closed' && appeal.response?.outcome === 'resolved'

/** A measure counts once agreed, whether at the event or later (set-measure). */
export const hasMeasure = (appeal: Pick<Appeal, 'measure'>): boolean => appeal.measure !== undefined

export const EMPTY_TALLIES: EventTallies = { raised: 0, withMeasure: 0, solved: 0 }

/** Raised / with a measure / solved over the appeals of one event (withdrawn ones were raised all the same). */
export function eventTallies(appeals: readonly Pick<Appeal, 'status' | 'response' | 'measure'>[]): EventTallies {
  return {
    raised: appeals.length,
    withMeasure: appeals.filter(hasMeasure).length,
    solved: appeals.filter(isSolved).length,
  }
}

export const addTallies = (a: EventTallies, b: EventTallies): EventTallies => ({
  raised: a.raised + b.raised,
  withMeasure: a.withMeasure + b.withMeasure,
  solved: a.solved + b.solved,
})

/** One line of the event page's list: the problem with where it stands. */
export function eventProblem(appeal: Appeal): EventProblem {
  return {
    appealId: appeal.id,
    number: appeal.number,
    enterpriseId: appeal.enterpriseId,
    enterpriseName: appeal.enterpriseName,
    categoryName: appeal.categoryName,
    title: appeal.title,
    status: appeal.status,
    ...(appeal.response ? { outcome: appeal.response.outcome } : {}),
    ...(appeal.measure ? { measure: appeal.measure } : {}),
    solved: isSolved(appeal),
    createdAt: appeal.createdAt,
  }
}

/** The problems of an event in the order they were raised (then by number, for filings of the same instant). */
export const problemsInOrder = (appeals: readonly Appeal[]): EventProblem[] =>
  [...appeals].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number)).map(eventProblem)

/** Whether the event's date has come, in Shanghai. */
export const isHeld = (event: Pick<ExchangeEvent, 'date'>, now: Date): boolean => event.date <= shanghaiDate(now)

/**
 * Totals per series: a series is the events of one scope (an area, or the city) under one name,
 * e.g. all of 高新区政企交流主题日. Sorted by the latest event, newest first.
 */
export function seriesTotals(events: readonly ExchangeEvent[], talliesOf: (eventId: string) => EventTallies, now: Date): SeriesTotal[] {
  const bySeries = new Map<string, SeriesTotal>()
  for (const event of events) {
    const key = `${event.areaId ?? ''}\u0000${event.series}`
    const total = bySeries.get(key) ?? {
      series: event.series,
      areaId: event.areaId,
      events: 0,
      held: 0,
      firstDate: event.date,
      lastDate: event.date,
      ...EMPTY_TALLIES,
    }
    const sum = addTallies(total, talliesOf(event.id))
    bySeries.set(key, {
      ...total,
      ...sum,
      events: total.events + 1,
      held: total.held + (isHeld(event, now) ? 1 : 0),
      firstDate: event.date < total.firstDate ? event.date : total.firstDate,
      lastDate: event.date > total.lastDate ? event.date : total.lastDate,
    })
  }
  return [...bySeries.values()].sort((a, b) => b.lastDate.localeCompare(a.lastDate) || a.series.localeCompare(b.series, 'zh'))
}

/** Whether an enterprise is among an event's invited (a list, or the filter's scales within its area). */
export function isInvited(event: Pick<ExchangeEvent, 'invited' | 'areaId'>, enterprise: { id: string; scale: string; areaId: string }): boolean {
  const invited = event.invited
  if (invited.kind === 'list') return invited.enterpriseIds.includes(enterprise.id)
  const area = event.areaId ?? invited.areaId
  return (area === undefined || enterprise.areaId === area) && (invited.scales as readonly string[]).includes(enterprise.scale)
}
