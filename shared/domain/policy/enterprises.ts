import type { Enterprise } from '../../schemas/catalog.schema'
import { isAdmin, isAreaAdmin, isCityAdmin, isEnterpriseStaff, isSpecialist, type RoleHolder, type Subject } from './subject'

type EnterpriseScope = Pick<Enterprise, 'id' | 'areaId' | 'specialistId'>
type AreaSubject = RoleHolder & Pick<Subject, 'areaId'>

/** Area admins administer their own area; the city admin administers every area. */
export const mayAdministerArea = (subject: AreaSubject, areaId: string): boolean =>
  isCityAdmin(subject) || (isAreaAdmin(subject) && subject.areaId === areaId)

/** The area ids an admin's roster work may change: 'all' for the city, none for anyone else. */
export function administeredAreas(subject: AreaSubject): readonly string[] | 'all' {
  if (isCityAdmin(subject)) return 'all'
  if (isAreaAdmin(subject) && subject.areaId) return [subject.areaId]
  return []
}

/** The admin pages (名册导入, 企业名册, 专员名册, 打印联系卡) are the area and city admins'. */
export const mayManageRoster = (who: RoleHolder | null | undefined): boolean => isAdmin(who)

/** Importing a roster file: whoever administers at least one area (the rows are then held to those areas). */
export const mayImportRoster = (subject: AreaSubject): boolean => {
  const areas = administeredAreas(subject)
  return areas === 'all' || areas.length > 0
}

/** Who may see an enterprise's people and roster entry: its admins, its specialist, its approved staff. */
export const maySeeEnterprise = (subject: Subject, enterprise: EnterpriseScope): boolean =>
  mayAdministerArea(subject, enterprise.areaId) ||
  (isSpecialist(subject) && enterprise.specialistId === subject.id) ||
  (isEnterpriseStaff(subject) && subject.enterpriseIds.includes(enterprise.id))

/** Listing an area's roster of enterprises (企业名册): the admins of that area. */
export const mayListAreaRoster = (subject: AreaSubject, areaId: string): boolean => mayAdministerArea(subject, areaId)

/** Moving one enterprise to another specialist (调整专员): the admins of its area. */
export const mayReassignEnterprise = (subject: AreaSubject, enterprise: Pick<Enterprise, 'areaId'>): boolean => mayAdministerArea(subject, enterprise.areaId)

/** A specialist has a portfolio of their own to read (我服务的企业). */
export const hasPortfolio = (who: RoleHolder | null | undefined): boolean => isSpecialist(who)

/**
 * Who may list a specialist's portfolio: the specialist themself, the city admin, and the admin of
 * the specialist's area (another area's admin asking is answered with their own area's part of it,
 * which holds none of it).
 */
export const maySeePortfolio = (subject: AreaSubject & Pick<Subject, 'id'>, specialist: { id: string; areaId?: string }): boolean =>
  isCityAdmin(subject) ||
  (isAreaAdmin(subject) && specialist.areaId !== undefined && specialist.areaId === subject.areaId) ||
  (isSpecialist(subject) && subject.id === specialist.id)

/**
 * Which enterprises a roster list (GET /api/enterprises) may hold for this person, given what
 * they asked for: a specialist their own portfolio; an area admin their area (optionally one
 * specialist's part of it); the city admin any area or any portfolio, once they name one.
 */
export type EnterpriseListing =
  | { kind: 'portfolio'; specialistId: string }
  | { kind: 'area'; areaId: string | undefined }
  | { kind: 'asked' }
  | { kind: 'needsArea' }
  | { kind: 'hidden'; what: 'specialist' | 'area' }
  | { kind: 'forbidden' }

export function enterpriseListing(subject: AreaSubject & Pick<Subject, 'id'>, query: { areaId?: string; specialistId?: string }): EnterpriseListing {
  if (isSpecialist(subject)) {
    // 我服务的企业: their own portfolio, read-only; anyone else's is not there for them.
    if (query.specialistId && !maySeePortfolio(subject, { id: query.specialistId })) return { kind: 'hidden', what: 'specialist' }
    return { kind: 'portfolio', specialistId: subject.id }
  }
  if (isAreaAdmin(subject)) {
    if (query.areaId && !mayListAreaRoster(subject, query.areaId)) return { kind: 'hidden', what: 'area' }
    return { kind: 'area', areaId: subject.areaId }
  }
  if (isCityAdmin(subject)) return query.areaId || query.specialistId ? { kind: 'asked' } : { kind: 'needsArea' }
  return { kind: 'forbidden' }
}
