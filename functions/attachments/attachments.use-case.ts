import type { Actor } from '@shared/domain/actor'
import { mayAttachToAppeal, mayEditKitEntry, mayFileFor, mayRecordVisit, maySeeAppeal, maySeeAttachment, maySeeKitEntry } from '@shared/domain/policy'
import { ORIGINAL_CONTENT_TYPE, ORIGINAL_TYPE_MESSAGE } from '@shared/domain/policy-pack'
import { ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Attachment, CreateUploadRequest, UploadTicket } from '@shared/schemas/attachment.schema'
import { attachmentView, issueUpload } from '../services/attachments'
import { getAppeal } from '../store/appeal.store'
import { getAttachment } from '../store/attachment.store'
import { getEnterprise } from '../store/enterprise.store'
import { getPolicyDoc } from '../store/policy-doc.store'

/**
 * An upload form for one file headed for an appeal: one the caller may add files to (404 unless
 * they see it, 403 unless they may note, answer, reply or supply material), or the one they are
 * about to file for an enterprise they belong to, the photos of a visit they are recording, or
 * the original PDF of a policy they keep.
 */
export async function createUpload(actor: Actor, request: CreateUploadRequest, now: Date): Promise<UploadTicket> {
  const { target } = request
  if (target.kind === 'new-appeal') {
    if (!mayFileFor(actor, target.enterpriseId)) throw new NotFoundError('未找到该企业，或您尚未绑定该企业')
  } else if (target.kind === 'new-visit') {
    const enterprise = await getEnterprise(target.enterpriseId)
    if (!enterprise || !mayRecordVisit(actor, enterprise)) throw new NotFoundError('未找到该企业')
  } else if (target.kind === 'policy') {
    const policy = await getPolicyDoc(target.id)
    if (!policy || !maySeeKitEntry(actor, policy)) throw new NotFoundError('未找到该政策')
    if (!mayEditKitEntry(actor, policy)) throw new ForbiddenError('您不能修改这条政策')
    if (request.contentType !== ORIGINAL_CONTENT_TYPE) throw new ValidationError(ORIGINAL_TYPE_MESSAGE, { contentType: ORIGINAL_TYPE_MESSAGE })
  } else {
    const appeal = await getAppeal(target.id)
    if (!appeal || !maySeeAppeal(actor, appeal)) throw new NotFoundError('未找到该诉求')
    if (!mayAttachToAppeal(actor, appeal)) throw new ForbiddenError('您不能为该诉求添加附件')
  }
  return issueUpload(actor, request, now)
}

/** A fresh link to one of an appeal's files, for a caller who may see it (404 otherwise, flagged images included). */
export async function appealAttachmentLink(actor: Actor, appealId: string, attachmentId: string): Promise<Attachment> {
  const appeal = await getAppeal(appealId)
  if (!appeal || !maySeeAppeal(actor, appeal)) throw new NotFoundError('未找到该诉求')
  const attachment = await getAttachment({ kind: 'appeal', id: appealId }, attachmentId)
  if (!attachment || !maySeeAttachment(actor, appeal, attachment)) throw new NotFoundError('未找到该附件')
  return attachmentView(attachment)
}
