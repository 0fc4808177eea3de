import type { Appeal } from '../schemas/appeal.schema'
import { maySeeCoHandlerReplies, type RoleHolder } from './policy'

/** A co-handling task is still waiting for its reply. */
export const hasOpenTask = (appeal: Pick<Appeal, 'coHandlers'>): boolean => appeal.coHandlers.some((c) => c.status !== 'replied')

/**
 * The appeal as this viewer may see it: co-handlers' replies are addressed to the owner, who
 * answers the enterprise in their own words (the reply events are internal for the same reason).
 */
export function appealForViewer<T extends Pick<Appeal, 'coHandlers'>>(appeal: T, viewer: RoleHolder): T {
  if (maySeeCoHandlerReplies(viewer)) return appeal
  return { ...appeal, coHandlers: appeal.coHandlers.map(({ reply: _reply, ...task }) => task) }
}
