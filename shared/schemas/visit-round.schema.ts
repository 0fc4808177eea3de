import * as z from 'zod'
import { actorRefSchema } from './appeal.schema'
import { enterpriseIdSchema, instantSchema, mintedIdSchema } from './common.schema'
import { requiredText } from './text.schema'

/** A round's id as open-round mints it: `vr-` and a lower-case ulid. */
export const visitRoundIdSchema = mintedIdSchema('vr', '走访轮次编号不正确')
export const visitRoundPathSchema = z.object({ id: visitRoundIdSchema })

export const VISIT_ROUND_NAME_MAX = 40
/** A list round names at most this many enterprises (a whole city's above- and near-scale firms). */
export const VISIT_ROUND_LIST_MAX = 5000
export const VISIT_ROUND_TARGET_MAX = 12
/** A round lasts at most a year. */
export const VISIT_ROUND_MAX_DAYS = 366

const dateSchema = (label: string) =>
  z
    .string({ message: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}不是有效日期`)

/** Which enterprises a round must visit: all of the scope, the above-scale (规上), the near-scale (临规), or a list. */
export const roundSelectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('all') }).strict(),
    z.object({ kind: z.literal('above') }).strict(),
    z.object({ kind: z.literal('near') }).strict(),
    z
      .object({
        kind: z.literal('list'),
        enterpriseIds: z
          .array(enterpriseIdSchema, { message: '请选择要走访的企业' })
          .min(1, '请至少选择一家企业')
          .max(VISIT_ROUND_LIST_MAX, `一轮最多 ${VISIT_ROUND_LIST_MAX} 家企业`)
          .refine((ids) => new Set(ids).size === ids.length, '企业有重复'),
      })
      .strict(),
  ],
  { message: '请选择走访范围' },
)
export type RoundSelection = z.infer<typeof roundSelectionSchema>
export type RoundSelectionKind = RoundSelection['kind']

export const openVisitRoundRequestSchema = z
  .object({
    name: requiredText('轮次名称', VISIT_ROUND_NAME_MAX, { min: 2 }),
    areaId: z
      .string({ message: '请选择属地' })
      .regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确')
      .nullable()
      .meta({ description: 'The area the round covers; null: the whole city (city admin only)' }),
    from: dateSchema('开始日期'),
    to: dateSchema('结束日期'),
    selection: roundSelectionSchema,
    target: z
      .number({ message: '请填写每家企业的走访次数' })
      .int('走访次数应为整数')
      .min(1, '每家企业至少走访 1 次')
      .max(VISIT_ROUND_TARGET_MAX, `每家企业最多 ${VISIT_ROUND_TARGET_MAX} 次`),
  })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((r) => r.from > r.to || (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < VISIT_ROUND_MAX_DAYS, {
    path: ['to'],
    message: '一轮走访最长一年',
  })
  .meta({ id: 'OpenVisitRoundRequest' })
export type OpenVisitRoundRequest = z.infer<typeof openVisitRoundRequestSchema>

/** A visit round (走访轮次): which enterprises must be visited how often between two Shanghai dates. */
export const visitRoundSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    areaId: z.string().nullable().meta({ description: 'null: city-wide' }),
    areaName: z.string(),
    from: z.string().meta({ description: 'First day, Shanghai date YYYY-MM-DD' }),
    to: z.string().meta({ description: 'Last day (inclusive), Shanghai date YYYY-MM-DD' }),
    selection: roundSelectionSchema,
    target: z.number().int().min(1).meta({ description: 'Visits each enterprise must receive in the round' }),
    createdBy: actorRefSchema,
    createdAt: instantSchema,
  })
  .meta({ id: 'VisitRound' })
export type VisitRound = z.infer<typeof visitRoundSchema>

export const roundPhaseSchema = z.enum(['upcoming', 'open', 'ended'])
export type RoundPhase = z.infer<typeof roundPhaseSchema>

export const visitRoundListSchema = z
  .object({ items: z.array(visitRoundSchema.extend({ phase: roundPhaseSchema })).meta({ description: 'Open rounds first, then upcoming, then ended; newest first within each' }) })
  .meta({ id: 'VisitRoundList' })
export type VisitRoundList = z.infer<typeof visitRoundListSchema>

/** One row of coverage: the round's figures for a scope (the whole round, an area, a specialist). */
export const coverageCountsSchema = z.object({
  due: z.number().int().meta({ description: 'Enterprises the round must visit' }),
  visited: z.number().int().meta({ description: 'Enterprises that received the target number of visits' }),
  notVisited: z.number().int().meta({ description: 'due − visited (some may have had fewer visits than the target)' }),
  visits: z.number().int().meta({ description: 'Visits made to the due enterprises in the round' }),
  problemsFound: z.number().int().meta({ description: 'Appeals filed from those visits' }),
  problemsClosed: z.number().int(),
})
export type CoverageCounts = z.infer<typeof coverageCountsSchema>

export const coverageRowSchema = coverageCountsSchema.extend({ id: z.string(), name: z.string(), areaId: z.string().nullable() })
export type CoverageRow = z.infer<typeof coverageRowSchema>

/** An enterprise of the round not yet visited as often as the target. */
export const pendingVisitSchema = z
  .object({
    roundId: z.string(),
    roundName: z.string(),
    roundEnds: z.string().meta({ description: 'The round’s last day' }),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    areaId: z.string(),
    specialistId: z.string().nullable(),
    visits: z.number().int(),
    target: z.number().int(),
  })
  .meta({ id: 'PendingVisit' })
export type PendingVisit = z.infer<typeof pendingVisitSchema>

export const coverageQuerySchema = z
  .object({
    areaId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确').optional().meta({ description: 'Only this area’s rows' }),
    specialistId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '专员编号不正确').optional().meta({ description: 'Only this specialist’s row, with their enterprises not yet visited' }),
  })
  .strict()
export type CoverageQuery = z.infer<typeof coverageQuerySchema>

export const visitRoundCoverageSchema = z
  .object({
    round: visitRoundSchema.extend({ phase: roundPhaseSchema }),
    at: instantSchema,
    totals: coverageCountsSchema.meta({ description: 'Over the rows the caller sees' }),
    byArea: z.array(coverageRowSchema),
    bySpecialist: z.array(coverageRowSchema).meta({ description: 'Lowest share visited first' }),
    pending: z.array(pendingVisitSchema).meta({ description: 'With specialistId (or for a specialist, always): the enterprises not yet visited' }),
  })
  .meta({ id: 'VisitRoundCoverage' })
export type VisitRoundCoverage = z.infer<typeof visitRoundCoverageSchema>

export const pendingVisitsSchema = z
  .object({ items: z.array(pendingVisitSchema).meta({ description: 'Nearest round end first' }), at: instantSchema })
  .meta({ id: 'PendingVisits' })
export type PendingVisits = z.infer<typeof pendingVisitsSchema>

/** Coverage in the weekly supervision digest: per open round, the specialists furthest behind. */
export const digestCoverageSchema = z
  .object({
    roundId: z.string(),
    roundName: z.string(),
    roundEnds: z.string(),
    totals: coverageCountsSchema,
    behind: z.array(coverageRowSchema).meta({ description: 'Specialists with the lowest share visited, at most ten' }),
  })
  .meta({ id: 'DigestCoverage' })
export type DigestCoverage = z.infer<typeof digestCoverageSchema>

/** Field work in a monthly report: visits made in the month, enterprises covered, problems found per channel. */
export const monthlyFieldWorkSchema = z
  .object({
    visits: z.number().int(),
    enterprisesVisited: z.number().int(),
    problemsByChannel: z.array(z.object({ channel: z.string(), name: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'MonthlyFieldWork' })
export type MonthlyFieldWork = z.infer<typeof monthlyFieldWorkSchema>
