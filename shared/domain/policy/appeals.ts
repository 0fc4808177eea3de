import type { Appeal, AppealActionType } from '../../schemas/appeal.schema'
import type { Enterprise } from '../../schemas/catalog.schema'
import { isCoHandlerOf } from './co-handling'
import { keepsVisits, mayWorkOnSiteFor } from './visits'
import {
  isAreaAdmin,
  isCityAdmin,
  isCoHandlerRole,
  isDepartmentHandler,
  isEnterpriseStaff,
  isOfficial,
  isSpecialist,
  isTaskForceHandler,
  type RoleHolder,
  type Subject,
} from './subject'

/**
 * How someone stands to one appeal; a person may hold several relations at once. `commonWorker`:
 * the appeal is linked to a common problem (共性问题) and this person works that problem — its
 * holder, or an admin over the appeal — so they accept, note, set the measure and answer it
 * through the common problem.
 */
export type Relation = 'staff' | 'owner' | 'coHandler' | 'areaAdmin' | 'cityAdmin' | 'commonWorker'

export type AppealScope = Pick<Appeal, 'enterpriseId' | 'ownerId' | 'areaId' | 'coHandlers' | 'filedBy'> & Partial<Pick<Appeal, 'commonProblem'>>

/** A pending member of an enterprise is staff only of the appeals they filed themselves. */
const isPendingFiler = (subject: Subject, appeal: AppealScope): boolean =>
  subject.pendingEnterpriseIds.includes(appeal.enterpriseId) && appeal.filedBy.id === subject.id

/**
 * The enterprise's staff (approved, or the pending member who filed it), the owning specialist,
 * a co-handling department's or task force's handler, the area's admin, the city admin.
 */
export function relationsTo(subject: Subject, appeal: AppealScope): Set<Relation> {
  const relations = new Set<Relation>()
  if (isEnterpriseStaff(subject) && (subject.enterpriseIds.includes(appeal.enterpriseId) || isPendingFiler(subject, appeal))) relations.add('staff')
  if (isSpecialist(subject) && appeal.ownerId === subject.id) relations.add('owner')
  if (isCoHandlerRole(subject) && isCoHandlerOf(subject, appeal)) relations.add('coHandler')
  if (isAreaAdmin(subject) && appeal.areaId === subject.areaId) relations.add('areaAdmin')
  if (isCityAdmin(subject)) relations.add('cityAdmin')
  if (appeal.commonProblem && isOfficial(subject) && (appeal.commonProblem.holderId === subject.id || relations.has('areaAdmin') || relations.has('cityAdmin'))) {
    relations.add('commonWorker')
  }
  return relations
}

/** Seeing an appeal at all; everything else about it is refused with 404 when this is false. */
export const maySeeAppeal = (subject: Subject, appeal: AppealScope): boolean => relationsTo(subject, appeal).size > 0

/**
 * Staff file for enterprises they are bound to, approved or still pending (a new user who scanned
 * the card may file at once); officials file on behalf in later channels.
 */
export const mayFileFor = (subject: Subject, enterpriseId: string): boolean =>
  isEnterpriseStaff(subject) && (subject.enterpriseIds.includes(enterpriseId) || subject.pendingEnterpriseIds.includes(enterpriseId))

/**
 * 专员代提: an official files for an enterprise they work for on site — its own specialist, the
 * admin of its area, the city admin — by phone, from a visit record or at an exchange day.
 */
export const mayFileOnBehalf = (subject: Subject, enterprise: Pick<Enterprise, 'areaId' | 'specialistId'>): boolean => mayWorkOnSiteFor(subject, enterprise)

/** Who may file on behalf of some enterprise at all (an enterprise's own staff never do): those who keep visits. */
export const mayWorkForEnterprises = (subject: RoleHolder): boolean => keepsVisits(subject)

const ADMINS: readonly Relation[] = ['areaAdmin', 'cityAdmin']

/**
 * DESIGN §4: who may take each action, by their relation to the appeal. The state machine adds
 * from which states and on what further condition of the appeal's state (appeal-machine.ts).
 */
export const ACTION_TAKERS: Record<AppealActionType, readonly Relation[]> = {
  accept: ['owner', 'commonWorker'],
  note: ['owner', 'coHandler', 'staff', 'commonWorker', ...ADMINS],
  respond: ['owner', 'commonWorker'],
  evaluate: ['staff'],
  withdraw: ['staff'],
  'co-handle': ['owner', ...ADMINS],
  'accept-task': ['coHandler'],
  'reply-task': ['coHandler'],
  transfer: ['owner', ...ADMINS],
  escalate: ['owner', ...ADMINS],
  extend: ADMINS,
  'request-material': ['owner'],
  'supply-material': ['staff'],
  'set-measure': ['owner', 'commonWorker', ...ADMINS],
  // For an enterprise with nobody in the app: the official who called it records what it said.
  'call-evaluate': ['owner', ...ADMINS],
  reopen: ADMINS,
}

/** Whether this person is one who may take the action on this appeal (its state aside: a 403 when not). */
export const mayTakeAppealAction = (subject: Subject, appeal: AppealScope, type: AppealActionType): boolean => {
  const relations = relationsTo(subject, appeal)
  return ACTION_TAKERS[type].some((r) => relations.has(r))
}

/** Internal notes are written by officials, for officials: enterprise staff neither read nor write them. */
export const maySeeInternalNotes = (viewer: RoleHolder): boolean => isOfficial(viewer)
export const mayWriteInternalNote = (author: RoleHolder): boolean => isOfficial(author)

/**
 * Co-handlers' replies are addressed to the owner, who answers the enterprise in their own words:
 * of an appeal they may see, officials read the replies, enterprise staff do not.
 */
export const maySeeCoHandlerReplies = (viewer: RoleHolder): boolean => isOfficial(viewer)

/** Filed by a person of the enterprise, not by an official on its behalf: they hear of its progress. */
export const filedByEnterprise = (appeal: Pick<Appeal, 'filedBy'>): boolean => isEnterpriseStaff(appeal.filedBy)

/**
 * Who may receive a transferred appeal: a specialist of the appeal's own area or one working at
 * city level (no area). Nobody outside the area gains sight of its appeals through a transfer.
 */
export const mayReceiveTransfer = (appeal: Pick<Appeal, 'areaId'>, user: RoleHolder & { areaId?: string }): boolean =>
  isSpecialist(user) && (user.areaId === appeal.areaId || !user.areaId)

/** Whether someone who hands the appeal to another specialist still sees it afterwards (a specialist does not). */
export const seesAfterTransfer = (subject: Subject, appeal: AppealScope, toSpecialistId: string): boolean =>
  maySeeAppeal(subject, { ...appeal, ownerId: toSpecialistId })

/** The sets of appeals a person's list is made of; the store turns each into one index Query. */
export type ListingScope =
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'enterpriseFiler'; enterpriseId: string; filerId: string }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'coHandler'; coHandler: { kind: 'department' | 'taskForce'; id: string } }
  | { kind: 'area'; areaId: string }
  | { kind: 'city' }

/** The lists that hold exactly the appeals `maySeeAppeal` lets this person see. */
export function listingScopes(subject: Subject): ListingScope[] {
  if (isEnterpriseStaff(subject)) {
    return [
      ...subject.enterpriseIds.map((enterpriseId): ListingScope => ({ kind: 'enterprise', enterpriseId })),
      ...subject.pendingEnterpriseIds.map((enterpriseId): ListingScope => ({ kind: 'enterpriseFiler', enterpriseId, filerId: subject.id })),
    ]
  }
  if (isSpecialist(subject)) return [{ kind: 'owner', ownerId: subject.id }]
  if (isDepartmentHandler(subject)) return subject.departmentId ? [{ kind: 'coHandler', coHandler: { kind: 'department', id: subject.departmentId } }] : []
  if (isTaskForceHandler(subject)) return subject.taskForceId ? [{ kind: 'coHandler', coHandler: { kind: 'taskForce', id: subject.taskForceId } }] : []
  if (isAreaAdmin(subject)) return subject.areaId ? [{ kind: 'area', areaId: subject.areaId }] : []
  if (isCityAdmin(subject)) return [{ kind: 'city' }]
  return []
}

