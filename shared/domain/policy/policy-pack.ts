import { mayAdministerArea } from './enterprises'
import { adminReach } from './supervision'
import { isAdmin, isCityAdmin, isEnterpriseStaff, isOfficial, type RoleHolder, type Subject } from './subject'

/*
 * The specialist's kit: policy documents (政策包 / 升规指南), the FAQ handbook and the deflection
 * count. Published entries are public to everyone signed in; drafts and withdrawn policies only
 * to the admins who keep them. The city office keeps the city's entries (owner area null) and may
 * keep any area's; an area's admins keep their area's.
 */
type AdminSubject = RoleHolder & Pick<Subject, 'areaId'>
type KitEntry = { status: string; ownerAreaId: string | null }

/** The owner area of what this admin writes: null (the city's) for the city office, their area for an area admin; undefined for anyone else. */
export function kitOwnerAreaOf(subject: AdminSubject): string | null | undefined {
  const reach = adminReach(subject)
  if (reach.kind === 'city') return null
  if (reach.kind === 'area') return reach.areaId
  return undefined
}

/** Writing a new policy or FAQ entry: area and city admins (an area admin's applies to their area). */
export const mayWriteKitEntry = (subject: AdminSubject): boolean => kitOwnerAreaOf(subject) !== undefined

/** Editing, publishing, withdrawing or expiring an entry: the city office any; an area's admins their area's. */
export const mayEditKitEntry = (subject: AdminSubject, entry: Pick<KitEntry, 'ownerAreaId'>): boolean =>
  isCityAdmin(subject) || (isAdmin(subject) && entry.ownerAreaId !== null && kitOwnerAreaOf(subject) === entry.ownerAreaId)

/** Seeing an entry: a published one, everyone signed in; a draft or a withdrawn one, those who may edit it. */
export const maySeeKitEntry = (subject: AdminSubject, entry: KitEntry): boolean => entry.status === 'published' || mayEditKitEntry(subject, entry)

/** The 我的 page's kit editing entries (编辑政策包与问答): area and city admins. */
export const mayManageKit = (subject: AdminSubject): boolean => mayWriteKitEntry(subject)

/** 起草常见问答 from an appeal's answer: admins who write kit entries and administer the appeal's area. */
export const mayDraftFaqFromAppeal = (subject: AdminSubject, appeal: { areaId: string }): boolean =>
  mayWriteKitEntry(subject) && mayAdministerArea(subject, appeal.areaId)

/** Saying "已解决，不再提交" on the filing form: enterprise staff, the people who file. */
export const mayRecordDeflection = (who: RoleHolder | null | undefined): boolean => isEnterpriseStaff(who)

/** Reading the monthly deflection rate (知识库拦截率): area and city admins. */
export const mayReadDeflections = (who: RoleHolder | null | undefined): boolean => isAdmin(who)

/** Whether a policy list is matched to an enterprise (enterprise staff) rather than listed by scope (officials). */
export const readsPoliciesAsEnterprise = (who: RoleHolder | null | undefined): boolean => isEnterpriseStaff(who)

/** Officials see the kit's lists by scope; used by the 我的 page to word the entry. */
export const readsPoliciesAsOfficial = (who: RoleHolder | null | undefined): boolean => isOfficial(who)

/** Whose deflection figures the caller reads: an area admin their own area's; the city admin the city's or one area's. */
export type DeflectionReach = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'refused'; why: 'other_area' | 'not_admin' }

export function deflectionReach(subject: AdminSubject, areaId: string | undefined): DeflectionReach {
  const reach = adminReach(subject)
  if (reach.kind === 'area') return areaId && areaId !== reach.areaId ? { kind: 'refused', why: 'other_area' } : { kind: 'area', areaId: reach.areaId }
  if (reach.kind === 'city') return areaId ? { kind: 'area', areaId } : { kind: 'city' }
  return { kind: 'refused', why: 'not_admin' }
}

/** The kit's pages (政策包、高频问题解答、搜索): everyone signed in. */
export const mayReadKit = (who: RoleHolder | null | undefined): boolean => isEnterpriseStaff(who) || isOfficial(who)

/** The filing form's suggestions (先看看有没有现成答案): enterprise staff, who would otherwise file. */
export const seesFilingSuggestions = (who: RoleHolder | null | undefined): boolean => isEnterpriseStaff(who)
