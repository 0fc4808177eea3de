import { maySeeEnterprise } from './enterprises'
import { isAreaAdmin, isEnterpriseStaff, isSpecialist, type RoleHolder, type Subject } from './subject'

/**
 * Asking to join an enterprise by scanning its card is for enterprise staff (a new WeChat user is
 * one); an official signed in is told to switch identity instead.
 */
export const mayBindByCard = (who: RoleHolder | null | undefined): boolean => isEnterpriseStaff(who)

/**
 * Who may let a person in as the enterprise's staff, or turn them away: its specialist, the area
 * or city admin, and any colleague already approved (they know who works there).
 */
export const mayDecideStaff = maySeeEnterprise

/** Nobody decides their own request or membership: a colleague, the specialist or an admin does. */
export const mayDecideBindingOf = (subject: Pick<Subject, 'id'>, userId: string): boolean => subject.id !== userId

/** Specialists and area admins have join requests waiting for them (待核实的企业联系人). */
export const mayDecideJoinRequests = (who: RoleHolder | null | undefined): boolean => isSpecialist(who) || isAreaAdmin(who)

/** The queue of open join requests this person decides: their portfolio's, or their area's. */
export type PendingQueue = { kind: 'portfolio'; specialistId: string } | { kind: 'area'; areaId: string }

export function pendingQueueOf(subject: RoleHolder & Pick<Subject, 'id' | 'areaId'>): PendingQueue | null {
  if (!mayDecideJoinRequests(subject)) return null
  if (isSpecialist(subject)) return { kind: 'portfolio', specialistId: subject.id }
  return subject.areaId ? { kind: 'area', areaId: subject.areaId } : null
}
