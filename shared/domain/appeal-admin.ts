import type { Appeal, AppealEvent } from '../schemas/appeal.schema'
import { SYSTEM_ACTOR, actorRef, type Actor } from './actor'
import { monthDayLabel, shanghaiDate, workingDaysBetween, workingDeadline, type WorkingCalendar } from './calendar'
import { isOpen } from './appeal-counts'
import type { Transition } from './appeal-machine'

function nextVersion(appeal: Appeal, now: Date) {
  const at = now.toISOString()
  const version = appeal.version + 1
  return { at, version, base: { ...appeal, version, updatedAt: at } }
}

/**
 * An open appeal follows its enterprise to a new specialist (reassignment or a whole portfolio
 * handed over). One from the duty queue becomes `assigned`; otherwise the status is kept.
 * Returns null when there is nothing to move (closed, or already with that specialist).
 */
export function reassignOwner(appeal: Appeal, to: { id: string; name: string }, reason: string, actor: Actor, now: Date): Transition | null {
  if (!isOpen(appeal.status) || appeal.ownerId === to.id) return null
  const { at, version, base } = nextVersion(appeal, now)
  const status = appeal.status === 'submitted' ? 'assigned' : appeal.status
  const event: AppealEvent = {
    appealId: appeal.id,
    seq: version,
    type: 'reassign',
    at,
    actor: actorRef(actor),
    from: appeal.status,
    to: status,
    message: `${appeal.ownerName ? `由 ${appeal.ownerName} ` : ''}改由企业服务专员 ${to.name} 办理。原因：${reason}`,
    data: { fromOwnerId: appeal.ownerId, toOwnerId: to.id },
  }
  return { appeal: { ...base, status, ownerId: to.id, ownerName: to.name }, event }
}

/**
 * The enterprise's approver decided on someone who filed while their binding was pending: the
 * appeal's 待核实 mark is cleared, or turned into "rejected", and the timeline says so.
 */
export function verifyFiler(appeal: Appeal, decision: 'approve' | 'reject', actor: Actor, now: Date): Transition | null {
  if (!appeal.filerPending) return null
  const { at, version, base } = nextVersion(appeal, now)
  const { filerPending: _pending, ...rest } = base
  const next: Appeal = decision === 'approve' ? rest : { ...base, filerRejected: true }
  const event: AppealEvent = {
    appealId: appeal.id,
    seq: version,
    type: 'verify_filer',
    at,
    actor: actorRef(actor),
    from: appeal.status,
    to: appeal.status,
    message: decision === 'approve' ? `已核实 ${appeal.filedBy.name} 为本企业联系人` : `${appeal.filedBy.name} 未通过本企业联系人核实`,
    internal: true,
    data: { decision },
  }
  return { appeal: next, event }
}

/**
 * A year's schedule was published: an open appeal whose deadlines were counted provisionally is
 * counted again — the same number of working days from the same start, on the new calendar — and
 * the timeline says what moved. Returns null for an appeal that was not provisional or is closed.
 */
export function recountDeadlines(appeal: Appeal, before: WorkingCalendar, after: WorkingCalendar, year: number, now: Date): Transition | null {
  if (!appeal.deadlineProvisional || !isOpen(appeal.status)) return null
  // Its deadlines were counted over the days from filing to the later deadline: a year outside
  // them changes nothing, and the enterprise's timeline should not say that it did.
  const yearOf = (instant: string) => Number(shanghaiDate(new Date(instant)).slice(0, 4))
  const lastDue = appeal.dueAt > appeal.firstResponseDueAt ? appeal.dueAt : appeal.firstResponseDueAt
  if (year < yearOf(appeal.createdAt) || year > yearOf(lastDue)) return null
  const start = new Date(appeal.createdAt)
  const recount = (dueAt: string) => workingDeadline(start, workingDaysBetween(start, new Date(dueAt), before.isWorkday), after)
  const firstResponse = recount(appeal.firstResponseDueAt)
  const resolution = recount(appeal.dueAt)
  const { at, version, base } = nextVersion(appeal, now)
  const { deadlineProvisional: _provisional, ...rest } = base
  const next: Appeal = {
    ...rest,
    firstResponseDueAt: firstResponse.dueAt.toISOString(),
    dueAt: resolution.dueAt.toISOString(),
    ...(firstResponse.provisional || resolution.provisional ? { deadlineProvisional: true } : {}),
  }
  const moved = next.dueAt !== appeal.dueAt
  const event: AppealEvent = {
    appealId: appeal.id,
    seq: version,
    type: 'recount_deadline',
    at,
    actor: SYSTEM_ACTOR,
    from: appeal.status,
    to: appeal.status,
    message: moved
      ? `${year} 年节假日安排已公布，办理时限由 ${monthDayLabel(appeal.dueAt)} 调整为 ${monthDayLabel(next.dueAt)}`
      : `${year} 年节假日安排已公布，办理时限 ${monthDayLabel(next.dueAt)} 不变`,
    data: { year, fromDueAt: appeal.dueAt, toDueAt: next.dueAt },
  }
  return { appeal: next, event }
}
