import * as z from 'zod'
import { instantSchema, mintedIdSchema } from './common.schema'
import { optionalText, requiredText } from './text.schema'
import {
  actorRefSchema,
  appealIdSchema,
  appealStatusSchema,
  measureRequestSchema,
  measureSchema,
  MESSAGE_MAX,
  outcomeSchema,
} from './appeal.schema'

/*
 * 共性问题 (DESIGN §13): appeals of several enterprises that are one problem, worked once — one
 * measure, one responsible unit, one answer — while each enterprise still evaluates its own appeal.
 */

/** A common problem's id as the server mints it: `cp-` and a lower-case ulid. */
export const commonProblemIdSchema = mintedIdSchema('cp', '共性问题编号不正确')
export const commonProblemPathSchema = z.object({ id: commonProblemIdSchema })

/** How many appeals one request links: each is its own transaction, and a person reads the list. */
export const LINK_MAX = 20

const appealIdsSchema = (min: number) =>
  z
    .array(appealIdSchema, { message: '请选择诉求' })
    .min(min, `请至少选择 ${min} 件诉求`)
    .max(LINK_MAX, `一次最多关联 ${LINK_MAX} 件诉求`)
    .refine((ids) => new Set(ids).size === ids.length, '诉求重复')

export const createCommonProblemRequestSchema = z
  .object({
    title: requiredText('共性问题名称', 40, { min: 4 }),
    responsibleUnit: requiredText('责任单位', 60, { min: 2 }),
    appealIds: appealIdsSchema(2).meta({ description: 'The open appeals it covers (2–20), all of one category' }),
    measure: measureRequestSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateCommonProblemRequest' })
export type CreateCommonProblemRequest = z.infer<typeof createCommonProblemRequestSchema>

const message = (label: string) => requiredText(label, MESSAGE_MAX, { min: 2, multiline: true })

export const commonProblemActionSchema = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('note'), message: message('进展说明') }).strict(),
      z.object({ type: z.literal('set-measure'), measure: measureRequestSchema }).strict(),
      z
        .object({
          type: z.literal('respond'),
          outcome: outcomeSchema,
          message: message('答复内容'),
          openTaskReason: optionalText('说明', 200, { multiline: true })
            .optional()
            .meta({ description: 'Why appeals whose co-handlers have not replied are answered now; without it those appeals are skipped' }),
        })
        .strict(),
      z.object({ type: z.literal('link'), appealIds: appealIdsSchema(1) }).strict(),
      z.object({ type: z.literal('unlink'), appealId: appealIdSchema }).strict(),
    ],
    { message: '不支持的操作类型' },
  )
  .meta({ id: 'CommonProblemAction' })
export type CommonProblemAction = z.infer<typeof commonProblemActionSchema>
export type CommonProblemActionType = CommonProblemAction['type']

export const commonProblemStatusSchema = z.enum(['open', 'answered'])
export type CommonProblemStatus = z.infer<typeof commonProblemStatusSchema>

export const commonProblemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    areaId: z.string().nullable().meta({ description: 'The area of its appeals; null when they span areas (the city works it)' }),
    holder: actorRefSchema.meta({ description: 'Who works it: the official who linked the appeals' }),
    responsibleUnit: z.string(),
    measure: measureSchema.optional(),
    status: commonProblemStatusSchema,
    answer: z.object({ outcome: outcomeSchema, message: z.string(), at: instantSchema, by: actorRefSchema }).optional(),
    appealCount: z.number().int().min(0),
    enterpriseCount: z.number().int().min(0),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int().min(1),
  })
  .meta({ id: 'CommonProblem' })
export type CommonProblem = z.infer<typeof commonProblemSchema>

/** An appeal as a common problem lists it (and as similar-problem suggestions show it). */
export const linkedAppealSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    areaId: z.string(),
    status: appealStatusSchema,
    ownerName: z.string().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'LinkedAppeal' })
export type LinkedAppeal = z.infer<typeof linkedAppealSchema>

export const commonProblemDetailSchema = z
  .object({
    problem: commonProblemSchema,
    appeals: z.array(linkedAppealSchema),
    allowedActions: z.array(z.enum(['note', 'set-measure', 'respond', 'link', 'unlink'])),
  })
  .meta({ id: 'CommonProblemDetail' })
export type CommonProblemDetail = z.infer<typeof commonProblemDetailSchema>

/** What an action on a common problem did to each linked appeal: one transaction per appeal. */
export const commonProblemActionResultSchema = commonProblemDetailSchema
  .extend({
    applied: z.number().int().min(0).meta({ description: 'Linked appeals the action was written to' }),
    skipped: z.array(z.object({ appealId: z.string(), reason: z.string() })).meta({ description: 'Linked appeals it did not apply to, and why' }),
  })
  .meta({ id: 'CommonProblemActionResult' })
export type CommonProblemActionResult = z.infer<typeof commonProblemActionResultSchema>

export const similarAppealSchema = z
  .object({
    appeal: linkedAppealSchema,
    score: z.number().min(0).max(1).meta({ description: 'Similarity of the texts, 0–1, with a small lift for the same area' }),
    sameArea: z.boolean(),
  })
  .meta({ id: 'SimilarAppeal' })
export type SimilarAppeal = z.infer<typeof similarAppealSchema>

export const commonProblemListQuerySchema = z
  .object({
    status: commonProblemStatusSchema.optional(),
    cursor: z.string().max(2000).optional(),
  })
  .strict()

/** A month's common problems in a report (the city's, or an area's own). */
export const commonProblemMonthSchema = z
  .object({
    created: z.number().int().min(0).meta({ description: 'Common problems linked in the month' }),
    answered: z.number().int().min(0).meta({ description: 'Of those, answered by the report date' }),
    appealsCovered: z.number().int().min(0).meta({ description: 'Appeals they cover (linked at the report date)' }),
    enterprisesCovered: z.number().int().min(0).meta({ description: 'Enterprises those appeals come from, each problem counting its own' }),
  })
  .meta({ id: 'CommonProblemMonth' })
export type CommonProblemMonth = z.infer<typeof commonProblemMonthSchema>
