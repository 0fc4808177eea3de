import type { Role } from '../schemas/common.schema'
import type { ActorRef } from '../schemas/appeal.schema'

/** Who is acting, as the server established it from the session and the stored bindings. */
export interface Actor {
  id: string
  name: string
  role: Role
  areaId?: string
  departmentId?: string
  taskForceId?: string
  /** Enterprises whose staff this user is (approved bindings only). */
  enterpriseIds: readonly string[]
  /**
   * Enterprises this user asked to join by scanning a card, not yet approved: they may file
   * appeals for them and see only the appeals they filed themselves.
   */
  pendingEnterpriseIds: readonly string[]
}

export const SYSTEM_ACTOR: ActorRef = { id: 'system', name: '系统', role: 'system' }

export function actorRef(actor: Actor): ActorRef {
  return { id: actor.id, name: actor.name, role: actor.role }
}

export const isOfficial = (actor: Actor): boolean => actor.role !== 'staff'
