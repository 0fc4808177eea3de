import type { ActorRef } from '../schemas/appeal.schema'
import type { Subject } from './policy/subject'

/**
 * Who is acting, as the server established it from the session and the stored bindings: the
 * policy's Subject (role, area, unit, enterprises — approved and pending) and a name for the
 * timeline.
 */
export interface Actor extends Subject {
  name: string
}

export const SYSTEM_ACTOR: ActorRef = { id: 'system', name: '系统', role: 'system' }

export function actorRef(actor: Actor): ActorRef {
  return { id: actor.id, name: actor.name, role: actor.role }
}
