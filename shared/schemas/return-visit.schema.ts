import * as z from 'zod'
import { channelSchema, ratingSchema } from './appeal.schema'
import { instantSchema, mintedIdSchema } from './common.schema'
import { monthSchema } from './report.schema'
import { optionalText } from './text.schema'
import { returnVisitFiguresSchema } from './return-visit-figures.schema'
import { evaluationCommentProblem } from '../domain/evaluation'

export { returnVisitFiguresSchema, type ReturnVisitFigures } from './return-visit-figures.schema'

/** A return visit's id as the sampling mints it: `rv-` and a lower-case ulid. */
export const returnVisitIdSchema = mintedIdSchema('rv', '回访编号不正确')
export const returnVisitPathSchema = z.object({ id: returnVisitIdSchema })

const areaIdSchema = z.string({ message: '请选择属地' }).regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确')

export const PERCENT_MIN = 1
export const PERCENT_MAX = 100
export const MIN_PER_AREA_MAX = 200

/**
 * Drawing a month's sample (回访抽样): the appeals closed in the month, by area and channel. The city
 * office names an area or none (every area); an area office its own area.
 */
export const drawSampleRequestSchema = z
  .object({
    month: monthSchema,
    areaId: areaIdSchema.optional().meta({ description: 'City office: one area; omitted: every area. Area office: its own area (may be omitted)' }),
    percent: z
      .number({ message: '请填写抽样比例' })
      .int('抽样比例须为整数')
      .min(PERCENT_MIN, `抽样比例至少 ${PERCENT_MIN}%`)
      .max(PERCENT_MAX, `抽样比例不超过 ${PERCENT_MAX}%`)
      .meta({ description: 'Share of each area’s closed appeals to sample, in percent' }),
    minPerArea: z
      .number({ message: '请填写每个属地至少抽取的件数' })
      .int('件数须为整数')
      .min(0, '件数不能为负数')
      .max(MIN_PER_AREA_MAX, `每个属地至少抽取的件数不超过 ${MIN_PER_AREA_MAX}`)
      .meta({ description: 'At least this many per area, capped by what closed there' }),
  })
  .strict()
  .meta({ id: 'DrawSampleRequest' })
export type DrawSampleRequest = z.infer<typeof drawSampleRequestSchema>

/** One area's sample of one month, drawn once and kept as drawn (the seed with it). */
export const sampleStratumSchema = z
  .object({
    month: monthSchema,
    areaId: z.string(),
    areaName: z.string(),
    percent: z.number().int(),
    minPerArea: z.number().int(),
    seed: z.string().meta({ description: 'Draws the same sample again from the same closed appeals' }),
    population: z.number().int().meta({ description: 'Appeals of the area closed in the month when the sample was drawn' }),
    sampled: z.number().int(),
    notEvaluated: z.number().int().meta({ description: 'Of the sampled, closed as 未评价 (always sampled)' }),
    drawnAt: instantSchema,
    drawnBy: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: 'SampleStratum' })
export type SampleStratum = z.infer<typeof sampleStratumSchema>

export const drawSampleResponseSchema = z
  .object({
    month: monthSchema,
    scope: z.object({ kind: z.enum(['city', 'area']), areaId: z.string().nullable(), name: z.string() }),
    created: z.boolean().meta({ description: 'False when every area of the scope already had its sample of the month (it is answered as drawn)' }),
    strata: z.array(sampleStratumSchema),
  })
  .meta({ id: 'DrawSampleResponse' })
export type DrawSampleResponse = z.infer<typeof drawSampleResponseSchema>

export const returnVisitStatusSchema = z.enum(['pending', 'unreached', 'reached'])
export type ReturnVisitStatus = z.infer<typeof returnVisitStatusSchema>

export const attemptSchema = z.object({
  at: instantSchema,
  by: z.object({ id: z.string(), name: z.string() }),
  reached: z.boolean(),
  note: z.string(),
})
export type Attempt = z.infer<typeof attemptSchema>

export const returnVisitOutcomeSchema = z.object({ rating: ratingSchema, comment: z.string() })
export type ReturnVisitOutcome = z.infer<typeof returnVisitOutcomeSchema>

/** Whom to call: the member who filed the appeal, or the enterprise's contact person. */
export const contactRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('filer'), userId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('enterprise') }),
])
export type ContactRef = z.infer<typeof contactRefSchema>

/** A return visit as stored: the appeal it checks, whom to call, the calls made and what was heard. */
export const returnVisitSchema = z
  .object({
    id: z.string(),
    month: monthSchema,
    appealId: z.string(),
    appealNumber: z.string(),
    appealTitle: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    areaId: z.string(),
    channel: channelSchema,
    closedAt: instantSchema,
    notEvaluated: z.boolean().meta({ description: 'The appeal closed as 未评价' }),
    inAppRating: ratingSchema.nullable().meta({ description: 'The enterprise’s own evaluation in the app; null when none' }),
    evaluatedByCall: z.boolean().optional().meta({ description: 'The in-app rating was recorded by an official from a call' }),
    contactRef: contactRefSchema,
    attempts: z.array(attemptSchema),
    outcome: returnVisitOutcomeSchema.optional().meta({ description: 'What the enterprise said, once reached' }),
    status: returnVisitStatusSchema,
    inconsistent: z.boolean().meta({ description: '评价不一致: unsatisfied on the call, satisfied or basically satisfied in the app' }),
  })
  .meta({ id: 'ReturnVisitRecord' })
export type ReturnVisit = z.infer<typeof returnVisitSchema>

/** The contact as this caller may see it: the phone in full only for those the privacy policy allows. */
export const visitContactSchema = z.object({
  source: z.enum(['filer', 'enterprise']),
  name: z.string(),
  phone: z.string().meta({ description: 'In full or masked as `phoneMasked` says; empty when none is known' }),
  phoneMasked: z.boolean(),
})
export type VisitContact = z.infer<typeof visitContactSchema>

export const returnVisitViewSchema = returnVisitSchema.omit({ contactRef: true }).extend({ contact: visitContactSchema }).meta({ id: 'ReturnVisit' })
export type ReturnVisitView = z.infer<typeof returnVisitViewSchema>

export const returnVisitResponseSchema = z.object({ visit: returnVisitViewSchema }).meta({ id: 'ReturnVisitResponse' })

export const ATTEMPTS_MAX = 10

/** One call: reached or not; what the enterprise said only when reached. */
export const recordAttemptRequestSchema = z
  .object({
    reached: z.boolean({ message: '请选择是否接通' }),
    rating: ratingSchema.optional().meta({ description: 'Required when reached; refused when not' }),
    comment: optionalText('回访记录', 500, { multiline: true }).default(''),
    expectedAttempts: z
      .number({ message: '已记录次数必须是整数' })
      .int('已记录次数必须是整数')
      .min(0, '已记录次数不能为负数')
      .optional()
      .meta({ description: 'Reject with 409 unless the visit still has this many attempts' }),
  })
  .strict()
  .superRefine((attempt, ctx) => {
    if (attempt.reached && !attempt.rating) ctx.addIssue({ code: 'custom', path: ['rating'], message: '接通后请选择满意程度' })
    if (!attempt.reached && attempt.rating) ctx.addIssue({ code: 'custom', path: ['rating'], message: '未接通时不能记录满意程度' })
    if (attempt.reached && attempt.rating) {
      const problem = evaluationCommentProblem(attempt.rating, attempt.comment)
      if (problem) ctx.addIssue({ code: 'custom', path: ['comment'], message: problem })
    }
  })
  .meta({ id: 'RecordAttemptRequest' })
export type RecordAttemptRequest = z.infer<typeof recordAttemptRequestSchema>

export const listReturnVisitsQuerySchema = z
  .object({
    month: monthSchema,
    areaId: areaIdSchema.optional().meta({ description: 'City office: one area; omitted: every area' }),
    status: z.enum(['pending', 'unreached', 'reached', 'inconsistent'], { message: '状态筛选值无效' }).optional(),
  })
  .strict()
export type ListReturnVisitsQuery = z.infer<typeof listReturnVisitsQuerySchema>

export const returnVisitListSchema = z
  .object({
    month: monthSchema,
    scope: drawSampleResponseSchema.shape.scope,
    items: z.array(returnVisitViewSchema).meta({ description: 'Pending first, then not reached, then reached; by closing time within each' }),
  })
  .meta({ id: 'ReturnVisitList' })
export type ReturnVisitList = z.infer<typeof returnVisitListSchema>

export const summaryQuerySchema = listReturnVisitsQuerySchema.omit({ status: true })


export const returnVisitSummarySchema = z
  .object({
    month: monthSchema,
    scope: drawSampleResponseSchema.shape.scope,
    figures: returnVisitFiguresSchema,
    byArea: z.array(z.object({ areaId: z.string(), name: z.string(), figures: returnVisitFiguresSchema })),
    strata: z.array(sampleStratumSchema),
    inconsistent: z.array(returnVisitViewSchema).meta({ description: '评价不一致: for the supervisor to look into, and reopen if need be' }),
  })
  .meta({ id: 'ReturnVisitSummary' })
export type ReturnVisitSummary = z.infer<typeof returnVisitSummarySchema>
