import type { Appeal, CoHandler } from '../schemas/appeal.schema'
import type { Actor } from './actor'

/** The co-handling task that belongs to this actor (a department or task-force handler). */
export function ownTask(appeal: Pick<Appeal, 'coHandlers'>, actor: Pick<Actor, 'role' | 'departmentId' | 'taskForceId'>): CoHandler | undefined {
  if (actor.role === 'department_handler') return appeal.coHandlers.find((c) => c.kind === 'department' && c.id === actor.departmentId)
  if (actor.role === 'taskforce_handler') return appeal.coHandlers.find((c) => c.kind === 'taskForce' && c.id === actor.taskForceId)
  return undefined
}

/** A co-handling task is still waiting for its reply. */
export const hasOpenTask = (appeal: Pick<Appeal, 'coHandlers'>): boolean => appeal.coHandlers.some((c) => c.status !== 'replied')

/**
 * The appeal as the enterprise may see it: co-handlers' replies are addressed to the owner, who
 * answers the enterprise in their own words (the reply events are internal for the same reason).
 */
export function appealForViewer<T extends Pick<Appeal, 'coHandlers'>>(appeal: T, actor: Pick<Actor, 'role'>): T {
  if (actor.role !== 'staff') return appeal
  return { ...appeal, coHandlers: appeal.coHandlers.map(({ reply: _reply, ...task }) => task) }
}
