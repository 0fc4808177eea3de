import * as z from 'zod'
import { categoryIdSchema, enterpriseIdSchema, INVALID_CURSOR_MESSAGE, instantSchema, mintedIdSchema, roleSchema } from './common.schema'
import { scaleSchema } from './catalog.schema'
import { optionalText, requiredText } from './text.schema'
import { evaluationCommentProblem, UNSATISFIED_REASON_MIN } from '../domain/evaluation'
import { attachmentIdsSchema, attachmentSchema } from './attachment.schema'
import { APPEAL_NUMBER_PATTERN, normaliseAppealNumber } from '../domain/appeal-number'

/** An appeal's id as submit-appeal mints it: `ap-` and a lower-case ulid. */
export const appealIdSchema = mintedIdSchema('ap', '诉求编号不正确')
/** The path of /api/appeals/{id}…: a malformed id is a 400 on `id`, a well-formed unknown one a 404. */
export const appealPathSchema = z.object({ id: appealIdSchema })

export const appealStatusSchema = z.enum(['submitted', 'assigned', 'in_progress', 'responded', 'closed', 'withdrawn'])
export type AppealStatus = z.infer<typeof appealStatusSchema>

export const channelSchema = z.enum(['miniapp', 'visit', 'phone', 'event'])
export type Channel = z.infer<typeof channelSchema>
export const outcomeSchema = z.enum(['resolved', 'partly', 'cannot'])
export type Outcome = z.infer<typeof outcomeSchema>
export const ratingSchema = z.enum(['satisfied', 'basically', 'unsatisfied'])
export type Rating = z.infer<typeof ratingSchema>

export const TITLE_MAX = 40
export const DESCRIPTION_MAX = 2000
export const MESSAGE_MAX = 1000

/**
 * Free text of several lines (descriptions, messages, reasons): cleaned by the shared text
 * schema, "请填写…" when nothing visible is left, the limits in characters otherwise.
 */
const trimmed = (min: number, max: number, label: string) => requiredText(label, max, { min, multiline: true })

/** A date as YYYY-MM-DD that exists on the calendar. */
const calendarDate = (missing: string) =>
  z
    .string({ message: missing })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), '日期不存在')

export const MEASURE_TEXT_MAX = 300
/** 解决措施 as agreed: what will be done, by which unit, by when (DESIGN §12). */
export const measureRequestSchema = z
  .object({
    text: trimmed(2, MEASURE_TEXT_MAX, '解决措施'),
    unit: requiredText('责任单位', 60, { min: 2 }),
    dueDate: calendarDate('请选择完成时限').meta({ description: 'By when, a Shanghai date' }),
  })
  .strict()
  .meta({ id: 'MeasureRequest' })
export type MeasureRequest = z.infer<typeof measureRequestSchema>

/**
 * An official filing for the enterprise (专员代提): by phone, from a visit record, or at an
 * exchange day (where a measure may be agreed on the spot). Enterprise staff never send it.
 */
export const onBehalfSchema = z
  .discriminatedUnion(
    'channel',
    [
      z.object({ channel: z.literal('phone') }).strict(),
      z.object({ channel: z.literal('visit'), visitId: z.string({ message: '请选择走访记录' }).min(1, '请选择走访记录').max(40, '走访记录编号不正确') }).strict(),
      z
        .object({
          channel: z.literal('event'),
          eventId: z.string({ message: '请选择交流活动' }).min(1, '请选择交流活动').max(40, '交流活动编号不正确'),
          measure: measureRequestSchema.optional(),
        })
        .strict(),
    ],
    { message: '代提渠道应为电话、走访或交流活动' },
  )
  .meta({ id: 'OnBehalf' })
export type OnBehalf = z.infer<typeof onBehalfSchema>

export const submitAppealRequestSchema = z
  .object({
    enterpriseId: enterpriseIdSchema,
    categoryId: categoryIdSchema,
    title: requiredText('标题', TITLE_MAX, { min: 2 }),
    description: trimmed(5, DESCRIPTION_MAX, '诉求内容'),
    attachments: attachmentIdsSchema,
    onBehalf: onBehalfSchema.optional().meta({ description: 'Officials only: filed for the enterprise by phone, from a visit or at an exchange day (专员代提)' }),
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
    attachments: attachmentIdsSchema,
  })
  .strict()
export const respondActionSchema = z
  .object({
    type: z.literal('respond'),
    expectedVersion,
    outcome: outcomeSchema,
    message: trimmed(2, MESSAGE_MAX, '答复内容'),
    openTaskReason: optionalText('说明', 200, { multiline: true })
      .optional()
      .meta({ description: 'Required while a co-handling task is still open: why the owner answers before the co-handlers replied' }),
    attachments: attachmentIdsSchema,
  })
  .strict()
export const evaluateActionSchema = z
  .object({
    type: z.literal('evaluate'),
    expectedVersion,
    rating: ratingSchema,
    comment: optionalText('评价内容', 500, { multiline: true })
      .default('')
      .meta({ description: `Required when the rating is unsatisfied: the reason, at least ${UNSATISFIED_REASON_MIN} characters` }),
  })
  .strict()
  .superRefine((evaluation, ctx) => {
    const problem = evaluationCommentProblem(evaluation.rating, evaluation.comment)
    if (problem) ctx.addIssue({ code: 'custom', path: ['comment'], message: problem })
  })
export const withdrawActionSchema = z
  .object({
    type: z.literal('withdraw'),
    expectedVersion,
    reason: trimmed(2, 200, '撤回原因'),
  })
  .strict()

export const coHandlerKindSchema = z.enum(['department', 'taskForce'])
export type CoHandlerKind = z.infer<typeof coHandlerKindSchema>

export const TASK_DAYS_MAX = 30
export const coHandleActionSchema = z
  .object({
    type: z.literal('co-handle'),
    expectedVersion,
    handlers: z
      .array(z.object({ kind: coHandlerKindSchema, id: z.string({ message: '请选择协办单位' }).min(1, '请选择协办单位') }).strict(), {
        message: '请选择协办单位',
      })
      .min(1, '请至少选择一个协办单位')
      .max(5, '一次最多请 5 个单位协办')
      .refine((list) => new Set(list.map((h) => `${h.kind}:${h.id}`)).size === list.length, '协办单位有重复'),
    days: z
      .number({ message: '请填写协办时限' })
      .int('时限须为整数')
      .min(1, '协办时限至少 1 个工作日')
      .max(TASK_DAYS_MAX, `协办时限不超过 ${TASK_DAYS_MAX} 个工作日`)
      .meta({ description: 'Working days the co-handlers have, counted from today' }),
    message: trimmed(2, 500, '协办事项'),
  })
  .strict()
export const acceptTaskActionSchema = z.object({ type: z.literal('accept-task'), expectedVersion }).strict()
export const replyTaskActionSchema = z
  .object({ type: z.literal('reply-task'), expectedVersion, message: trimmed(2, MESSAGE_MAX, '协办意见'), attachments: attachmentIdsSchema })
  .strict()
export const transferActionSchema = z
  .object({
    type: z.literal('transfer'),
    expectedVersion,
    toSpecialistId: z.string({ message: '请选择接办专员' }).trim().min(1, '请选择接办专员').max(64, '专员编号不正确'),
    reason: trimmed(2, 200, '转办原因'),
  })
  .strict()
export const escalateActionSchema = z.object({ type: z.literal('escalate'), expectedVersion, reason: trimmed(2, 200, '提级原因') }).strict()
export const extendActionSchema = z
  .object({
    type: z.literal('extend'),
    expectedVersion,
    dueDate: calendarDate('请选择新的办结日期').meta({ description: 'The new resolution deadline: the end of this Shanghai date' }),
    reason: trimmed(2, 200, '延期原因'),
  })
  .strict()
export const requestMaterialActionSchema = z
  .object({ type: z.literal('request-material'), expectedVersion, message: trimmed(2, 500, '所需材料') })
  .strict()
export const supplyMaterialActionSchema = z
  .object({ type: z.literal('supply-material'), expectedVersion, message: trimmed(2, MESSAGE_MAX, '材料说明'), attachments: attachmentIdsSchema })
  .strict()
export const setMeasureActionSchema = z.object({ type: z.literal('set-measure'), expectedVersion, measure: measureRequestSchema }).strict()
/** The evaluation an official heard on a return call, for an enterprise with no staff in the app. */
export const callEvaluateActionSchema = z
  .object({
    type: z.literal('call-evaluate'),
    expectedVersion,
    rating: ratingSchema,
    comment: optionalText('回访记录', 500, { multiline: true })
      .default('')
      .meta({ description: `What the enterprise said on the call; required when unsatisfied, at least ${UNSATISFIED_REASON_MIN} characters` }),
  })
  .strict()
  .superRefine((evaluation, ctx) => {
    const problem = evaluationCommentProblem(evaluation.rating, evaluation.comment)
    if (problem) ctx.addIssue({ code: 'custom', path: ['comment'], message: problem })
  })
/** A closed appeal sent back to work by the office (e.g. after an unsatisfied return visit). */
export const reopenActionSchema = z.object({ type: z.literal('reopen'), expectedVersion, reason: trimmed(4, 200, '重新办理原因') }).strict()

export const appealActionSchema = z
  .discriminatedUnion(
    'type',
    [
      acceptActionSchema,
      noteActionSchema,
      respondActionSchema,
      evaluateActionSchema,
      withdrawActionSchema,
      coHandleActionSchema,
      acceptTaskActionSchema,
      replyTaskActionSchema,
      transferActionSchema,
      escalateActionSchema,
      extendActionSchema,
      requestMaterialActionSchema,
      supplyMaterialActionSchema,
      setMeasureActionSchema,
      callEvaluateActionSchema,
      reopenActionSchema,
    ],
    { message: '不支持的操作类型' },
  )
  .meta({ id: 'AppealAction' })
export type AppealAction = z.infer<typeof appealActionSchema>
export type AppealActionType = AppealAction['type']
export const appealActionTypes = [
  'accept',
  'note',
  'respond',
  'evaluate',
  'withdraw',
  'co-handle',
  'accept-task',
  'reply-task',
  'transfer',
  'escalate',
  'extend',
  'request-material',
  'supply-material',
  'set-measure',
  'call-evaluate',
  'reopen',
] as const satisfies readonly AppealActionType[]

export const actorRefSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema.or(z.literal('system')) })
export type ActorRef = z.infer<typeof actorRefSchema>

export const taskStatusSchema = z.enum(['open', 'accepted', 'replied'])
export type TaskStatus = z.infer<typeof taskStatusSchema>

/** A department or industry task force co-handling the appeal (双线推进), and its task. */
export const coHandlerSchema = z.object({
  kind: coHandlerKindSchema,
  id: z.string(),
  name: z.string(),
  status: taskStatusSchema.meta({ description: 'open → accepted → replied; asking again reopens a replied task' }),
  request: z.string().optional().meta({ description: 'What the owner asked this co-handler to do' }),
  requestedAt: instantSchema,
  dueAt: instantSchema.meta({ description: "The co-handler's own deadline" }),
  acceptedAt: instantSchema.optional(),
  repliedAt: instantSchema.optional(),
  reply: z.string().optional().meta({ description: 'The co-handler’s answer to the owner (internal)' }),
})
export type CoHandler = z.infer<typeof coHandlerSchema>

export const sourceKindSchema = z.enum(['visit', 'event'])
export type SourceKind = z.infer<typeof sourceKindSchema>
export const appealSourceSchema = z.object({
  kind: sourceKindSchema,
  id: z.string(),
  label: z.string().meta({ description: 'How people name it: 12月3日走访, or the exchange day’s title and date' }),
})
export type AppealSource = z.infer<typeof appealSourceSchema>
export const measureSchema = z.object({ text: z.string(), unit: z.string(), dueDate: z.string(), at: instantSchema, by: actorRefSchema })
export type Measure = z.infer<typeof measureSchema>

/** The common problem an appeal is linked to; its holder works every appeal linked to it. */
export const appealCommonProblemSchema = z.object({ id: z.string(), title: z.string(), holderId: z.string() })
export type AppealCommonProblem = z.infer<typeof appealCommonProblemSchema>

export const escalationCauseSchema = z.enum(['hard_case', 'overdue', 'reopen', 'admin'])
export type EscalationCause = z.infer<typeof escalationCauseSchema>

/**
 * What the monthly reports count about an appeal beyond its current state, recorded as it
 * happens: working days taken (on the calendar of the day), and when it was escalated, extended,
 * reopened, or found open and overdue at a month's end (DESIGN §7).
 */
export const appealTallySchema = z.object({
  firstResponseDays: z.number().int().min(0).optional(),
  handlingDays: z.number().int().min(0).optional(),
  escalatedAt: z.array(instantSchema),
  extendedAt: z.array(instantSchema),
  reopenedAt: z.array(instantSchema),
  overdueAtMonthEnd: z.array(z.string()).meta({ description: 'Months (YYYY-MM) at whose end the appeal was open and past a deadline' }),
})
export type AppealTally = z.infer<typeof appealTallySchema>

export const appealSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ description: 'The number people read and search for (诉求编号), e.g. XT-20261205-0012; unique in the city' }),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    enterpriseScale: scaleSchema.optional().meta({ description: 'The enterprise’s scale when the appeal was filed, for the reports' }),
    areaId: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    title: z.string(),
    description: z.string(),
    channel: channelSchema,
    source: appealSourceSchema.optional().meta({ description: 'The visit or exchange day the problem was raised at' }),
    measure: measureSchema.optional().meta({ description: '解决措施: what will be done, by which unit, by when' }),
    commonProblem: appealCommonProblemSchema.optional().meta({ description: '共性问题: the common problem this appeal is worked in, with others like it' }),
    evaluatedByCall: z
      .literal(true)
      .optional()
      .meta({ description: 'Filed on behalf of an enterprise with no staff in the app: an official records its evaluation from a return call' }),
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
    evaluation: z
      .object({
        rating: ratingSchema,
        comment: z.string(),
        at: instantSchema,
        byCall: z.literal(true).optional().meta({ description: 'Heard on a return call by an official (the enterprise has nobody in the app)' }),
      })
      .optional(),
    withdrawal: z.object({ reason: z.string(), at: instantSchema }).optional(),
    reopenCount: z.number().int().min(0),
    resolveDays: z.number().int().min(1).optional().meta({ description: 'Working days the routing table gave; a reopened appeal gets them again' }),
    escalation: z
      .object({ level: z.number().int().min(1).max(2), cause: escalationCauseSchema, reason: z.string(), at: instantSchema, by: z.string() })
      .optional()
      .meta({ description: 'The latest escalation: why and by whom the appeal was lifted to its level' }),
    overdue: z
      .object({ kind: z.enum(['first_response', 'resolution']), dueAt: instantSchema, at: instantSchema })
      .optional()
      .meta({ description: 'The last deadline the sweep found missed (and escalated once for)' }),
    dueSoonNotifiedFor: instantSchema
      .optional()
      .meta({ description: 'The resolution deadline the owner was last reminded of (one working day before it); once per deadline' }),
    awaitingMaterial: z
      .object({ since: instantSchema, message: z.string() })
      .optional()
      .meta({ description: "The clock is paused: the owner waits for the enterprise's material" }),
    pausedDays: z.number().int().min(0).optional().meta({ description: 'Working days the clock was paused in total' }),
    extensionCount: z.number().int().min(0).optional().meta({ description: 'Times an admin extended the resolution deadline' }),
    autoCloseAt: instantSchema.optional().meta({ description: 'Responded appeals close as not evaluated at this instant' }),
    notEvaluated: z.boolean().optional().meta({ description: 'Closed by the system without an evaluation; never counted as satisfied' }),
    tally: appealTallySchema.optional(),
    attachmentCount: z.number().int().min(0).optional().meta({ description: 'Files attached over the appeal’s life (附件数)' }),
    version: z.number().int().min(1),
    filerPending: z.boolean().optional().meta({ description: "待核实: the filer's binding to the enterprise was not yet approved" }),
    filerRejected: z.boolean().optional().meta({ description: "The filer's binding was rejected after filing" }),
  })
  .meta({ id: 'Appeal' })
export type Appeal = z.infer<typeof appealSchema>

export const appealEventTypeSchema = z.enum([
  'submit',
  'accept',
  'note',
  'respond',
  'evaluate',
  'reopen',
  'withdraw',
  'reassign',
  'verify_filer',
  'recount_deadline',
  'co_handle',
  'accept_task',
  'reply_task',
  'transfer',
  'escalate',
  'extend',
  'request_material',
  'supply_material',
  'overdue',
  'due_soon',
  'auto_close',
  'set_measure',
  'call_evaluate',
  'office_reopen',
  'common_linked',
  'common_unlinked',
])
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
/**
 * The person of the enterprise who filed an appeal, as this caller may see them: the phone in full
 * (and a tap to call) only for the officials who handle it for the enterprise (maySeeFilerPhone),
 * masked for everyone else. A deleted account shows as 已注销用户 with no phone.
 */
export const filerContactSchema = z
  .object({
    name: z.string(),
    phone: z.string().meta({ description: 'In full or masked (138****1234) as `phoneMasked` says; empty when none was given' }),
    phoneMasked: z.boolean(),
    deleted: z.boolean().optional().meta({ description: 'The filer deleted their account (已注销用户)' }),
  })
  .meta({ id: 'FilerContact' })
export type FilerContact = z.infer<typeof filerContactSchema>

export const appealDetailSchema = z
  .object({
    appeal: appealSchema,
    events: z.array(appealEventSchema).meta({ description: 'The timeline, oldest first' }),
    allowedActions: z.array(z.enum(appealActionTypes)).meta({ description: 'Actions the caller may take now' }),
    attachments: z.array(attachmentSchema).optional().meta({ description: 'The files of the events the caller sees, each with a short-lived link' }),
    filer: filerContactSchema.optional().meta({ description: 'Who filed it, when a person of the enterprise did' }),
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

/** A number as typed in a search box: made half-width and upper case, then checked. */
export const appealNumberQuerySchema = z
  .string({ message: '请输入诉求编号' })
  .max(40, '诉求编号格式应如 XT-20261205-0012')
  .transform(normaliseAppealNumber)
  .refine((number) => APPEAL_NUMBER_PATTERN.test(number), '诉求编号格式应如 XT-20261205-0012')

export const listAppealsQuerySchema = z
  .object({
    cursor: z.string().max(1024, INVALID_CURSOR_MESSAGE).optional(),
    limit: z.coerce.number({ message: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条').default(20),
    status: z
      .string()
      // Six statuses fit in well under 100 characters; more can only be repeats (and DynamoDB's
      // IN takes at most 100 values).
      .max(100, '状态筛选值无效')
      .optional()
      .transform((value, ctx) => {
        if (!value) return undefined
        const parts = value.split(',')
        const parsed = z.array(appealStatusSchema).safeParse(parts)
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: '状态筛选值无效' })
          return z.NEVER
        }
        return [...new Set(parsed.data)]
      })
      .meta({ description: 'Comma-separated statuses to keep, e.g. assigned,in_progress' }),
    number: appealNumberQuerySchema.optional().meta({ description: 'Only the appeal with this number (诉求编号), if the caller may see it' }),
  })
  .strict()
export type ListAppealsQuery = z.infer<typeof listAppealsQuerySchema>
