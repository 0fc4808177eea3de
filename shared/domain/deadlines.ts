import type { Appeal } from '../schemas/appeal.schema'
import { addWorkingDays, previousWorkday, shanghaiDate, workingDaysBetween, workingDeadline, type WorkingCalendar } from './calendar'
import { isOpen } from './appeal-counts'

/** DESIGN §4: a responded appeal nobody evaluates closes itself after this many working days. */
export const AUTO_CLOSE_DAYS = 7
/** Supervision's "due soon": the deadline falls within this many working days from today. */
export const DUE_SOON_DAYS = 2

type Clocked = Pick<Appeal, 'status' | 'firstResponseDueAt' | 'dueAt' | 'awaitingMaterial' | 'autoCloseAt'>
type Reminded = Clocked & Pick<Appeal, 'overdue' | 'dueSoonNotifiedFor'>

/** The owner is reminded of a resolution deadline at this Shanghai hour of the working day before it. */
export const DUE_SOON_REMINDER_HOUR = 9

/** Not yet accepted: the first-response clock is still running. */
const awaitsFirstResponse = (appeal: Pick<Appeal, 'status'>) => appeal.status === 'submitted' || appeal.status === 'assigned'
/** Not yet answered: the resolution clock is running (it stops at `respond`). */
export const awaitsResolution = (appeal: Pick<Appeal, 'status'>) => awaitsFirstResponse(appeal) || appeal.status === 'in_progress'

/**
 * The deadline the appeal has to meet next: the first response until it is accepted, then the
 * resolution. None while the clock is paused for material, or once it has been answered.
 */
export function nextDeadline(appeal: Clocked): string | null {
  if (!awaitsResolution(appeal) || appeal.awaitingMaterial) return null
  return awaitsFirstResponse(appeal) ? appeal.firstResponseDueAt : appeal.dueAt
}

/** Which running deadline has passed, if any; the resolution deadline is the graver one. */
export function missedDeadline(appeal: Clocked, now: Date): 'first_response' | 'resolution' | null {
  if (!awaitsResolution(appeal) || appeal.awaitingMaterial) return null
  if (now.getTime() > Date.parse(appeal.dueAt)) return 'resolution'
  if (awaitsFirstResponse(appeal) && now.getTime() > Date.parse(appeal.firstResponseDueAt)) return 'first_response'
  return null
}

export const isOverdue = (appeal: Clocked, now: Date): boolean => missedDeadline(appeal, now) !== null

/** The next deadline falls on or before the end of the second working day from today. */
export function isDueSoon(appeal: Clocked, now: Date, calendar: WorkingCalendar): boolean {
  const deadline = nextDeadline(appeal)
  if (!deadline || isOverdue(appeal, now)) return false
  return Date.parse(deadline) <= addWorkingDays(now, DUE_SOON_DAYS, calendar.isWorkday).getTime()
}

/**
 * When the owner should be told that the resolution deadline is one working day away: 09:00
 * Shanghai on the working day before the deadline's day (an ISO instant), or null when there is
 * nothing to remind of — the clock is stopped or paused, the deadline was already missed, or
 * the owner was already reminded of this very deadline (an extension brings a new reminder).
 * Only the resolution deadline: the first response is itself one working day from submission,
 * and the new-appeal notice already says so.
 */
export function dueSoonAt(appeal: Reminded, calendar: WorkingCalendar): string | null {
  if (!awaitsResolution(appeal) || appeal.awaitingMaterial) return null
  if (appeal.dueSoonNotifiedFor === appeal.dueAt || resolutionMarked(appeal)) return null
  const day = previousWorkday(shanghaiDate(new Date(appeal.dueAt)), calendar.isWorkday)
  const hour = String(DUE_SOON_REMINDER_HOUR).padStart(2, '0')
  return new Date(`${day}T${hour}:00:00.000+08:00`).toISOString()
}

/**
 * When the scheduled sweep must next look at an open appeal (an ISO instant), or null when it
 * need not: paused, or every running deadline already found missed. Closed appeals are never
 * looked at. The store indexes open appeals by this key, so the sweep reads only what is due.
 * Given the working calendar, the due-soon reminder counts too (whichever comes first).
 */
export function sweepDueAt(appeal: Reminded, calendar?: WorkingCalendar): string | null {
  const deadline = nextSweepDeadline(appeal)
  const reminder = calendar ? dueSoonAt(appeal, calendar) : null
  if (reminder === null) return deadline
  return deadline === null || reminder < deadline ? reminder : deadline
}

function nextSweepDeadline(appeal: Reminded): string | null {
  if (!isOpen(appeal.status)) return null
  if (appeal.status === 'responded') return appeal.autoCloseAt ?? null
  if (appeal.awaitingMaterial) return null
  if (resolutionMarked(appeal)) return null
  if (awaitsFirstResponse(appeal) && !firstResponseMarked(appeal)) return appeal.firstResponseDueAt
  return appeal.dueAt
}

type Marked = Pick<Appeal, 'overdue' | 'dueAt' | 'firstResponseDueAt'>
/** The sweep already marked the current resolution deadline as missed. */
export const resolutionMarked = (appeal: Marked): boolean => appeal.overdue?.kind === 'resolution' && appeal.overdue.dueAt === appeal.dueAt
/**
 * The sweep already marked a deadline at or after the first response: the first response was
 * dealt with (a later extension of the resolution deadline must not bring it back).
 */
export const firstResponseMarked = (appeal: Marked): boolean =>
  appeal.overdue !== undefined && Date.parse(appeal.overdue.dueAt) >= Date.parse(appeal.firstResponseDueAt)

/**
 * The clock resumes when the enterprise supplies the material: every working day it waited
 * (after the day of the request, up to and including today) is added to the resolution deadline.
 */
export function resumeClock(appeal: Pick<Appeal, 'dueAt' | 'awaitingMaterial' | 'pausedDays'>, now: Date, calendar: WorkingCalendar) {
  if (!appeal.awaitingMaterial) return { dueAt: appeal.dueAt, pausedDays: appeal.pausedDays ?? 0, waited: 0, provisional: false }
  const waited = workingDaysBetween(new Date(appeal.awaitingMaterial.since), now, calendar.isWorkday)
  const moved = waited > 0 ? workingDeadline(new Date(appeal.dueAt), waited, calendar) : null
  return {
    dueAt: moved ? moved.dueAt.toISOString() : appeal.dueAt,
    pausedDays: (appeal.pausedDays ?? 0) + waited,
    waited,
    provisional: moved?.provisional ?? false,
  }
}
