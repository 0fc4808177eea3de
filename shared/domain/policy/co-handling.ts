import type { Appeal, CoHandler } from '../../schemas/appeal.schema'
import { isDepartmentHandler, isTaskForceHandler, type RoleHolder, type Subject } from './subject'

/** What a handler is known by: their role and the department or task force they work for. */
export type HandlerSubject = RoleHolder & Partial<Pick<Subject, 'departmentId' | 'taskForceId'>>

/**
 * The co-handling task that belongs to this person on this appeal: a department handler's
 * department's, a task-force handler's task force's; nobody else has one. Being the holder of a
 * task is what makes a handler a co-handler of the appeal (they see it, note, accept and reply).
 */
export function ownTask(appeal: Pick<Appeal, 'coHandlers'>, who: HandlerSubject | null | undefined): CoHandler | undefined {
  if (!who) return undefined
  if (isDepartmentHandler(who)) return appeal.coHandlers.find((c) => c.kind === 'department' && c.id === who.departmentId)
  if (isTaskForceHandler(who)) return appeal.coHandlers.find((c) => c.kind === 'taskForce' && c.id === who.taskForceId)
  return undefined
}

/** A co-handler of this appeal: their unit was asked to help with it (whatever the task's state). */
export const isCoHandlerOf = (who: HandlerSubject, appeal: Pick<Appeal, 'coHandlers'>): boolean => ownTask(appeal, who) !== undefined
