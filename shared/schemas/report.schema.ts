import * as z from 'zod'
import { commonProblemMonthSchema } from './common-problem.schema'
import { appealSchema } from './appeal.schema'
import { INVALID_CURSOR_MESSAGE, mintedIdSchema } from './common.schema'
import { monthlyFieldWorkSchema } from './visit-round.schema'
import { returnVisitFiguresSchema } from './return-visit-figures.schema'
import { upgradeMonthSectionSchema } from './upgrade.schema'

/** A calendar month in Asia/Shanghai, e.g. 2026-11. */
export const monthSchema = z
  .string({ message: '请选择月份' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
export type Month = z.infer<typeof monthSchema>

/**
 * Whose figures: the whole city, one area, one co-handling unit (department or task force) or
 * one specialist's portfolio. Written as `city`, `area:<id>`, `department:<id>`,
 * `taskForce:<id>` or `specialist:<id>` in URLs and on stored aggregates.
 */
export const reportScopeKindSchema = z.enum(['city', 'area', 'department', 'taskForce', 'specialist'])
export type ReportScopeKind = z.infer<typeof reportScopeKindSchema>
export const reportScopeSchema = z
  .string({ message: '请选择统计范围' })
  .regex(/^(city|(area|department|taskForce|specialist):[\w-]{1,64})$/, '统计范围格式不正确')
export type ReportScopeKey = z.infer<typeof reportScopeSchema>

/** Breakdown dimensions (DESIGN §7). `unit` is the co-handling department or task force. */
export const dimensionSchema = z.enum(['area', 'unit', 'specialist', 'category', 'channel', 'scale'])
export type Dimension = z.infer<typeof dimensionSchema>

/** The counts behind every rate, as DESIGN §7 defines them. */
export const figuresSchema = z.object({
  received: z.number().int().meta({ description: 'Submitted in the month, not withdrawn since' }),
  withdrawn: z.number().int().meta({ description: 'Submitted in the month and withdrawn since' }),
  closed: z.number().int().meta({ description: 'Reached closed in the month' }),
  resolved: z.number().int().meta({ description: 'Closed in the month with outcome resolved' }),
  cohortClosed: z.number().int().meta({ description: 'Of those received in the month, closed by the report date' }),
  onTime: z.number().int().meta({ description: 'Closed in the month, answered within the (possibly extended) deadline' }),
  evaluated: z.number().int().meta({ description: 'Closed in the month with an evaluation' }),
  satisfied: z.number().int(),
  basically: z.number().int(),
  unsatisfied: z.number().int(),
  notEvaluated: z.number().int().meta({ description: 'Closed in the month by the system without an evaluation' }),
  escalations: z.number().int().meta({ description: 'Level raises in the month' }),
  extensions: z.number().int().meta({ description: 'Deadline extensions granted in the month' }),
  reopenings: z.number().int().meta({ description: 'Reopened after an unsatisfied evaluation in the month' }),
  overdueAtMonthEnd: z.number().int().meta({ description: 'Open and past a deadline at the end of the month' }),
})
export type Figures = z.infer<typeof figuresSchema>
export type FigureName = keyof Figures

/** Rates as fractions 0–1; null when the denominator is zero (shown as "—"). */
export const ratesSchema = z.object({
  closeRate: z.number().nullable().meta({ description: 'closed ÷ received (办结率)' }),
  cohortCloseRate: z.number().nullable().meta({ description: 'of those received in the month, closed by the report date (当月诉求办结率)' }),
  onTimeRate: z.number().nullable().meta({ description: 'closed on time ÷ closed (按时办结率)' }),
  satisfactionRate: z.number().nullable().meta({ description: '(satisfied + basically) ÷ evaluated (满意率)' }),
  resolvedRate: z.number().nullable().meta({ description: 'resolved ÷ closed (解决率)' }),
})
export type Rates = z.infer<typeof ratesSchema>

export const durationSchema = z.object({
  median: z.number().nullable(),
  p90: z.number().nullable(),
  count: z.number().int(),
})
export type Duration = z.infer<typeof durationSchema>

export const breakdownRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  figures: figuresSchema,
  rates: ratesSchema,
})
export type BreakdownRow = z.infer<typeof breakdownRowSchema>

export const trendPointSchema = z.object({
  month: monthSchema,
  received: z.number().int(),
  closed: z.number().int(),
  rates: ratesSchema,
})
export type TrendPoint = z.infer<typeof trendPointSchema>

export const monthlyReportSchema = z
  .object({
    scope: z.object({ key: reportScopeSchema, kind: reportScopeKindSchema, name: z.string() }),
    month: monthSchema,
    asOf: z.string().meta({ description: 'The report date: cohort and live figures are counted up to this instant' }),
    monthComplete: z.boolean().meta({ description: 'False while the month is still running' }),
    figures: figuresSchema,
    rates: ratesSchema,
    firstResponseDays: durationSchema.meta({ description: 'Working days from submission to acceptance, accepted in the month' }),
    handlingDays: durationSchema.meta({ description: 'Working days from submission to the final answer, closed in the month, not counting days waiting for material' }),
    overdueNow: z.number().int().meta({ description: 'Open and past a deadline at the report date' }),
    escalatedNow: z.number().int().meta({ description: 'Open and escalated (level ≥ 1) at the report date' }),
    breakdowns: z.record(dimensionSchema, z.array(breakdownRowSchema)),
    trend: z.array(trendPointSchema).meta({ description: 'The 12 months up to and including this one, oldest first' }),
    summary: z.string().meta({ description: 'The month in one Chinese paragraph, as the official report opens' }),
    returnVisits: returnVisitFiguresSchema
      .optional()
      .meta({ description: 'The city’s or an area’s sampled return visits of the month (回访满意率 beside the in-app 满意率, and the sample sizes); absent for other scopes' }),
    upgrade: upgradeMonthSectionSchema
      .optional()
      .meta({ description: '升规入统 of the scope (city, area or a specialist’s portfolio): counts per stage, the month’s moves and its new 入规; absent when the scope has no enterprise in the pipeline' }),
    commonProblems: commonProblemMonthSchema
      .optional()
      .meta({ description: '共性问题 linked in the month in the scope (the city: every one; an area: its own) and the appeals they cover; absent for other scopes' }),
    fieldWork: monthlyFieldWorkSchema
      .optional()
      .meta({ description: 'The city’s or an area’s field work of the month: visits made, enterprises visited, problems found per channel; absent for other scopes' }),
  })
  .meta({ id: 'MonthlyReport' })
export type MonthlyReport = z.infer<typeof monthlyReportSchema>

export const reportQuerySchema = z
  .object({
    scope: reportScopeSchema,
    month: monthSchema,
  })
  .strict()
export type ReportQuery = z.infer<typeof reportQuerySchema>

/**
 * The figures a drill-down can list: every count of the report that names appeals, plus the
 * live ones. `late` is closed but not on time; `satisfiedOrBasically` is the satisfaction numerator.
 */
export const drillFigureSchema = z.enum([
  'received',
  'withdrawn',
  'cohortClosed',
  'closed',
  'resolved',
  'onTime',
  'late',
  'evaluated',
  'satisfiedOrBasically',
  'unsatisfied',
  'notEvaluated',
  'overdueNow',
  'escalatedNow',
])
export type DrillFigure = z.infer<typeof drillFigureSchema>

export const drillQuerySchema = z
  .object({
    scope: reportScopeSchema,
    month: monthSchema,
    figure: drillFigureSchema,
    dimension: dimensionSchema.optional(),
    value: z.string().max(64, '分组取值不正确').optional(),
    cursor: z.string().max(1024, INVALID_CURSOR_MESSAGE).optional(),
  })
  .strict()
  // Checked even when other fields are wrong, so that one reply names every field to fix.
  .refine((q) => (q.dimension === undefined) === (q.value === undefined), { message: '分组与取值须同时提供', path: ['value'], when: () => true })
export type DrillQuery = z.infer<typeof drillQuerySchema>

/** An export job's id as request-export mints it: `ex-` and a lower-case ulid. */
export const exportIdSchema = mintedIdSchema('ex', '导出任务编号不正确')
export const exportPathSchema = z.object({ id: exportIdSchema })

export const exportFormatSchema = z.enum(['xlsx', 'csv'])
export type ExportFormat = z.infer<typeof exportFormatSchema>

export const exportRequestSchema = z
  .object({
    scope: reportScopeSchema,
    month: monthSchema,
    format: exportFormatSchema.default('xlsx'),
  })
  .strict()
export type ExportRequest = z.infer<typeof exportRequestSchema>

export const exportJobSchema = z
  .object({
    id: z.string(),
    scope: reportScopeSchema,
    scopeName: z.string(),
    month: monthSchema,
    format: exportFormatSchema,
    kind: z.enum(['monthly', 'ledger']).optional().meta({ description: 'What was exported: the monthly report (default) or the problem ledger (问题台账)' }),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    requestedBy: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    fileName: z.string().meta({ description: 'The name the file is saved under, the same from queued to done' }),
    bytes: z.number().int().optional(),
    url: z.string().optional().meta({ description: 'Presigned download link, present when done; valid for 15 minutes' }),
    error: z.string().optional(),
  })
  .meta({ id: 'ExportJob' })
export type ExportJob = z.infer<typeof exportJobSchema>

export const reportScopesSchema = z
  .object({
    scopes: z.array(z.object({ key: reportScopeSchema, kind: reportScopeKindSchema, name: z.string() })),
    defaultScope: reportScopeSchema,
    currentMonth: monthSchema,
  })
  .meta({ id: 'ReportScopes' })
export type ReportScopes = z.infer<typeof reportScopesSchema>

/** One page of the appeals behind a figure; `total` counts them all. */
export const drillPageSchema = z
  .object({
    items: z.array(appealSchema),
    cursor: z.string().nullable(),
    total: z.number().int(),
  })
  .meta({ id: 'DrillPage' })
export type DrillPage = z.infer<typeof drillPageSchema>
