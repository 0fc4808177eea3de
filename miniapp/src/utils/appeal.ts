import type { Appeal, CoHandler } from '@shared/schemas/appeal.schema'
import type { User } from '@shared/schemas/user.schema'
import { LEVEL_LABEL } from '@shared/labels'
import { ownTask } from '@shared/domain/policy'
import { missedDeadline } from '@shared/domain/deadlines'

/** What the deadline display reads; lists and the detail pass the whole appeal. */
export type DeadlineFields = Pick<Appeal, 'status' | 'dueAt'> &
  Partial<Pick<Appeal, 'deadlineProvisional' | 'firstResponseDueAt' | 'awaitingMaterial' | 'overdue'>>

/** The deadline the sweep marked missed is still the one running (it was not extended or met since). */
function markStands(appeal: DeadlineFields): boolean {
  const mark = appeal.overdue
  if (!mark || appeal.awaitingMaterial) return false
  if (appeal.status === 'in_progress') return mark.kind === 'resolution' && mark.dueAt === appeal.dueAt
  if (appeal.status === 'submitted' || appeal.status === 'assigned') {
    return mark.dueAt === appeal.dueAt || mark.dueAt === appeal.firstResponseDueAt
  }
  return false
}

/**
 * A running deadline has passed (DESIGN §6, the same rule the sweep applies): the first response
 * until accepted, then the resolution; never while paused for material or once answered. The
 * sweep's mark counts too, so a list agrees with the supervision queue.
 */
export function isOverdue(appeal: DeadlineFields, now: Date = new Date()): boolean {
  const clocked = {
    status: appeal.status,
    dueAt: appeal.dueAt,
    firstResponseDueAt: appeal.firstResponseDueAt ?? appeal.dueAt,
    awaitingMaterial: appeal.awaitingMaterial,
  }
  return missedDeadline(clocked, now) !== null || markStands(appeal)
}

/** The deadline as the lists show it: 办理时限 11月30日, with （暂定）, 已超期 and 暂停 when they apply. */
export function deadlineParts(appeal: DeadlineFields, now: Date = new Date()) {
  return {
    provisional: appeal.deadlineProvisional === true,
    overdue: isOverdue(appeal, now),
    paused: appeal.awaitingMaterial !== undefined && appeal.status === 'in_progress',
  }
}

/** The current holder as people say it: the specialist's name, or the area's duty queue. */
export function holderName(appeal: Pick<Appeal, 'ownerName'>): string {
  return appeal.ownerName ?? '属地待分派'
}

/** 属地督办 / 市级督办 for an escalated appeal; nothing at the specialist's own level. */
export function levelLabel(level: number): string | null {
  return level > 0 ? (LEVEL_LABEL[level] ?? null) : null
}

/** The signed-in department or task-force handler's own co-handling task on this appeal. */
export function userTask(appeal: Pick<Appeal, 'coHandlers'>, user: User | null): CoHandler | undefined {
  if (!user) return undefined
  return ownTask(appeal, user)
}

/** A co-handling task past its own deadline without a reply. */
export function isTaskOverdue(task: Pick<CoHandler, 'status' | 'dueAt'>, now: Date = new Date()): boolean {
  return task.status !== 'replied' && now.getTime() > Date.parse(task.dueAt)
}
