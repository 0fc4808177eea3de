import type { CommonProblem } from '../../schemas/common-problem.schema'
import { relationsTo, type AppealScope } from './appeals'
import { isAreaAdmin, isCityAdmin, isSpecialist, type RoleHolder, type Subject } from './subject'

/*
 * 共性问题: appeals that are one problem, worked once. The official who links them holds the
 * problem; the admins over its area (the city admin over all) work it too. Enterprise staff never
 * see a common problem, nor — through its suggestions or its list — another enterprise's appeal:
 * they see their own appeal, answered.
 */
type AreaSubject = RoleHolder & Pick<Subject, 'id' | 'areaId'>
type ProblemScope = Pick<CommonProblem, 'areaId' | 'holder'>

/** Who works with common problems at all (the list, the entry on 我的): specialists and admins. */
export const mayWorkCommonProblems = (who: RoleHolder | null | undefined): boolean => isSpecialist(who) || isAreaAdmin(who) || isCityAdmin(who)

/**
 * Linking an appeal into a common problem, and asking for appeals like it: its owner, the admin
 * of its area, the city admin. (Whether its state allows it is the domain's: open, not yet linked.)
 */
export const mayLinkToCommonProblem = (subject: Subject, appeal: AppealScope): boolean => {
  const relations = relationsTo(subject, appeal)
  return relations.has('owner') || relations.has('areaAdmin') || relations.has('cityAdmin')
}

/** Seeing and working a common problem: its holder, the admin of its area, the city admin; 404 for anyone else. */
export const mayWorkCommonProblem = (subject: AreaSubject, problem: ProblemScope): boolean =>
  problem.holder.id === subject.id || isCityAdmin(subject) || (isAreaAdmin(subject) && problem.areaId !== null && problem.areaId === subject.areaId)

/** Whose open appeals the suggestions look among: the city admin's span every area; anyone else's stay in the appeal's own. */
export const maySuggestAcrossAreas = (who: RoleHolder | null | undefined): boolean => isCityAdmin(who)

/** The lists a person's common problems are made of; the store turns each into one index Query. */
export type CommonProblemListing = { kind: 'scope'; areaId: string | null } | { kind: 'holder'; userId: string } | { kind: 'city' }

/** The lists that hold the problems `mayWorkCommonProblem` lets this person work (and those they hold). */
export function commonProblemListings(subject: AreaSubject): CommonProblemListing[] {
  if (isCityAdmin(subject)) return [{ kind: 'city' }]
  const held: CommonProblemListing = { kind: 'holder', userId: subject.id }
  if (isAreaAdmin(subject) && subject.areaId) return [{ kind: 'scope', areaId: subject.areaId }, held]
  if (isSpecialist(subject)) return [held]
  return []
}
