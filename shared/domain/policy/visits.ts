import type { Enterprise } from '../../schemas/catalog.schema'
import { isAdmin, isAreaAdmin, isCityAdmin, isEnterpriseStaff, isOfficial, isSpecialist, type RoleHolder, type Subject } from './subject'

type OnSiteScope = Pick<Enterprise, 'areaId' | 'specialistId'>
type VisitScope = { specialistId: string | null; by: { id: string } }

/**
 * Who works on site for an enterprise (走访、扫码签到、专员代提): its own specialist, the admin of its
 * area, the city admin. Everyone else — another specialist, a department, the enterprise's staff — does not.
 */
export const mayWorkOnSiteFor = (subject: Subject, enterprise: OnSiteScope): boolean =>
  (isSpecialist(subject) && enterprise.specialistId === subject.id) ||
  (isAreaAdmin(subject) && subject.areaId === enterprise.areaId) ||
  isCityAdmin(subject)

/** Recording a visit to an enterprise (记录走访). */
export const mayRecordVisit = (subject: Subject, enterprise: OnSiteScope): boolean => mayWorkOnSiteFor(subject, enterprise)

/** Checking in on site by scanning the enterprise's card (扫码签到); anyone else who scans it gets the card page. */
export const mayCheckInAt = (subject: Subject, enterprise: OnSiteScope): boolean => mayWorkOnSiteFor(subject, enterprise)

/**
 * Reading a visit record: the officials who work on site for the enterprise now, the one who
 * recorded it and the specialist it was recorded under. Never the enterprise's staff: a visit
 * record is internal (they learn only that and when their specialist came).
 */
export const maySeeVisit = (subject: Subject, visit: VisitScope, enterprise: OnSiteScope): boolean =>
  mayWorkOnSiteFor(subject, enterprise) ||
  (isOfficial(subject) && !isEnterpriseStaff(subject) && visit.by.id === subject.id) ||
  (isSpecialist(subject) && visit.specialistId === subject.id)

/** Listing one enterprise's visit records (走访记录): the officials who work on site for it. */
export const mayListVisitsOf = (subject: Subject, enterprise: OnSiteScope): boolean => mayWorkOnSiteFor(subject, enterprise)

/** Who records visits and so has a list of their own (我的走访): specialists and the area and city admins. */
export const keepsVisits = (who: RoleHolder | null | undefined): boolean => isSpecialist(who) || isAdmin(who)

/**
 * The lines "专员于 X 月 X 日走访" an enterprise's approved staff see, and the officials who work on
 * site for it; nothing else of a visit reaches the staff.
 */
export const maySeeVisitDates = (subject: Subject, enterprise: OnSiteScope & Pick<Enterprise, 'id'>): boolean =>
  (isEnterpriseStaff(subject) && subject.enterpriseIds.includes(enterprise.id)) || mayWorkOnSiteFor(subject, enterprise)
