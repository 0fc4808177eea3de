import { mayAdministerArea } from './enterprises'
import { isAreaAdmin, isCityAdmin, isOfficial, type RoleHolder, type Subject } from './subject'

type Official = RoleHolder & { areaId?: string }

/**
 * Issuing a login invitation (登录邀请码) for an official: the city admin for anyone; an area
 * admin for the officials of their area, but never for a city admin. Enterprise staff sign in
 * with WeChat and are never invited: to the inviter they do not exist (404), nor do officials
 * beyond their reach; a city admin within reach is refused outright (403).
 */
export type InvitationAnswer = 'allowed' | 'hidden' | 'forbidden'

export function invitationAnswer(subject: RoleHolder & Pick<Subject, 'areaId'>, official: Official): InvitationAnswer {
  if (!isOfficial(official)) return 'hidden'
  const inReach = isCityAdmin(subject) || (isAreaAdmin(subject) && official.areaId !== undefined && mayAdministerArea(subject, official.areaId))
  if (!inReach) return 'hidden'
  if (isCityAdmin(official) && !isCityAdmin(subject)) return 'forbidden'
  return 'allowed'
}

export const mayInviteOfficial = (subject: RoleHolder & Pick<Subject, 'areaId'>, official: Official): boolean => invitationAnswer(subject, official) === 'allowed'

/**
 * A WeChat account already linked to an official keeps them: it may not claim another official's
 * invitation. One that was only a staff account is taken over by the official.
 */
export const holdsOfficialAccount = (linked: RoleHolder): boolean => isOfficial(linked)
