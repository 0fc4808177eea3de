import type { Appeal, AppealEvent, AppealTally } from '../schemas/appeal.schema'
import { isOpen } from './appeal-counts'
import { workingDaysBetween, type WorkdayPredicate } from './calendar'
import { isOverdue } from './deadlines'
import { monthOf, nextMonthStart } from './report-month'

export const EMPTY_TALLY: AppealTally = { escalatedAt: [], extendedAt: [], reopenedAt: [], overdueAtMonthEnd: [] }

/**
 * The months whose end passed while `appeal` stood unchanged (after its last write, up to `asOf`)
 * and found it open and past a deadline. Its state was the same all that time, so this is exact.
 */
export function overdueMonthEndsSince(appeal: Appeal, asOf: Date): string[] {
  if (!isOpen(appeal.status)) return []
  const months: string[] = []
  for (let end = nextMonthStart(new Date(appeal.updatedAt)); end.getTime() <= asOf.getTime(); end = nextMonthStart(end)) {
    if (isOverdue(appeal, end)) months.push(monthOf(new Date(end.getTime() - 1)))
  }
  return months
}

/**
 * Records in the appeal's tally what a change adds to the monthly reports: the working days to
 * its first response and to its final answer (counted on today's calendar, so that publishing a
 * holiday schedule later does not rewrite past reports), each raise of its level, each extension
 * and reopening, and the month ends it sat overdue through since its last change.
 */
export function withTally(before: Appeal | null, after: Appeal, event: AppealEvent, isWorkday: WorkdayPredicate): Appeal {
  const tally: AppealTally = structuredClone(before?.tally ?? after.tally ?? EMPTY_TALLY)
  const at = event.at
  if (before) tally.overdueAtMonthEnd.push(...overdueMonthEndsSince(before, new Date(at)).filter((m) => !tally.overdueAtMonthEnd.includes(m)))
  if (after.level > (before?.level ?? 0)) tally.escalatedAt.push(at)
  if (event.type === 'extend') tally.extendedAt.push(at)
  if (before && after.reopenCount > before.reopenCount) tally.reopenedAt.push(at)
  if (after.acceptedAt && !before?.acceptedAt) {
    tally.firstResponseDays = workingDaysBetween(new Date(after.createdAt), new Date(after.acceptedAt), isWorkday)
  }
  if (after.status === 'closed' && before?.status !== 'closed') {
    const answeredAt = after.respondedAt ?? after.closedAt ?? at
    const elapsed = workingDaysBetween(new Date(after.createdAt), new Date(answeredAt), isWorkday)
    tally.handlingDays = Math.max(0, elapsed - (after.pausedDays ?? 0))
  }
  return { ...after, tally }
}
