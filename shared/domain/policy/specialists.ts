import { isAreaAdmin, isCityAdmin, isSpecialist, type RoleHolder, type Subject } from './subject'

type AreaSubject = RoleHolder & Pick<Subject, 'areaId'>
/** A user record as the roster keeps it: a role and, for most officials, an area. */
type Official = RoleHolder & { areaId?: string }

/**
 * Whose specialists' roster (专员名册) the caller reads: an area admin their own area (another
 * area's does not exist for them), the city admin the area they pick; nobody else any.
 */
export type SpecialistRoster = { kind: 'area'; areaId: string | undefined } | { kind: 'hidden' } | { kind: 'forbidden' }

export function specialistRoster(subject: AreaSubject, areaId: string | undefined): SpecialistRoster {
  if (isAreaAdmin(subject)) return areaId && areaId !== subject.areaId ? { kind: 'hidden' } : { kind: 'area', areaId: subject.areaId }
  if (isCityAdmin(subject)) return { kind: 'area', areaId }
  return { kind: 'forbidden' }
}

/** Listing an area's specialists: its admin and the city admin. */
export const mayListSpecialists = (subject: AreaSubject, areaId: string): boolean => {
  const roster = specialistRoster(subject, areaId)
  return roster.kind === 'area' && roster.areaId === areaId
}

/** Handing a specialist's whole portfolio over (移交): the city admin, or the admin of the specialist's area. */
export const mayHandOverPortfolio = (subject: AreaSubject, from: Official): boolean =>
  isSpecialist(from) && (isCityAdmin(subject) || (isAreaAdmin(subject) && from.areaId === subject.areaId))

/** Who may receive an enterprise an admin moves: a specialist, of the admin's own area unless the city admin moves it. */
export const mayReceiveEnterprise = (subject: AreaSubject, specialist: Official): boolean =>
  isSpecialist(specialist) && (isCityAdmin(subject) || (isAreaAdmin(subject) && specialist.areaId === subject.areaId))
