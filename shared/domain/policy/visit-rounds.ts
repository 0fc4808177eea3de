import { isAreaAdmin, isCityAdmin, isSpecialist, type RoleHolder, type Subject } from './subject'

type RoundHolder = RoleHolder & Pick<Subject, 'id' | 'areaId'>
/** What the policy reads of a round: the area it covers (null: the whole city). */
interface RoundScope {
  areaId: string | null
}

/**
 * Opening a visit round (走访轮次): an area admin for their own area, the city admin for the city
 * or any area.
 */
export function mayOpenVisitRound(subject: RoundHolder, areaId: string | null): boolean {
  if (isCityAdmin(subject)) return true
  return isAreaAdmin(subject) && areaId !== null && subject.areaId !== undefined && areaId === subject.areaId
}

/** Rounds are the work of admins and specialists: the list and the pages are theirs alone. */
export const mayListVisitRounds = (subject: RoleHolder | null | undefined): boolean => isCityAdmin(subject) || isAreaAdmin(subject) || isSpecialist(subject)

/**
 * What of a round's coverage someone sees: the city admin all of it; an area admin their area's
 * part of a city round and the whole of their area's round; a specialist their own row (and their
 * enterprises not yet visited) of the city's rounds and of their area's; anyone else nothing (the
 * round does not exist for them).
 */
export type CoverageReach = { kind: 'all' } | { kind: 'area'; areaId: string } | { kind: 'specialist'; specialistId: string } | { kind: 'none' }

export function visitRoundCoverageReach(subject: RoundHolder, round: RoundScope): CoverageReach {
  if (isCityAdmin(subject)) return { kind: 'all' }
  const inScope = round.areaId === null || round.areaId === subject.areaId
  if (isAreaAdmin(subject)) return subject.areaId && inScope ? { kind: 'area', areaId: subject.areaId } : { kind: 'none' }
  if (isSpecialist(subject)) return inScope || !subject.areaId ? { kind: 'specialist', specialistId: subject.id } : { kind: 'none' }
  return { kind: 'none' }
}

/** Whether a round is in someone's list (and its page opens for them). */
export const maySeeVisitRound = (subject: RoundHolder, round: RoundScope): boolean => visitRoundCoverageReach(subject, round).kind !== 'none'

/** Whether one coverage row is shown: an area's row, or a specialist's (with the area of their enterprises). */
export function mayReadCoverageRow(subject: RoundHolder, round: RoundScope, row: { kind: 'area' | 'specialist'; id: string; areaId: string | null }): boolean {
  const reach = visitRoundCoverageReach(subject, round)
  switch (reach.kind) {
    case 'all':
      return true
    case 'area':
      return row.areaId === reach.areaId
    case 'specialist':
      return row.kind === 'specialist' && row.id === reach.specialistId
    case 'none':
      return false
  }
}

/** 本轮待走访: a specialist's own enterprises not yet visited in the open rounds. */
export const mayListPendingVisits = (subject: RoleHolder | null | undefined): boolean => isSpecialist(subject)
