import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Attachment, AttachmentOwner, MediaCheck, UploadTarget } from '@shared/schemas/attachment.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchGetAll } from './batch'
import { stripKeys } from './keys'
import type { TransactItems } from './transact'

/*
 * Uploads and attachments.
 *   UPLOAD#<id> / UPLOAD                  an upload ticket: who may attach it, to what, and what it declared;
 *                                         expires (TTL) a day after it was issued
 *   ATTACH#<kind>#<ownerId> / ATT#<id>    an attached file, in its owner's partition (kind: appeal, …)
 *   MEDIACHECK#<traceId> / MEDIACHECK     which attachment a WeChat media check is about
 * Object keys in the bucket: incoming/<id> while uploading, attachments/<id> once attached.
 */
const KEYS = {
  upload: (id: string) => ({ pk: `UPLOAD#${id}`, sk: 'UPLOAD' }),
  attachment: (owner: AttachmentOwner, id: string) => ({ pk: `ATTACH#${owner.kind}#${owner.id}`, sk: `ATT#${id}` }),
  ownerPartition: (owner: AttachmentOwner) => `ATTACH#${owner.kind}#${owner.id}`,
  /** Sort-key prefix of an owner's attachments. */
  attachments: 'ATT#',
  mediaCheck: (traceId: string) => ({ pk: `MEDIACHECK#${traceId}`, sk: 'MEDIACHECK' }),
}

export const incomingObjectKey = (uploadId: string) => `incoming/${uploadId}`
/** Each copy gets a key of its own, so that a write that lost a race removes only its own copy. */
export const attachmentObjectKey = (attachmentId: string, copy: string) => `attachments/${attachmentId}/${copy}`

export interface Upload {
  id: string
  uploaderId: string
  target: UploadTarget
  fileName: string
  size: number
  contentType: Attachment['contentType']
  createdAt: string
  /** When the upload form stops working; the ticket itself is kept a day for the attach. */
  formExpiresAt: string
}

/** A stored attachment: the view's fields without the link, plus whether its event is internal. */
export type StoredAttachment = Omit<Attachment, 'url' | 'flagged'> & {
  objectKey: string
  /** Its place among the files of its item, as the uploader named them. */
  position: number
  internal?: boolean
  traceId?: string
  checkedAt?: string
}

const UPLOAD_TTL_SECONDS = 24 * 3600

/** Access pattern: keep an upload ticket issued to a caller. */
export async function putUpload(upload: Upload): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: KEYS.upload(upload.id),
      UpdateExpression: 'SET entity = :entity, #u = :upload, expiresAt = :expires',
      ExpressionAttributeNames: { '#u': 'upload' },
      ExpressionAttributeValues: { ':entity': 'UPLOAD', ':upload': upload, ':expires': Math.floor(Date.parse(upload.createdAt) / 1000) + UPLOAD_TTL_SECONDS },
    }),
  )
}

/** Access pattern: upload tickets by id (those not yet attached and not expired away). */
export async function getUploads(ids: readonly string[]): Promise<Map<string, Upload>> {
  if (ids.length === 0) return new Map()
  const items = await batchGetAll(ids.map(KEYS.upload), { consistent: true })
  return new Map(items.map((item) => [String((item.upload as Upload).id), item.upload as Upload]))
}

/**
 * Access pattern: attach files, inside the owner's write — each attachment is put once, and its
 * upload ticket is consumed (deleted only if it still exists), so one upload is attached once.
 */
export function attachmentWrites(attachments: readonly StoredAttachment[]): TransactItems {
  return attachments.flatMap((attachment) => [
    { Put: { TableName: TABLE, Item: { ...KEYS.attachment(attachment.owner, attachment.id), entity: 'ATTACHMENT', ...attachment }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Delete: { TableName: TABLE, Key: KEYS.upload(attachment.id), ConditionExpression: 'attribute_exists(pk)' } },
  ])
}

/** Access pattern: an owner's attachments, in no particular order (the caller orders them by item and position). */
export async function listAttachments(owner: AttachmentOwner): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :att)',
        ExpressionAttributeValues: { ':pk': KEYS.ownerPartition(owner), ':att': KEYS.attachments },
        ExclusiveStartKey: startKey,
      }),
    )
    out.push(...(page.Items ?? []).map((item) => stripKeys<StoredAttachment>(item)))
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return out
}

/** Access pattern: one attachment of an owner. */
export async function getAttachment(owner: AttachmentOwner, id: string): Promise<StoredAttachment | undefined> {
  const reply = await dynamo.send(new GetCommand({ TableName: TABLE, Key: KEYS.attachment(owner, id) }))
  return reply.Item ? stripKeys<StoredAttachment>(reply.Item) : undefined
}

/** Access pattern: WeChat took an image to check — remember which attachment its trace id is about. */
export async function recordMediaCheckStarted(owner: AttachmentOwner, id: string, check: MediaCheck, traceId: string | undefined): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: KEYS.attachment(owner, id),
      UpdateExpression: traceId ? 'SET #check = :check, traceId = :trace' : 'SET #check = :check',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#check': 'check' },
      ExpressionAttributeValues: { ':check': check, ...(traceId ? { ':trace': traceId } : {}) },
    }),
  )
  if (traceId) {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: KEYS.mediaCheck(traceId),
        UpdateExpression: 'SET entity = :entity, #owner = :owner, attachmentId = :id',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':entity': 'MEDIACHECK', ':owner': owner, ':id': id },
      }),
    )
  }
}

/** Access pattern: the attachment a media check's trace id is about. */
export async function findMediaCheck(traceId: string): Promise<{ owner: AttachmentOwner; attachmentId: string } | undefined> {
  const reply = await dynamo.send(new GetCommand({ TableName: TABLE, Key: KEYS.mediaCheck(traceId) }))
  return reply.Item ? { owner: reply.Item.owner as AttachmentOwner, attachmentId: String(reply.Item.attachmentId) } : undefined
}

/** Access pattern: record WeChat's verdict on an image. */
export async function setMediaVerdict(owner: AttachmentOwner, id: string, check: MediaCheck, at: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: KEYS.attachment(owner, id),
      UpdateExpression: 'SET #check = :check, checkedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#check': 'check' },
      ExpressionAttributeValues: { ':check': check, ':at': at },
    }),
  )
}
