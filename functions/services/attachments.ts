import { fileTypeFromBuffer } from 'file-type'
import { randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import type { Actor } from '@shared/domain/actor'
import { bytesMatch, countProblem, kindOf } from '@shared/domain/attachments'
import { maySeeAttachment } from '@shared/domain/policy'
import type { AppealScope } from '@shared/domain/policy'
import { ValidationError } from '@shared/errors'
import type { Attachment, AttachmentOwner, CreateUploadRequest, UploadTarget, UploadTicket } from '@shared/schemas/attachment.schema'
import { copyAttachmentObject, deleteAttachmentObject, presignAttachment, presignUploadForm, readObjectStart } from '../lib/s3'
import { describeError, logger } from '../lib/logger'
import {
  attachmentObjectKey,
  attachmentWrites,
  getUploads,
  incomingObjectKey,
  listAttachments,
  putUpload,
  recordMediaCheckStarted,
  type StoredAttachment,
  type Upload,
} from '../store/attachment.store'
import type { TransactItems } from '../store/transact'
import { findOpenidOfUser } from '../store/user.store'
import { wechatClient } from './wechat'
import { WeChatError, WECHAT_ERRCODE } from './wechat-client'

/*
 * Attachments, for any owner (appeals now; visits reuse it): upload forms, the check of an
 * uploaded object before it is attached, the links, and WeChat's media check of images.
 */

/** How long an upload form works: enough for 20 MB on a slow phone connection. */
export const UPLOAD_FORM_SECONDS = 10 * 60
/** How many first bytes are read to tell what a file is (Office files need the zip's first entries). */
const SNIFF_BYTES = 64 * 1024
/** WeChat fetches the image some time after it was asked to check it. */
const MEDIA_CHECK_LINK_SECONDS = 6 * 3600

const FIELD = 'attachments'
const refuse = (message: string) => new ValidationError(message, { [FIELD]: message }, 'INVALID_ATTACHMENT')

/** An upload form for one file, for a caller whose right to attach to `target` the feature has checked. */
export async function issueUpload(actor: Actor, request: CreateUploadRequest, now: Date, formSeconds = UPLOAD_FORM_SECONDS): Promise<UploadTicket> {
  const id = `up-${ulid(now.getTime()).toLowerCase()}`
  const formExpiresAt = new Date(now.getTime() + formSeconds * 1000)
  await putUpload({
    id,
    uploaderId: actor.id,
    target: request.target,
    fileName: request.fileName,
    size: request.size,
    contentType: request.contentType,
    createdAt: now.toISOString(),
    formExpiresAt: formExpiresAt.toISOString(),
  })
  const form = await presignUploadForm(incomingObjectKey(id), request.contentType, request.size, formSeconds)
  return { id, url: form.url, fields: form.fields, expiresAt: formExpiresAt.toISOString() }
}

const sameTarget = (a: UploadTarget, b: UploadTarget) =>
  (a.kind === 'appeal' && b.kind === 'appeal') || (a.kind === 'policy' && b.kind === 'policy')
    ? a.id === b.id
    : (a.kind === 'new-appeal' && b.kind === 'new-appeal') || (a.kind === 'new-visit' && b.kind === 'new-visit')
      ? a.enterpriseId === b.enterpriseId
      : false

/** Files checked and copied to where they are kept, ready to be written with their owner's change. */
export interface PreparedAttachments {
  attachments: StoredAttachment[]
  /** The items that record them and consume their uploads, for the owner's transaction. */
  writes: TransactItems
  /** After the transaction failed: remove the copies nobody will point at. */
  discard(): Promise<void>
  /** After the transaction succeeded: drop the uploaded originals and ask WeChat to check the images. */
  settle(): Promise<void>
}

const NONE: PreparedAttachments = { attachments: [], writes: [], discard: async () => undefined, settle: async () => undefined }

/**
 * Checks the uploads a caller names for an item and readies them as attachments of `owner`.
 * Each must be the caller's own, issued for this target, not yet attached, and uploaded: an object
 * of exactly the declared size whose first bytes are the declared type (not its name). Any
 * failure refuses the whole item (400 on `attachments`) before anything is written.
 */
export async function prepareAttachments(
  actor: Actor,
  target: UploadTarget,
  uploadIds: readonly string[],
  owner: AttachmentOwner,
  event: { seq: number; internal?: boolean },
  now: Date,
): Promise<PreparedAttachments> {
  if (uploadIds.length === 0) return NONE
  const uploads = await getUploads(uploadIds)
  const chosen: Upload[] = []
  for (const id of uploadIds) {
    const upload = uploads.get(id)
    // Another's upload, one for another appeal, one already attached or expired away: all alike to the caller.
    if (!upload || upload.uploaderId !== actor.id || !sameTarget(upload.target, target)) throw refuse('附件无效或已被使用，请重新上传')
    if (Date.parse(upload.createdAt) + 24 * 3600_000 <= now.getTime()) throw refuse(`「${upload.fileName}」上传已过期，请重新上传`)
    chosen.push(upload)
  }
  const tooMany = countProblem(chosen.map((u) => kindOf(u.contentType)))
  if (tooMany) throw refuse(tooMany)

  const found = await Promise.all(chosen.map((u) => readObjectStart(incomingObjectKey(u.id), SNIFF_BYTES)))
  for (const [index, upload] of chosen.entries()) {
    const object = found[index]
    if (!object) throw refuse(`「${upload.fileName}」尚未上传完成，请重新上传`)
    if (object.size !== upload.size) throw refuse(`「${upload.fileName}」的大小与声明不符，请重新上传`)
    const sniffed = await fileTypeFromBuffer(object.head)
    if (!bytesMatch(upload.contentType, sniffed?.mime)) throw refuse(`「${upload.fileName}」的内容与文件类型不符，请上传真实的图片或文档`)
  }

  const attachments: StoredAttachment[] = chosen.map((upload, position) => ({
    id: upload.id,
    position,
    owner,
    eventSeq: event.seq,
    kind: kindOf(upload.contentType),
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    uploadedBy: { id: actor.id, name: actor.name },
    uploadedAt: now.toISOString(),
    check: kindOf(upload.contentType) === 'image' ? 'pending' : 'none',
    objectKey: attachmentObjectKey(upload.id, randomBytes(6).toString('hex')),
    ...(event.internal ? { internal: true } : {}),
  }))
  await Promise.all(attachments.map((a) => copyAttachmentObject(incomingObjectKey(a.id), a.objectKey, a.contentType)))
  return {
    attachments,
    writes: attachmentWrites(attachments),
    discard: async () => {
      await Promise.all(attachments.map((a) => deleteAttachmentObject(a.objectKey).catch(() => undefined)))
    },
    settle: async () => {
      // The change is written: what is left to do here must not fail it (an upload left behind expires with incoming/).
      try {
        await Promise.all(attachments.map((a) => deleteAttachmentObject(incomingObjectKey(a.id)).catch(() => undefined)))
        await startMediaChecks(attachments.filter((a) => a.kind === 'image'), actor.id)
      } catch (error) {
        logger.error('attachments written, media checks not all started', { ...describeError(error) })
      }
    },
  }
}

/**
 * Asks WeChat to check each image (mediaCheckAsync v2); the verdict arrives later at the
 * message-push route. When WeChat cannot take the check (no openid for the uploader, WeChat not
 * configured or refusing), the image stays visible as `unchecked`, as an unchecked text does.
 */
async function startMediaChecks(images: readonly StoredAttachment[], uploaderId: string): Promise<void> {
  if (images.length === 0) return
  const openid = await findOpenidOfUser(uploaderId)
  for (const image of images) {
    let traceId: string | undefined
    try {
      if (!openid) throw new WeChatError(WECHAT_ERRCODE.busy, 'no openid for the uploader')
      const mediaUrl = await presignAttachment(image.objectKey, image.fileName, true, MEDIA_CHECK_LINK_SECONDS)
      traceId = (await wechatClient().checkMediaAsync({ mediaUrl, openid, scene: 1 })).traceId
    } catch (error) {
      logger.info('media check not started', { attachmentId: image.id, reason: error instanceof Error ? error.message : String(error) })
    }
    await recordMediaCheckStarted(image.owner, image.id, traceId ? 'pending' : 'unchecked', traceId)
  }
}

/** One attachment as a viewer gets it: a fresh link, and marked when WeChat flagged it (admins only see those). */
export async function attachmentView(attachment: StoredAttachment): Promise<Attachment> {
  const { internal: _internal, traceId: _trace, checkedAt: _checked, objectKey, position: _position, ...view } = attachment
  const url = await presignAttachment(objectKey, attachment.fileName, attachment.kind === 'image')
  return { ...view, url, ...(attachment.check === 'risky' ? { flagged: true } : {}) }
}

/** An appeal's attachments this viewer may see, each with a link: by event, then as their uploader ordered them. */
export async function visibleAppealAttachments(viewer: Actor, appeal: AppealScope & { id: string }): Promise<Attachment[]> {
  const stored = await listAttachments({ kind: 'appeal', id: appeal.id })
  const shown = stored.filter((a) => maySeeAttachment(viewer, appeal, a)).sort((a, b) => a.eventSeq - b.eventSeq || a.position - b.position)
  return Promise.all(shown.map(attachmentView))
}

