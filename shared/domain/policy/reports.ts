import type { Dimension, ReportScopeKind } from '../../schemas/report.schema'
import { isAdmin, isAreaAdmin, isCityAdmin, isSpecialist, type RoleHolder, type Subject } from './subject'

type ReportSubject = RoleHolder & Pick<Subject, 'id' | 'areaId'>

/**
 * Whose figures a person may see (and export): the city office every scope; an area admin their
 * area and the portfolios of its specialists; a specialist their own portfolio. Department and
 * task-force handlers and enterprise staff see none.
 */
export type ReportReach = { kind: 'city' } | { kind: 'area'; areaId: string | undefined } | { kind: 'specialist'; specialistId: string } | { kind: 'none' }

export function reportReach(subject: ReportSubject): ReportReach {
  if (isCityAdmin(subject)) return { kind: 'city' }
  if (isAreaAdmin(subject)) return { kind: 'area', areaId: subject.areaId }
  if (isSpecialist(subject)) return { kind: 'specialist', specialistId: subject.id }
  return { kind: 'none' }
}

/** The reports (统计报表) are for admins and specialists. */
export const mayViewReports = (who: RoleHolder | null | undefined): boolean => isAdmin(who) || isSpecialist(who)

/** A report's scope as the policy needs it: for a specialist's portfolio, the specialist's area. */
export interface ReportScopeRef {
  kind: ReportScopeKind
  id: string
  /** kind 'specialist': the area the specialist works in (none at city level). */
  areaId?: string
}

export function mayViewReportScope(subject: ReportSubject, scope: ReportScopeRef): boolean {
  switch (scope.kind) {
    case 'city':
    case 'department':
    case 'taskForce':
      return isCityAdmin(subject)
    case 'area':
      return isCityAdmin(subject) || (isAreaAdmin(subject) && subject.areaId === scope.id)
    case 'specialist':
      return (isSpecialist(subject) && subject.id === scope.id) || isCityAdmin(subject) || (isAreaAdmin(subject) && scope.areaId === subject.areaId)
  }
}

/**
 * Before the specialist is looked up: whether this person could see some specialist's report of
 * that id at all (themself, or as an admin). Anyone else is refused (403) without a lookup.
 */
export const mightViewSpecialistReport = (subject: ReportSubject, specialistId: string): boolean =>
  (isSpecialist(subject) && subject.id === specialistId) || isAdmin(subject)

/**
 * Which breakdown rows of a report open the row's own report: the city office those of areas,
 * co-handling units and specialists; an area admin those of specialists (the server still asks
 * mayViewReportScope when the row's report is opened).
 */
export function mayOpenBreakdownRow(who: RoleHolder, dimension: Dimension): boolean {
  if (isCityAdmin(who)) return dimension === 'area' || dimension === 'unit' || dimension === 'specialist'
  return isAreaAdmin(who) && dimension === 'specialist'
}
