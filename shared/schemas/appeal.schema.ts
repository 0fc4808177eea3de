import * as z from 'zod'
import { categoryIdSchema, enterpriseIdSchema, instantSchema, roleSchema } from './common.schema'

export const appealStatusSchema = z.enum(['submitted', 'assigned', 'in_progress', 'responded', 'closed', 'withdrawn'])
export type AppealStatus = z.infer<typeof appealStatusSchema>

export const channelSchema = z.enum(['miniapp', 'visit', 'phone', 'event'])
export const outcomeSchema = z.enum(['resolved', 'partly', 'cannot'])
export type Outcome = z.infer<typeof outcomeSchema>
export const ratingSchema = z.enum(['satisfied', 'basically', 'unsatisfied'])
export type Rating = z.infer<typeof ratingSchema>

export const TITLE_MAX = 40
export const DESCRIPTION_MAX = 2000
export const MESSAGE_MAX = 1000

/** Free text: trimmed, "请填写…" when empty, the limits in characters otherwise. */
const trimmed = (min: number, max: number, label: string) => {
  const required = z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`)
  return (min > 1 ? required.min(min, `${label}至少 ${min} 个字`) : required).max(max, `${label}不能超过 ${max} 个字`)
}

export const submitAppealRequestSchema = z
  .object({
    enterpriseId: enterpriseIdSchema,
    categoryId: categoryIdSchema,
    title: trimmed(2, TITLE_MAX, '标题'),
    description: trimmed(5, DESCRIPTION_MAX, '诉求内容'),
  })
  .strict()
  .meta({ id: 'SubmitAppealRequest' })
export type SubmitAppealRequest = z.infer<typeof submitAppealRequestSchema>

const expectedVersion = z
  .number({ message: '版本号必须是整数' })
  .int('版本号必须是整数')
  .min(1, '版本号必须是正整数')
  .optional()
  .meta({ description: 'Reject with 409 unless the appeal is still at this version' })

export const acceptActionSchema = z.object({ type: z.literal('accept'), expectedVersion }).strict()
export const noteActionSchema = z
  .object({
    type: z.literal('note'),
    expectedVersion,
    message: trimmed(1, MESSAGE_MAX, '进展说明'),
    internal: z.boolean().optional().meta({ description: 'Officials only: hidden from the enterprise' }),
  })
  .strict()
export const respondActionSchema = z
  .object({
    type: z.literal('respond'),
    expectedVersion,
    outcome: outcomeSchema,
    message: trimmed(2, MESSAGE_MAX, '答复内容'),
  })
  .strict()
export const evaluateActionSchema = z
  .object({
    type: z.literal('evaluate'),
    expectedVersion,
    rating: ratingSchema,
    comment: z.string().trim().max(500, '评价内容不能超过 500 个字').default(''),
  })
  .strict()
export const withdrawActionSchema = z
  .object({
    type: z.literal('withdraw'),
    expectedVersion,
    reason: trimmed(2, 200, '撤回原因'),
  })
  .strict()

export const appealActionSchema = z
  .discriminatedUnion(
    'type',
    [acceptActionSchema, noteActionSchema, respondActionSchema, evaluateActionSchema, withdrawActionSchema],
    { message: '不支持的操作类型' },
  )
  .meta({ id: 'AppealAction' })
export type AppealAction = z.infer<typeof appealActionSchema>
export type AppealActionType = AppealAction['type']
export const appealActionTypes = ['accept', 'note', 'respond', 'evaluate', 'withdraw'] as const satisfies readonly AppealActionType[]

export const actorRefSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema.or(z.literal('system')) })
export type ActorRef = z.infer<typeof actorRefSchema>

export const coHandlerSchema = z.object({
  kind: z.enum(['department', 'taskForce']),
  id: z.string(),
  name: z.string(),
})
export type CoHandler = z.infer<typeof coHandlerSchema>

export const appealSchema = z
  .object({
    id: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    areaId: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    title: z.string(),
    description: z.string(),
    channel: channelSchema,
    status: appealStatusSchema,
    level: z.number().int().min(0).max(2).meta({ description: 'Escalation level: 0 specialist, 1 area, 2 city' }),
    ownerId: z.string().nullable().meta({ description: "The enterprise's specialist; null while in the area's duty queue" }),
    ownerName: z.string().nullable(),
    coHandlers: z.array(coHandlerSchema),
    filedBy: actorRefSchema,
    createdAt: instantSchema,
    updatedAt: instantSchema,
    firstResponseDueAt: instantSchema,
    dueAt: instantSchema.meta({ description: 'Resolution deadline' }),
    deadlineProvisional: z
      .boolean()
      .optional()
      .meta({ description: 'A deadline was counted on a year whose holiday schedule is not yet published (暂定)' }),
    acceptedAt: instantSchema.optional(),
    respondedAt: instantSchema.optional(),
    closedAt: instantSchema.optional(),
    response: z.object({ outcome: outcomeSchema, message: z.string(), at: instantSchema }).optional(),
    evaluation: z.object({ rating: ratingSchema, comment: z.string(), at: instantSchema }).optional(),
    withdrawal: z.object({ reason: z.string(), at: instantSchema }).optional(),
    reopenCount: z.number().int().min(0),
    version: z.number().int().min(1),
    filerPending: z.boolean().optional().meta({ description: "待核实: the filer's binding to the enterprise was not yet approved" }),
    filerRejected: z.boolean().optional().meta({ description: "The filer's binding was rejected after filing" }),
  })
  .meta({ id: 'Appeal' })
export type Appeal = z.infer<typeof appealSchema>

export const appealEventTypeSchema = z.enum(['submit', 'accept', 'note', 'respond', 'evaluate', 'reopen', 'withdraw', 'reassign', 'verify_filer', 'recount_deadline'])
export type AppealEventType = z.infer<typeof appealEventTypeSchema>

export const appealEventSchema = z
  .object({
    appealId: z.string(),
    seq: z.number().int().min(1).meta({ description: 'The appeal version this event produced' }),
    type: appealEventTypeSchema,
    at: instantSchema,
    actor: actorRefSchema,
    from: appealStatusSchema.nullable(),
    to: appealStatusSchema,
    message: z.string().optional(),
    internal: z.boolean().optional(),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  })
  .meta({ id: 'AppealEvent' })
export type AppealEvent = z.infer<typeof appealEventSchema>

export const appealResponseSchema = z.object({ appeal: appealSchema }).meta({ id: 'AppealResponse' })
export const appealDetailSchema = z
  .object({
    appeal: appealSchema,
    events: z.array(appealEventSchema).meta({ description: 'The timeline, oldest first' }),
    allowedActions: z.array(z.enum(appealActionTypes)).meta({ description: 'Actions the caller may take now' }),
  })
  .meta({ id: 'AppealDetail' })
export type AppealDetail = z.infer<typeof appealDetailSchema>

export const appealPageSchema = z
  .object({
    items: z.array(appealSchema),
    cursor: z.string().nullable().meta({ description: 'Opaque; pass back as ?cursor= for the next page, null at the end' }),
  })
  .meta({ id: 'AppealPage' })
export type AppealPage = z.infer<typeof appealPageSchema>

export const listAppealsQuerySchema = z
  .object({
    cursor: z.string().max(512, '分页游标无效').optional(),
    limit: z.coerce.number({ message: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条').default(20),
    status: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value) return undefined
        const parts = value.split(',')
        const parsed = z.array(appealStatusSchema).safeParse(parts)
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: '状态筛选值无效' })
          return z.NEVER
        }
        return parsed.data
      })
      .meta({ description: 'Comma-separated statuses to keep, e.g. assigned,in_progress' }),
  })
  .strict()
export type ListAppealsQuery = z.infer<typeof listAppealsQuerySchema>
