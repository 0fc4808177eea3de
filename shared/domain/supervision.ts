import type { Appeal } from '../schemas/appeal.schema'
import type { DigestAppeal, DigestCounts, DigestRow, DigestScope, QueueItem, QueueReason, WeeklyDigest } from '../schemas/supervision.schema'
import { isOpen } from './appeal-counts'
import { endOfShanghaiDay, shanghaiDate, type WorkingCalendar } from './calendar'
import { isDueSoon, isOverdue, nextDeadline } from './deadlines'

/** The supervisor an appeal's level points at: 1 the area, 2 the city (DESIGN §4). */
export type SupervisionLevel = 1 | 2

const DAY_MS = 86_400_000

/**
 * Why an open appeal belongs in the queue of the supervisors at `level`, in a fixed order; empty
 * when it does not. Lateness is everybody's business; an escalation only that of the level it
 * reached or a lower one (the city's queue does not list what the area still supervises).
 */
export function queueReasons(appeal: Appeal, now: Date, calendar: WorkingCalendar, level: SupervisionLevel): QueueReason[] {
  if (!isOpen(appeal.status)) return []
  const reasons: QueueReason[] = []
  if (appeal.level >= level) reasons.push('escalated')
  if (isOverdue(appeal, now)) reasons.push('overdue')
  else if (isDueSoon(appeal, now, calendar)) reasons.push('due_soon')
  return reasons
}

/** Sort order of a queue: overdue first, then the nearest deadline; no running deadline last. */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  const late = (item: QueueItem) => (item.reasons.includes('overdue') ? 0 : 1)
  const deadline = (item: QueueItem) => {
    const next = nextDeadline(item.appeal)
    return next ? Date.parse(next) : Number.POSITIVE_INFINITY
  }
  return late(a) - late(b) || deadline(a) - deadline(b) || a.appeal.createdAt.localeCompare(b.appeal.createdAt) || a.appeal.id.localeCompare(b.appeal.id)
}

/**
 * The queue of `level` over some open appeals: those with a reason, in queue order. The queued
 * appeals of one common problem (共性问题) are one line — they are supervised and worked once —
 * shown by the most urgent of them, with the reasons of all and how many enterprises they cover.
 */
export function buildQueue(appeals: readonly Appeal[], now: Date, calendar: WorkingCalendar, level: SupervisionLevel): QueueItem[] {
  const queued = appeals
    .map((appeal) => ({ appeal, reasons: queueReasons(appeal, now, calendar, level) }))
    .filter((item) => item.reasons.length > 0)
    .sort(compareQueueItems)
  const lines: QueueItem[] = []
  const lineOf = new Map<string, { item: QueueItem; enterprises: Set<string> }>()
  for (const item of queued) {
    const problem = item.appeal.commonProblem
    if (!problem) {
      lines.push(item)
      continue
    }
    const line = lineOf.get(problem.id)
    if (!line) {
      const first: QueueItem = { ...item, commonProblem: { id: problem.id, title: problem.title, appealCount: 1, enterpriseCount: 1 } }
      lineOf.set(problem.id, { item: first, enterprises: new Set([item.appeal.enterpriseId]) })
      lines.push(first)
      continue
    }
    line.enterprises.add(item.appeal.enterpriseId)
    const reasons = new Set([...line.item.reasons, ...item.reasons])
    line.item.reasons = QUEUE_REASON_ORDER.filter((r) => reasons.has(r))
    line.item.commonProblem = { ...line.item.commonProblem!, appealCount: line.item.commonProblem!.appealCount + 1, enterpriseCount: line.enterprises.size }
  }
  return lines
}

const QUEUE_REASON_ORDER: readonly QueueReason[] = ['escalated', 'overdue', 'due_soon']

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)

/**
 * The week a digest made at `now` belongs to: the Shanghai date of that week's Monday, and
 * whether its send time, Monday 09:00 Shanghai, has come. Sunday night still belongs to the week
 * that began six days before; Monday 08:59 already to the new one, whose digest is not yet due.
 */
export function digestWeek(now: Date): { week: string; sendAt: Date; passed: boolean } {
  const today = shanghaiDate(now)
  const sinceMonday = (new Date(`${today}T00:00:00.000Z`).getUTCDay() + 6) % 7
  const week = addDays(today, -sinceMonday)
  const sendAt = new Date(`${week}T09:00:00.000+08:00`)
  return { week, sendAt, passed: now.getTime() >= sendAt.getTime() }
}

/** The Monday `weeks` weeks before (negative) or after `week`. */
export const shiftWeek = (week: string, weeks: number): string => addDays(week, weeks * 7)

/** The last instant of a digest week: the end of its Sunday, Shanghai time. */
export const endOfWeek = (week: string): Date => endOfShanghaiDay(addDays(week, 6))

/** The digest's "unsatisfied": evaluated unsatisfied in this many days before it was made. */
export const UNSATISFIED_WINDOW_DAYS = 7
/**
 * Each list of appeals in a digest keeps at most this many (the totals count them all): a stored
 * digest must stay well below DynamoDB's 400 KB item limit even for a bad week of the whole city.
 */
export const DIGEST_LIST_MAX = 100
/** The row of appeals still in an area's duty queue, among the specialists. */
export const DUTY_QUEUE_ROW = { id: 'duty-queue', name: '待分派' } as const

/** Current names of the units and people a digest names; the appeal's own copies are the fallback. */
export interface DigestNames {
  department: (id: string) => string | undefined
  taskForce: (id: string) => string | undefined
  specialist: (id: string) => string | undefined
}

const NO_COUNTS: DigestCounts = { open: 0, overdue: 0, dueThisWeek: 0, escalated: 0, unsatisfied: 0 }

const addCounts = (a: DigestCounts, b: DigestCounts): DigestCounts => ({
  open: a.open + b.open,
  overdue: a.overdue + b.overdue,
  dueThisWeek: a.dueThisWeek + b.dueThisWeek,
  escalated: a.escalated + b.escalated,
  unsatisfied: a.unsatisfied + b.unsatisfied,
})

const evaluatedUnsatisfiedWithin = (appeal: Appeal, from: number, to: number): boolean => {
  if (appeal.evaluation?.rating !== 'unsatisfied') return false
  const at = Date.parse(appeal.evaluation.at)
  return at > from && at <= to
}

const brief = (appeal: Appeal): DigestAppeal => ({
  id: appeal.id,
  number: appeal.number,
  title: appeal.title,
  enterpriseName: appeal.enterpriseName,
  areaId: appeal.areaId,
  ownerName: appeal.ownerName,
  status: appeal.status,
  level: appeal.level,
  dueAt: appeal.dueAt,
  ...(appeal.escalation ? { escalationCause: appeal.escalation.cause, escalationReason: appeal.escalation.reason } : {}),
})

/** Rows with something to report, the most overdue first. */
const sortedRows = (rows: Map<string, DigestRow>): DigestRow[] =>
  [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.unsatisfied - a.unsatisfied || a.id.localeCompare(b.id))

/**
 * The Monday supervision digest of one scope (DESIGN §6), made at `now`:
 * - `openAppeals`: the scope's open appeals; `unsatisfiedAppeals`: candidates for the unsatisfied
 *   list, closed or not (a second unsatisfied evaluation closes the appeal, so it is not open);
 * - open, overdue, due this week (the next deadline falls before the end of the week's Sunday
 *   and has not passed yet: overdue ones count as overdue only), escalated (level ≥ 1, open);
 * - unsatisfied: evaluated `unsatisfied` in the 7 days before `now`;
 * - per department and task force: an appeal counts for each unit co-handling it;
 * - per specialist: the owner; appeals still in a duty queue under "待分派".
 * Deadlines are stored as instants already counted in working days, so no calendar is needed.
 */
export function buildDigest(
  week: string,
  scope: DigestScope,
  openAppeals: readonly Appeal[],
  unsatisfiedAppeals: readonly Appeal[],
  now: Date,
  names: DigestNames,
): WeeklyDigest {
  const weekEnd = endOfWeek(week).getTime()
  const windowEnd = now.getTime()
  const windowStart = windowEnd - UNSATISFIED_WINDOW_DAYS * DAY_MS

  const appeals = new Map<string, Appeal>()
  for (const appeal of openAppeals) if (isOpen(appeal.status)) appeals.set(appeal.id, appeal)
  for (const appeal of unsatisfiedAppeals) if (!appeals.has(appeal.id)) appeals.set(appeal.id, appeal)

  const countsOf = (appeal: Appeal): DigestCounts => {
    const open = isOpen(appeal.status)
    const overdue = open && isOverdue(appeal, now)
    const next = nextDeadline(appeal)
    return {
      open: open ? 1 : 0,
      overdue: overdue ? 1 : 0,
      dueThisWeek: open && !overdue && next !== null && Date.parse(next) <= weekEnd ? 1 : 0,
      escalated: open && appeal.level >= 1 ? 1 : 0,
      unsatisfied: evaluatedUnsatisfiedWithin(appeal, windowStart, windowEnd) ? 1 : 0,
    }
  }

  let totals = NO_COUNTS
  const byDepartment = new Map<string, DigestRow>()
  const bySpecialist = new Map<string, DigestRow>()
  const tally = (rows: Map<string, DigestRow>, id: string, name: string, counts: DigestCounts) => {
    const row = rows.get(id) ?? { id, name, ...NO_COUNTS }
    rows.set(id, { ...row, ...addCounts(row, counts) })
  }
  const counted = [...appeals.values()].map((appeal) => ({ appeal, counts: countsOf(appeal) }))
  const relevant = counted.filter(({ counts }) => Object.values(counts).some((n) => n > 0))
  for (const { appeal, counts } of relevant) {
    totals = addCounts(totals, counts)
    // Department and task-force ids are separate name spaces: the row id says which one it is.
    const units = new Map(appeal.coHandlers.map((c) => [`${c.kind}:${c.id}`, c]))
    for (const [id, unit] of units) {
      const current = unit.kind === 'department' ? names.department(unit.id) : names.taskForce(unit.id)
      tally(byDepartment, id, current ?? unit.name, counts)
    }
    if (appeal.ownerId) tally(bySpecialist, appeal.ownerId, names.specialist(appeal.ownerId) ?? appeal.ownerName ?? appeal.ownerId, counts)
    else tally(bySpecialist, DUTY_QUEUE_ROW.id, DUTY_QUEUE_ROW.name, counts)
  }

  const list = (keep: (c: DigestCounts) => number, order: (a: Appeal, b: Appeal) => number) =>
    relevant
      .filter(({ counts }) => keep(counts) > 0)
      .map(({ appeal }) => appeal)
      .sort(order)
      .slice(0, DIGEST_LIST_MAX)
      .map(brief)
  const byDeadline = (a: Appeal, b: Appeal) => Date.parse(nextDeadline(a) ?? a.dueAt) - Date.parse(nextDeadline(b) ?? b.dueAt) || a.id.localeCompare(b.id)
  const byLevel = (a: Appeal, b: Appeal) => b.level - a.level || byDeadline(a, b)
  const latestEvaluation = (a: Appeal, b: Appeal) => (b.evaluation?.at ?? '').localeCompare(a.evaluation?.at ?? '') || a.id.localeCompare(b.id)

  return {
    week,
    scope,
    generatedAt: now.toISOString(),
    totals,
    byDepartment: sortedRows(byDepartment),
    bySpecialist: sortedRows(bySpecialist),
    overdue: list((c) => c.overdue, byDeadline),
    escalated: list((c) => c.escalated, byLevel),
    unsatisfied: list((c) => c.unsatisfied, latestEvaluation),
  }
}
