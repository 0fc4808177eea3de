import type { WorkingCalendar } from '@shared/domain/calendar'
import { sweepAppeal } from '@shared/domain/sweep'
import { applyWithRetry } from '../services/retry-transition'
import { currentWorkingCalendar } from '../services/working-calendar'
import { describeError, logger } from '../lib/logger'
import { listSweepDue } from '../store/appeal-lists.store'
import { getCatalogCached } from '../store/catalog.store'

export interface SweepCounts {
  /** Appeals the open index said were due: a deadline passed or an auto-close reached. */
  examined: number
  /** Marked overdue (a missed deadline found for the first time). */
  overdue: number
  /** Of those, lifted a level (an appeal already at the city stays there). */
  escalated: number
  /** Responded appeals closed as not evaluated. */
  autoClosed: number
  /** Owners reminded that a resolution deadline is one working day away. */
  reminded: number
  /** Appeals that could not be saved; the next sweep tries them again. */
  failed: number
}

/** Where a sweep's summary goes: the structured log by default, one console line under `npm start`. */
export type SweepReport = (counts: SweepCounts, ms: number) => void

const logSummary: SweepReport = (counts, ms) => logger.info('sweep finished', { ...counts, ms })

/**
 * The scheduled sweep (DESIGN §6), area by area: read only the open appeals whose sweep time has
 * come, and apply `sweepAppeal` to each on its latest version, with the notifications it causes
 * (overdue, escalated, due soon) in the same transaction. A sweep that runs twice, or
 * alongside another one, changes nothing more: once an appeal is marked for a deadline,
 * `sweepAppeal` finds nothing left to do, and a lost write race is decided again on the new version.
 * One appeal failing does not stop the others.
 */
export async function runSweep(now: Date, report: SweepReport = logSummary): Promise<SweepCounts> {
  const started = Date.now()
  const counts: SweepCounts = { examined: 0, overdue: 0, escalated: 0, autoClosed: 0, reminded: 0, failed: 0 }
  const [{ areas }, calendar] = await Promise.all([getCatalogCached(), currentWorkingCalendar()])
  // Areas side by side (each area's appeals one after another): a city has a handful of areas.
  await Promise.all(areas.map((area) => sweepArea(area.id, now, calendar, counts)))
  report(counts, Date.now() - started)
  return counts
}

/** One area's due appeals, one after another; adds what it did to `counts`. */
async function sweepArea(areaId: string, now: Date, calendar: WorkingCalendar, counts: SweepCounts): Promise<void> {
  for (const due of await listSweepDue(areaId, now)) {
    counts.examined++
    try {
      const saved = await applyWithRetry(due.id, (appeal) => sweepAppeal(appeal, now, calendar), calendar)
      if (!saved) continue
      const { before, transition } = saved
      if (transition.event.type === 'auto_close') counts.autoClosed++
      if (transition.event.type === 'overdue') counts.overdue++
      if (transition.event.type === 'due_soon') counts.reminded++
      if (transition.appeal.level > before.level) counts.escalated++
    } catch (error) {
      counts.failed++
      logger.error('sweep: appeal not saved', { appealId: due.id, ...describeError(error) })
    }
  }
}
