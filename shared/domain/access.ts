import type { Appeal } from '../schemas/appeal.schema'
import type { Actor } from './actor'

/** How an actor stands to one appeal; an actor may hold several relations at once. */
export type Relation = 'staff' | 'owner' | 'coHandler' | 'areaAdmin' | 'cityAdmin'

type AppealScope = Pick<Appeal, 'enterpriseId' | 'ownerId' | 'areaId' | 'coHandlers' | 'filedBy'>

/** A pending member of an enterprise is staff only of the appeals they filed themselves. */
const isPendingFiler = (actor: Actor, appeal: AppealScope): boolean =>
  actor.pendingEnterpriseIds.includes(appeal.enterpriseId) && appeal.filedBy.id === actor.id

export function relationsTo(actor: Actor, appeal: AppealScope): Set<Relation> {
  const relations = new Set<Relation>()
  switch (actor.role) {
    case 'staff':
      if (actor.enterpriseIds.includes(appeal.enterpriseId) || isPendingFiler(actor, appeal)) relations.add('staff')
      break
    case 'specialist':
      if (appeal.ownerId === actor.id) relations.add('owner')
      break
    case 'department_handler':
      if (appeal.coHandlers.some((c) => c.kind === 'department' && c.id === actor.departmentId)) relations.add('coHandler')
      break
    case 'taskforce_handler':
      if (appeal.coHandlers.some((c) => c.kind === 'taskForce' && c.id === actor.taskForceId)) relations.add('coHandler')
      break
    case 'area_admin':
      if (appeal.areaId === actor.areaId) relations.add('areaAdmin')
      break
    case 'city_admin':
      relations.add('cityAdmin')
      break
  }
  return relations
}

/** Seeing an appeal at all; everything else about it is refused with 404 when this is false. */
export const canSee = (actor: Actor, appeal: AppealScope): boolean => relationsTo(actor, appeal).size > 0

/**
 * Staff file for enterprises they are bound to, approved or still pending (a new user who scanned
 * the card may file at once); officials file on behalf in later channels.
 */
export const canFileFor = (actor: Actor, enterpriseId: string): boolean =>
  actor.role === 'staff' && (actor.enterpriseIds.includes(enterpriseId) || actor.pendingEnterpriseIds.includes(enterpriseId))

/** The sets of appeals an actor's list is made of; the store turns each into one index Query. */
export type ListingScope =
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'enterpriseFiler'; enterpriseId: string; filerId: string }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'coHandler'; coHandler: { kind: 'department' | 'taskForce'; id: string } }
  | { kind: 'area'; areaId: string }
  | { kind: 'city' }

export function listingScopes(actor: Actor): ListingScope[] {
  switch (actor.role) {
    case 'staff':
      return [
        ...actor.enterpriseIds.map((enterpriseId): ListingScope => ({ kind: 'enterprise', enterpriseId })),
        ...actor.pendingEnterpriseIds.map((enterpriseId): ListingScope => ({ kind: 'enterpriseFiler', enterpriseId, filerId: actor.id })),
      ]
    case 'specialist':
      return [{ kind: 'owner', ownerId: actor.id }]
    case 'department_handler':
      return actor.departmentId ? [{ kind: 'coHandler', coHandler: { kind: 'department', id: actor.departmentId } }] : []
    case 'taskforce_handler':
      return actor.taskForceId ? [{ kind: 'coHandler', coHandler: { kind: 'taskForce', id: actor.taskForceId } }] : []
    case 'area_admin':
      return actor.areaId ? [{ kind: 'area', areaId: actor.areaId }] : []
    case 'city_admin':
      return [{ kind: 'city' }]
  }
}
