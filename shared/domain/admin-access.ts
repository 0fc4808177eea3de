import type { Enterprise } from '../schemas/catalog.schema'
import type { Actor } from './actor'

type EnterpriseScope = Pick<Enterprise, 'id' | 'areaId' | 'specialistId'>

/** Area admins administer their own area; the city admin administers every area. */
export const canAdministerArea = (actor: Actor, areaId: string): boolean =>
  actor.role === 'city_admin' || (actor.role === 'area_admin' && actor.areaId === areaId)

/** The area ids an admin's roster work may change: 'all' for the city, none for anyone else. */
export function administeredAreas(actor: Actor): readonly string[] | 'all' {
  if (actor.role === 'city_admin') return 'all'
  if (actor.role === 'area_admin' && actor.areaId) return [actor.areaId]
  return []
}

/** Who may see an enterprise's people and roster entry. */
export const canSeeEnterprise = (actor: Actor, enterprise: EnterpriseScope): boolean =>
  canAdministerArea(actor, enterprise.areaId) ||
  (actor.role === 'specialist' && enterprise.specialistId === actor.id) ||
  (actor.role === 'staff' && actor.enterpriseIds.includes(enterprise.id))

/**
 * Who may let a person in as the enterprise's staff, or turn them away: its specialist, the area
 * or city admin, and any colleague already approved (they know who works there).
 */
export const canDecideStaff = canSeeEnterprise

/** Who may list a specialist's portfolio: the specialist themself or an admin of the area. */
export const canSeePortfolio = (actor: Actor, specialistId: string): boolean =>
  actor.role === 'city_admin' || actor.role === 'area_admin' || (actor.role === 'specialist' && actor.id === specialistId)
