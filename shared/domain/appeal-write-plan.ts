import type { Appeal, AppealAction, AppealEvent, CoHandler } from '../schemas/appeal.schema'
import type { ReportScopeKey } from '../schemas/report.schema'
import type { Actor } from './actor'
import { countDelta, isOpen, type CountDelta } from './appeal-counts'
import { applyAction, type ActionContext, type Transition } from './appeal-machine'
import type { WorkingCalendar } from './calendar'
import { sweepDueAt } from './deadlines'
import { appealNotices, type Notice } from './notifications'
import { labelsOf, ledgerDelta, splitCellKey, type Counters } from './report-ledger'
import { withTally } from './report-tally'

/*
 * Everything one change to an appeal must write, decided here and written by the store in one
 * transaction: the store only translates a plan into items and knows no rule. Pure.
 */

/** Where the appeal stands in the sparse index of an area's work (the sweep and supervision read it). */
export type WorkIndexEntry =
  /** Open: the sweep must look again at `sweepAt` (a deadline, a reminder, an auto-close), or never (null). */
  | { kind: 'open'; sweepAt: string | null }
  /** Closed: listed by when it closed, for the reports' "closed in the month". */
  | { kind: 'closed'; closedAt: string }
  /** Withdrawn: in neither list. */
  | { kind: 'none' }

/** One report cell's counters moved by the change. */
export interface ReportCellChange {
  month: string
  scope: ReportScopeKey
  counters: Counters
}

export interface AppealWritePlan {
  /** The version the change was decided on (written only if the appeal is still at it); null for a new appeal. */
  expectedVersion: number | null
  /** The appeal as it will be stored, its report tally included. */
  appeal: Appeal
  /**
   * A filing's number (the appeal's own, an input drawn before the plan): claimed in the same
   * transaction, which fails if another appeal holds it. Null for every later change.
   */
  numberClaim: string | null
  event: AppealEvent
  /** Co-handlers asked by this change: each gets an entry in its inbox. */
  newTasks: CoHandler[]
  /** What the enterprise's open and closed counters move by. */
  enterpriseCounts: CountDelta
  /** The report cells the change moves, and the current names of the rows it touches. */
  reportCells: ReportCellChange[]
  reportLabels: Record<string, string>
  workIndex: WorkIndexEntry
  /** Who must hear of it, before the groups are resolved to people. */
  notices: Notice[]
}

/** Where an appeal in this state belongs in the work index. */
export function workIndexOf(appeal: Appeal, calendar: WorkingCalendar): WorkIndexEntry {
  if (appeal.status === 'closed' && appeal.closedAt) return { kind: 'closed', closedAt: appeal.closedAt }
  if (!isOpen(appeal.status)) return { kind: 'none' }
  return { kind: 'open', sweepAt: sweepDueAt(appeal, calendar) }
}

/** The plan of a change already decided: `before` null for a submission. */
export function planAppealWrite(before: Appeal | null, changed: Appeal, event: AppealEvent, calendar: WorkingCalendar): AppealWritePlan {
  const appeal = withTally(before, changed, event, calendar.isWorkday)
  const reportCells = [...ledgerDelta(before, appeal)].map(([key, counters]) => ({ ...splitCellKey(key), counters }))
  return {
    expectedVersion: before ? before.version : null,
    appeal,
    numberClaim: before ? null : appeal.number,
    event,
    newTasks: appeal.coHandlers.filter((c) => !before?.coHandlers.some((b) => b.kind === c.kind && b.id === c.id)),
    enterpriseCounts: countDelta(before ? event.from : null, appeal.status),
    reportCells,
    reportLabels: labelsOf(appeal),
    workIndex: workIndexOf(appeal, calendar),
    notices: appealNotices({ before, after: changed, event }),
  }
}

/** A system change (the sweep, a reassignment, a recount) as a plan. */
export const planTransition = (before: Appeal, transition: Transition, calendar: WorkingCalendar): AppealWritePlan =>
  planAppealWrite(before, transition.appeal, transition.event, calendar)

/**
 * An actor's action on an appeal, decided by the state machine (which refuses what the actor
 * may not do, 403, or what the state does not allow, 409), as a plan.
 */
export function planAction(before: Appeal, action: AppealAction, actor: Actor, now: Date, context: ActionContext): AppealWritePlan {
  const { appeal, event } = applyAction(before, action, actor, now, context)
  return planAppealWrite(before, appeal, event, context.calendar)
}
