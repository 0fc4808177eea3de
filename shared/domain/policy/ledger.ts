import { isAdmin, isAreaAdmin, isCityAdmin, isSpecialist, type RoleHolder, type Subject } from './subject'

type LedgerSubject = RoleHolder & Pick<Subject, 'id' | 'areaId'>

/**
 * Whose problem ledger (问题台账) a person reads and exports: the city admin the city's, or one
 * area's they name; an area admin their own area's (naming another is refused); a specialist the
 * problems they hold themselves (their portfolio's rows, whatever the channel), and no area's.
 * Department and task-force handlers and enterprise staff have no ledger.
 */
export type LedgerReach =
  | { kind: 'city' }
  | { kind: 'area'; areaId: string }
  | { kind: 'portfolio'; specialistId: string }
  | { kind: 'refused'; why: 'other_area' | 'unassigned' | 'not_for_specialist' | 'no_ledger' }

export function ledgerReach(subject: LedgerSubject, areaId: string | undefined): LedgerReach {
  if (isCityAdmin(subject)) return areaId ? { kind: 'area', areaId } : { kind: 'city' }
  if (isAreaAdmin(subject)) {
    if (!subject.areaId) return { kind: 'refused', why: 'unassigned' }
    return areaId && areaId !== subject.areaId ? { kind: 'refused', why: 'other_area' } : { kind: 'area', areaId: subject.areaId }
  }
  if (isSpecialist(subject)) return areaId ? { kind: 'refused', why: 'not_for_specialist' } : { kind: 'portfolio', specialistId: subject.id }
  return { kind: 'refused', why: 'no_ledger' }
}

/** The 问题台账 entry on 我的: for the admins and the specialists. */
export const mayViewLedger = (who: RoleHolder | null | undefined): boolean => isAdmin(who) || isSpecialist(who)

/** Whether the ledger page offers an area filter: only the city admin picks among areas. */
export const mayPickLedgerArea = (who: RoleHolder | null | undefined): boolean => isCityAdmin(who)
