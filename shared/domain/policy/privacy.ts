import { relationsTo, type AppealScope } from './appeals'
import { mayAdministerArea } from './enterprises'
import { isEnterpriseStaff, isSpecialist, type RoleHolder, type Subject } from './subject'

/*
 * Personal data (用户隐私保护指引, PIPL): whose phone a person reads in full, and who may delete
 * their own account. Everyone else reads a phone masked (shared/domain/mask.ts).
 */

/**
 * The filer's phone in full, and the tap to call them: the officials who handle the appeal for the
 * enterprise — its owner (the specialist) and the admins of its area and of the city. Co-handling
 * departments answer the owner, not the enterprise, and colleagues of the enterprise need no
 * number of each other: they read it masked.
 */
export const maySeeFilerPhone = (subject: Subject, appeal: AppealScope): boolean => {
  const relations = relationsTo(subject, appeal)
  return relations.has('owner') || relations.has('areaAdmin') || relations.has('cityAdmin')
}

/**
 * Deleting one's own account (注销账号): enterprise staff, whose account exists because they signed
 * in with WeChat. An official's account belongs to the roster their admin keeps (appeals are
 * assigned to it, cards carry its name): it is handed over and removed there, never by the
 * official alone.
 */
export const mayDeleteOwnAccount = (who: RoleHolder | null | undefined): boolean => isEnterpriseStaff(who)

/** The personal data the product holds about someone (我的个人信息) is theirs alone to read: keyed by the caller's id. */
export const mayReadPersonalData = (subject: Pick<Subject, 'id'>, ownerId: string): boolean => subject.id === ownerId

/**
 * The phone a person gave when asking to join an enterprise, in full: the officials who decide the
 * request and may call to check — the enterprise's specialist and its area's and the city's admins.
 * Approved colleagues, who may decide too, read it masked.
 */
export const maySeeMemberPhone = (subject: Subject, enterprise: { areaId: string; specialistId: string | null }): boolean =>
  mayAdministerArea(subject, enterprise.areaId) || (isSpecialist(subject) && enterprise.specialistId === subject.id)
