import type { AppealActionType } from '../../schemas/appeal.schema'
import { mayTakeAppealAction, maySeeAppeal, maySeeInternalNotes, type AppealScope } from './appeals'
import { isAdmin, type RoleHolder, type Subject } from './subject'

/** The actions that may carry files: a note, an answer, a co-handler's reply, supplied material (and the filing itself). */
export const ACTIONS_WITH_ATTACHMENTS = ['note', 'respond', 'reply-task', 'supply-material'] as const satisfies readonly AppealActionType[]

/** Uploading a file for an appeal already filed: whoever may take one of the actions that carry files (404 for those who may not see it). */
export const mayAttachToAppeal = (subject: Subject, appeal: AppealScope): boolean =>
  ACTIONS_WITH_ATTACHMENTS.some((type) => mayTakeAppealAction(subject, appeal, type))

/** An image WeChat judged risky is hidden from everyone but admins, who see it marked. */
export const maySeeFlaggedAttachment = (viewer: RoleHolder): boolean => isAdmin(viewer)

/**
 * Seeing (and downloading) one of an appeal's files: whoever sees the appeal and the event it came
 * with (internal notes and co-handlers' replies are for officials), unless WeChat flagged it.
 */
export const maySeeAttachment = (viewer: Subject, appeal: AppealScope, attachment: { internal?: boolean; check: string }): boolean =>
  maySeeAppeal(viewer, appeal) && (!attachment.internal || maySeeInternalNotes(viewer)) && (attachment.check !== 'risky' || maySeeFlaggedAttachment(viewer))
