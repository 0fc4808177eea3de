import * as z from 'zod'
import { appealSchema, escalationCauseSchema } from './appeal.schema'
import { instantSchema } from './common.schema'
import { digestCoverageSchema } from './visit-round.schema'
import { upgradeMissingFiguresSchema } from './upgrade.schema'

export const transferCandidateSchema = z
  .object({ id: z.string(), name: z.string(), title: z.string(), areaId: z.string().nullable().meta({ description: 'null: works at city level' }) })
  .meta({ id: 'TransferCandidate' })
export type TransferCandidate = z.infer<typeof transferCandidateSchema>
export const transferCandidatesSchema = z.object({ items: z.array(transferCandidateSchema) }).meta({ id: 'TransferCandidates' })

/** Why an appeal is in a supervisor's queue; an appeal may have several reasons. */
export const queueReasonSchema = z.enum(['escalated', 'overdue', 'due_soon'])
export type QueueReason = z.infer<typeof queueReasonSchema>

export const supervisionQueueQuerySchema = z
  .object({
    areaId: z.string().max(64, '属地编号不正确').optional().meta({ description: 'City admin only: one area instead of the whole city' }),
    reason: queueReasonSchema.optional().meta({ description: 'Keep only the appeals in the queue for this reason' }),
  })
  .strict()
export type SupervisionQueueQuery = z.infer<typeof supervisionQueueQuerySchema>

export const queueItemSchema = z
  .object({
    appeal: appealSchema,
    reasons: z.array(queueReasonSchema).min(1),
    commonProblem: z
      .object({ id: z.string(), title: z.string(), appealCount: z.number().int().min(1), enterpriseCount: z.number().int().min(1) })
      .optional()
      .meta({
        description:
          '共性问题: this line stands for every queued appeal of the problem (the most urgent shown as `appeal`, `reasons` of them all); supervised once, worked once',
      }),
  })
  .meta({ id: 'QueueItem' })
export type QueueItem = z.infer<typeof queueItemSchema>

export const supervisionQueueSchema = z
  .object({
    /** The supervision level this queue belongs to: 1 an area, 2 the city. */
    level: z.number().int().min(1).max(2),
    scope: z.object({ kind: z.enum(['area', 'city']), areaId: z.string().nullable(), name: z.string() }),
    counts: z.object({ escalated: z.number().int(), overdue: z.number().int(), due_soon: z.number().int() }),
    items: z.array(queueItemSchema).meta({ description: 'Overdue first, then by the next deadline' }),
    at: instantSchema,
  })
  .meta({ id: 'SupervisionQueue' })
export type SupervisionQueue = z.infer<typeof supervisionQueueSchema>

/** The weekly digest's figures for one row (the whole scope, a department, a specialist). */
export const digestCountsSchema = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  escalated: z.number().int(),
  unsatisfied: z.number().int(),
})
export type DigestCounts = z.infer<typeof digestCountsSchema>

export const digestRowSchema = digestCountsSchema.extend({ id: z.string(), name: z.string() })
export type DigestRow = z.infer<typeof digestRowSchema>

export const digestAppealSchema = z.object({
  id: z.string(),
  /** 诉求编号; digests kept before appeals had numbers lack it. */
  number: z.string().optional(),
  title: z.string(),
  enterpriseName: z.string(),
  areaId: z.string(),
  ownerName: z.string().nullable(),
  status: z.string(),
  level: z.number().int(),
  dueAt: instantSchema,
  escalationCause: escalationCauseSchema.optional(),
  escalationReason: z.string().optional(),
})
export type DigestAppeal = z.infer<typeof digestAppealSchema>

export const digestScopeSchema = z.object({ kind: z.enum(['area', 'city']), areaId: z.string().nullable(), name: z.string() })
export type DigestScope = z.infer<typeof digestScopeSchema>

/** The Monday supervision digest (DESIGN §6), kept as a dated record per area and for the city. */
export const weeklyDigestSchema = z
  .object({
    week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'The Monday (Shanghai date) the digest was made for' }),
    scope: digestScopeSchema,
    generatedAt: instantSchema,
    totals: digestCountsSchema,
    byDepartment: z.array(digestRowSchema),
    bySpecialist: z.array(digestRowSchema),
    overdue: z.array(digestAppealSchema),
    escalated: z.array(digestAppealSchema),
    unsatisfied: z.array(digestAppealSchema),
    missingUpgradeFigures: upgradeMissingFiguresSchema
      .optional()
      .meta({ description: '升规入统: enterprises in the pipeline with no figure for last month; absent when none is missing' }),
    coverage: z.array(digestCoverageSchema).optional().meta({ description: 'The running visit rounds (走访轮次) of the scope and who is behind; digests made before rounds existed lack it' }),
  })
  .meta({ id: 'WeeklyDigest' })
export type WeeklyDigest = z.infer<typeof weeklyDigestSchema>

export const digestSummarySchema = weeklyDigestSchema.pick({ week: true, scope: true, generatedAt: true, totals: true })
export type DigestSummary = z.infer<typeof digestSummarySchema>
export const digestListSchema = z.object({ items: z.array(digestSummarySchema).meta({ description: 'Newest week first' }) }).meta({ id: 'DigestList' })

export const digestQuerySchema = z
  .object({
    areaId: z
      .string()
      .max(64, '属地编号不正确')
      .optional()
      .meta({ description: "One area's digests; without it the city's digest (one week), or every digest the caller may read (the list)" }),
  })
  .strict()
export type DigestQuery = z.infer<typeof digestQuerySchema>
export const digestWeekParamsSchema = z.object({ week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '周次应为该周周一的日期，格式 YYYY-MM-DD') })
