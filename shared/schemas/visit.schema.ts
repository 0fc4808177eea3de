import * as z from 'zod'
import { enterpriseIdSchema, INVALID_CURSOR_MESSAGE, instantSchema, mintedIdSchema } from './common.schema'
import { actorRefSchema } from './appeal.schema'
import { attachmentIdsSchema } from './attachment.schema'
import { requiredText } from './text.schema'

/** A visit's id as record-visit mints it: `vi-` and a lower-case ulid. */
export const visitIdSchema = mintedIdSchema('vi', '走访记录编号不正确')
/** The path of /api/visits/{id}: a malformed id is a 400 on `id`, a well-formed unknown one a 404. */
export const visitPathSchema = z.object({ id: visitIdSchema })

export const visitKindSchema = z.enum(['onsite', 'phone', 'video', 'meeting'], { message: '请选择走访方式' })
export type VisitKind = z.infer<typeof visitKindSchema>
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { onsite: '实地走访', phone: '电话走访', video: '视频连线', meeting: '座谈会' }

export const visitTopicSchema = z.enum(['production', 'orders', 'funding', 'land', 'hiring', 'policy', 'upgrade', 'other'], { message: '走访话题不正确' })
export type VisitTopic = z.infer<typeof visitTopicSchema>
export const VISIT_TOPIC_LABELS: Record<VisitTopic, string> = {
  production: '生产经营',
  orders: '订单市场',
  funding: '融资资金',
  land: '用地厂房',
  hiring: '用工招聘',
  policy: '政策知晓',
  upgrade: '升规计划',
  other: '其他',
}
export const VISIT_TOPICS = visitTopicSchema.options

export const VISIT_MET_MAX = 60
export const VISIT_RECORD_MAX = 2000
/** Photos of a visit: the attachment limit for images. */
export const VISIT_PHOTOS_MAX = 9
/** A check-in token is accepted this long after the scan (a working day on site). */
export const CHECK_IN_VALID_HOURS = 12

/** A stored visit record (走访记录): internal to officials; staff only learn that and when it happened. */
export const visitSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    areaId: z.string(),
    specialistId: z.string().nullable().meta({ description: 'The enterprise’s specialist when the visit was recorded' }),
    by: actorRefSchema,
    visitedAt: instantSchema,
    kind: visitKindSchema,
    met: z.string().meta({ description: 'Who was met (people and posts)' }),
    topics: z.array(visitTopicSchema),
    record: z.string(),
    checkedInAt: instantSchema.optional().meta({ description: 'When the enterprise’s card was scanned on site (扫码签到)' }),
    attachmentCount: z.number().int().min(0),
    appealCount: z.number().int().min(0),
    createdAt: instantSchema,
  })
  .meta({ id: 'Visit' })
export type Visit = z.infer<typeof visitSchema>

export const recordVisitRequestSchema = z
  .object({
    enterpriseId: enterpriseIdSchema,
    visitedAt: z.iso.datetime({ message: '请选择走访时间', offset: true }).meta({ description: 'When the visit took place (not in the future)' }),
    kind: visitKindSchema,
    met: requiredText('走访对象', VISIT_MET_MAX, { min: 2, missing: '请填写见到了谁（姓名、职务）' }),
    topics: z
      .array(visitTopicSchema, { message: '请选择走访话题' })
      .min(1, '请至少选择一个走访话题')
      .max(VISIT_TOPICS.length, '走访话题不正确')
      .refine((topics) => new Set(topics).size === topics.length, '走访话题有重复'),
    record: requiredText('走访记录', VISIT_RECORD_MAX, { min: 5, multiline: true }),
    checkIn: z.string({ message: '签到凭证不正确' }).min(1, '签到凭证不正确').max(600, '签到凭证不正确').optional().meta({ description: 'The token POST /api/cards/{id}/check-in returned' }),
    attachments: attachmentIdsSchema,
  })
  .strict()
  .meta({ id: 'RecordVisitRequest' })
export type RecordVisitRequest = z.infer<typeof recordVisitRequestSchema>

export const listVisitsQuerySchema = z
  .object({
    enterpriseId: enterpriseIdSchema.optional(),
    cursor: z.string().max(2000, INVALID_CURSOR_MESSAGE).optional(),
    limit: z.coerce.number({ message: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条').optional(),
  })
  .strict()
export type ListVisitsQuery = z.infer<typeof listVisitsQuerySchema>

export const visitPageSchema = z.object({ items: z.array(visitSchema), cursor: z.string().nullable() }).meta({ id: 'VisitPage' })

/** What a check-in answers: the enterprise on the card and a signed token for POST /api/visits. */
export const checkInSchema = z
  .object({
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    cardId: z.string(),
    scannedAt: instantSchema,
    token: z.string().meta({ description: 'Send as `checkIn` when recording the visit, within 12 hours' }),
  })
  .meta({ id: 'CheckIn' })
export type CheckIn = z.infer<typeof checkInSchema>

/** What enterprise staff are told of visits: that their specialist came, and when. */
export const visitSeenSchema = z.object({ visitedAt: instantSchema, kind: visitKindSchema, line: z.string() }).meta({ id: 'VisitSeen' })
export type VisitSeen = z.infer<typeof visitSeenSchema>

/** A visit with what was filed from it and its photos, as an official opens it. */
export const visitDetailSchema = z
  .object({
    visit: visitSchema,
    appeals: z.array(z.object({ id: z.string(), number: z.string().optional(), title: z.string(), status: z.string(), channel: z.string() })),
    photos: z.array(z.object({ id: z.string(), fileName: z.string(), url: z.string().optional(), flagged: z.boolean().optional() })),
  })
  .meta({ id: 'VisitDetail' })
export type VisitDetail = z.infer<typeof visitDetailSchema>
