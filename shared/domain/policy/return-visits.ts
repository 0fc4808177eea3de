import { mayAdministerArea } from './enterprises'
import { adminReach } from './supervision'
import { isAdmin, type RoleHolder, type Subject } from './subject'

type AdminSubject = RoleHolder & Pick<Subject, 'areaId'>

/*
 * Sampled return visits (抽查回访): the office's own check on how appeals were handled, so the
 * calls are made by the admins of the scope — the city office for any area or the whole city, an
 * area office for its area. The specialist who handled an appeal does not call back about it: the
 * point of the call is to hear the enterprise without the person whose work is being checked.
 */

/** The return-visit pages (回访抽样, 回访清单, 评价不一致) are the area and city admins'. */
export const mayManageReturnVisits = (who: RoleHolder | null | undefined): boolean => isAdmin(who)

/**
 * Whose sample or list the caller draws or reads: an area admin their own area (another area's is
 * refused), the city admin the whole city or one area they name.
 */
export type ReturnVisitReach = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'refused'; why: 'other_area' | 'not_admin' }

export function returnVisitReach(subject: AdminSubject, areaId: string | undefined): ReturnVisitReach {
  const reach = adminReach(subject)
  if (reach.kind === 'area') return areaId && areaId !== reach.areaId ? { kind: 'refused', why: 'other_area' } : { kind: 'area', areaId: reach.areaId }
  if (reach.kind === 'city') return areaId ? { kind: 'area', areaId } : { kind: 'city' }
  return { kind: 'refused', why: 'not_admin' }
}

/** Reading one return visit, and recording a call on it: the admins of its area and the city (anyone else: 404). */
export const mayCallReturnVisit = (subject: AdminSubject, visit: { areaId: string }): boolean => mayAdministerArea(subject, visit.areaId)
