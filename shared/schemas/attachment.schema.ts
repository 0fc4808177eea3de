import * as z from 'zod'
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENTS_PER_ITEM, fileProblem, WRONG_TYPE_MESSAGE } from '../domain/attachments'
import { enterpriseIdSchema, instantSchema, mintedIdSchema } from './common.schema'

/** An upload's id, which the attachment it becomes keeps: `up-` and a lower-case ulid. */
export const uploadIdSchema = mintedIdSchema('up', '附件编号不正确')

/**
 * What an attachment belongs to. Appeals today; other records (visits) add their kind here and
 * reuse the same store and service.
 */
export const attachmentOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appeal'), id: z.string() }).strict(),
  z.object({ kind: z.literal('visit'), id: z.string() }).strict(),
  z.object({ kind: z.literal('policy'), id: z.string() }).strict(),
])
export type AttachmentOwner = z.infer<typeof attachmentOwnerSchema>

/** Where an upload is headed: an appeal already filed, or the one the caller is about to file for an enterprise. */
export const uploadTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('appeal'), id: mintedIdSchema('ap', '诉求编号不正确') }).strict(),
    z.object({ kind: z.literal('new-appeal'), enterpriseId: enterpriseIdSchema }).strict(),
    z.object({ kind: z.literal('new-visit'), enterpriseId: enterpriseIdSchema }).strict(),
    z.object({ kind: z.literal('policy'), id: mintedIdSchema('pd', '政策编号格式不正确') }).strict(),
  ],
  { message: '请说明附件属于哪条诉求' },
)
export type UploadTarget = z.infer<typeof uploadTargetSchema>

export const attachmentContentTypeSchema = z.enum(ATTACHMENT_CONTENT_TYPES, { message: WRONG_TYPE_MESSAGE })

export const createUploadRequestSchema = z
  .object({
    target: uploadTargetSchema,
    fileName: z.string({ message: '请提供文件名' }).trim().min(1, '请提供文件名').max(120, '文件名不能超过 120 个字符'),
    size: z.number({ message: '请提供文件大小' }).int('文件大小须为整数').min(1, '不能上传空文件'),
    contentType: attachmentContentTypeSchema,
  })
  .strict()
  .superRefine((file, ctx) => {
    const problem = fileProblem({ name: file.fileName, size: file.size }, file.contentType)
    if (problem) ctx.addIssue({ code: 'custom', path: ['size'], message: problem })
  })
  .meta({ id: 'CreateUploadRequest' })
export type CreateUploadRequest = z.infer<typeof createUploadRequestSchema>

export const uploadTicketSchema = z
  .object({
    id: z.string().meta({ description: 'Name it in `attachments` of the appeal or action once the file is up' }),
    url: z.string().meta({ description: 'POST the file here as multipart/form-data: the fields below, then `file` last' }),
    fields: z.record(z.string(), z.string()),
    expiresAt: instantSchema.meta({ description: 'The form is refused after this; ask for a new one' }),
  })
  .meta({ id: 'UploadTicket' })
export type UploadTicket = z.infer<typeof uploadTicketSchema>

/** The uploads an appeal or an action attaches, by id (at most 9 images and 5 documents). */
export const attachmentIdsSchema = z
  .array(uploadIdSchema, { message: '附件列表格式不正确' })
  .max(ATTACHMENTS_PER_ITEM, `一次最多附 ${ATTACHMENTS_PER_ITEM} 个附件`)
  .refine((ids) => new Set(ids).size === ids.length, '附件有重复')
  .optional()
  .meta({ description: 'Upload ids (POST /api/attachments/uploads), each uploaded and not yet attached' })

/** WeChat's verdict on an image (mediaCheckAsync); documents are not checked. */
export const mediaCheckSchema = z.enum(['pending', 'pass', 'review', 'risky', 'unchecked', 'none'])
export type MediaCheck = z.infer<typeof mediaCheckSchema>

export const attachmentSchema = z
  .object({
    id: z.string(),
    owner: attachmentOwnerSchema,
    eventSeq: z.number().int().min(1).meta({ description: 'The timeline event it came with' }),
    kind: z.enum(['image', 'document']),
    fileName: z.string(),
    contentType: attachmentContentTypeSchema,
    size: z.number().int().min(1),
    uploadedBy: z.object({ id: z.string(), name: z.string() }),
    uploadedAt: instantSchema,
    check: mediaCheckSchema,
    flagged: z.boolean().optional().meta({ description: 'WeChat judged the image risky: shown to admins only, marked' }),
    url: z.string().optional().meta({ description: 'A presigned download link, valid 15 minutes' }),
  })
  .meta({ id: 'Attachment' })
export type Attachment = z.infer<typeof attachmentSchema>

export const attachmentPathSchema = z.object({ id: mintedIdSchema('ap', '诉求编号不正确'), attachmentId: uploadIdSchema })
