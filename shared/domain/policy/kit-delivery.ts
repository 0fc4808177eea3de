import type { Enterprise } from '../../schemas/catalog.schema'
import { adminReach } from './supervision'
import { isAreaAdmin, isCityAdmin, isEnterpriseStaff, isSpecialist, type RoleHolder, type Subject } from './subject'

/*
 * 送政策: officials send a published policy to the enterprises they serve, and read how far it
 * reached (送达情况: sent to, opened by, per area).
 */
type DeliveryScope = Pick<Enterprise, 'areaId' | 'specialistId'>
type AreaSubject = RoleHolder & Pick<Subject, 'id' | 'areaId'>

/** Sending a policy to an enterprise: its own specialist, the admin of its area, the city admin. */
export const maySendPolicyTo = (subject: AreaSubject, enterprise: DeliveryScope): boolean =>
  (isSpecialist(subject) && enterprise.specialistId === subject.id) || (isAreaAdmin(subject) && subject.areaId === enterprise.areaId) || isCityAdmin(subject)

/** The policy page's 发送给企业: specialists and admins (each then held to their enterprises). */
export const maySendPolicies = (who: AreaSubject | null | undefined): boolean => isSpecialist(who) || isCityAdmin(who) || (isAreaAdmin(who) && Boolean(who?.areaId))

/** An enterprise user's reading of a policy page counts as their enterprise's open. */
export const countsAsPolicyOpen = (who: RoleHolder | null | undefined): boolean => isEnterpriseStaff(who)

/** Whose 送达情况 the caller reads: the city admin any area or all; an area admin or a specialist their own area. */
export type PolicyCoverageReach = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'refused'; why: 'other_area' | 'not_official' }

export function policyCoverageReach(subject: AreaSubject, areaId: string | undefined): PolicyCoverageReach {
  const reach = adminReach(subject)
  if (reach.kind === 'city') return areaId ? { kind: 'area', areaId } : { kind: 'city' }
  const own = reach.kind === 'area' ? reach.areaId : isSpecialist(subject) ? subject.areaId : undefined
  if (!own) return { kind: 'refused', why: 'not_official' }
  return areaId && areaId !== own ? { kind: 'refused', why: 'other_area' } : { kind: 'area', areaId: own }
}
