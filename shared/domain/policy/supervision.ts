import { isAdmin, isAreaAdmin, isCityAdmin, type RoleHolder, type Subject } from './subject'

type AdminSubject = RoleHolder & Pick<Subject, 'areaId'>

/**
 * Which areas an admin oversees (supervision, the admin pages): an area admin their own area, the
 * city admin the whole city (or one area they pick). An area admin whose account names no area
 * oversees nothing until it does; anyone else has no such business.
 */
export type AdminReach = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'unassigned' } | { kind: 'none' }

export function adminReach(subject: AdminSubject | null | undefined): AdminReach {
  if (!subject) return { kind: 'none' }
  if (isCityAdmin(subject)) return { kind: 'city' }
  if (isAreaAdmin(subject)) return subject.areaId ? { kind: 'area', areaId: subject.areaId } : { kind: 'unassigned' }
  return { kind: 'none' }
}

/** Supervision (督办队列, 每周督办简报) is the area and city admins' work. */
export const maySupervise = (who: RoleHolder | null | undefined): boolean => isAdmin(who)

/**
 * Whose supervision queue the caller reads: an area admin their own area's (another area's is
 * refused), the city admin the city's or one area's they name.
 */
export type QueueReach = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'refused'; why: 'other_area' | 'not_admin' }

export function supervisionQueueReach(subject: AdminSubject, areaId: string | undefined): QueueReach {
  const reach = adminReach(subject)
  if (reach.kind === 'area') return areaId && areaId !== reach.areaId ? { kind: 'refused', why: 'other_area' } : { kind: 'area', areaId: reach.areaId }
  if (reach.kind === 'city') return areaId ? { kind: 'area', areaId } : { kind: 'city' }
  return { kind: 'refused', why: 'not_admin' }
}

/** Reading a weekly digest (每周督办简报): an area's by its admins and the city admin, the city's by the city admin. */
export function mayReadDigest(subject: AdminSubject, areaId: string | null): boolean {
  if (isCityAdmin(subject)) return true
  return isAreaAdmin(subject) && areaId !== null && areaId === subject.areaId
}

/** The digests a list shows when no area is asked for: the city admin every scope (null), anyone else their own area. */
export const defaultDigestArea = (subject: AdminSubject): string | null => (isCityAdmin(subject) ? null : (subject.areaId ?? null))
