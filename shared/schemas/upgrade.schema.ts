import * as z from 'zod'
import { actorRefSchema } from './appeal.schema'
import { enterpriseIdSchema, instantSchema } from './common.schema'

/*
 * 升规入统 (the upgrade pipeline): the statistics' sector lines and their thresholds, an
 * enterprise's monthly figures, its stage and timeline, the specialist's list and the boards.
 * Money is in 万元 (ten thousand yuan) throughout, as the statistics report it.
 */

/** The sector lines of the statistics (统计行业), each with its own threshold. */
export const sectorLineSchema = z.enum(['industry', 'construction', 'wholesale', 'retail', 'accommodation', 'catering', 'services-a', 'services-b', 'services-c'], {
  message: '请选择统计行业',
})
export type SectorLine = z.infer<typeof sectorLineSchema>

/**
 * The threshold of one sector line: annual revenue (万元) for most, a rule for construction
 * (资质等级). Kept as data the city admin edits, with its source.
 */
export const thresholdSchema = z
  .object({
    sector: sectorLineSchema,
    label: z.string(),
    /** 年主营业务收入 / 营业收入 at or above which the enterprise enters the statistics; absent for a rule-only line. */
    revenue: z.number().positive().optional(),
    /** The measure named by the source (年主营业务收入, 营业收入) or the rule (资质). */
    measure: z.string(),
    source: z.string(),
    updatedAt: instantSchema.optional(),
    updatedBy: actorRefSchema.optional(),
  })
  .meta({ id: 'UpgradeThreshold' })
export type Threshold = z.infer<typeof thresholdSchema>

export const thresholdListSchema = z.object({ items: z.array(thresholdSchema) }).meta({ id: 'UpgradeThresholdList' })

const trimmed = (max: number, empty: string, long: string) => z.string({ message: empty }).trim().min(1, empty).max(max, long)

/** The city admin's edit of one line: a new revenue threshold (or the rule) and where it comes from. */
export const thresholdEditSchema = z
  .object({
    sector: sectorLineSchema,
    revenue: z.number({ message: '请填写门槛金额（万元）' }).positive('门槛金额须大于 0').max(10_000_000, '门槛金额过大').optional(),
    measure: trimmed(40, '请填写口径', '口径不超过 40 字').optional(),
    source: trimmed(200, '请写明门槛的依据', '依据不超过 200 字'),
  })
  .strict()
export type ThresholdEdit = z.infer<typeof thresholdEditSchema>

/** YYYY-MM. */
export const monthSchema = z.string({ message: '请选择月份' }).regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
/** YYYY-MM-DD. */
export const dateSchema = z.string({ message: '请选择日期' }).regex(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')

/** Plausible bounds: a near-scale enterprise's revenue is far below 10 亿元 a month; employees below 100,000. */
export const MAX_REVENUE_WAN = 10_000_000
export const MAX_EMPLOYEES = 100_000

const money = (what: string) =>
  z
    .number({ message: `请填写${what}（万元）` })
    .min(0, `${what}不能为负数`)
    .max(MAX_REVENUE_WAN, `${what}超出合理范围，请核对单位（万元）`)

/** One month's figures as entered (the monthly form). */
export const figureInputSchema = z
  .object({
    month: monthSchema,
    /** 本年累计营业收入 (万元), January to `month`. */
    revenueYtd: money('本年累计营业收入'),
    /** 上年全年营业收入 (万元), when known. */
    lastYearRevenue: money('上年全年营业收入').optional(),
    employees: z.number({ message: '请填写从业人数' }).int('从业人数须为整数').min(0, '从业人数不能为负数').max(MAX_EMPLOYEES, '从业人数超出合理范围'),
    note: z.string().trim().max(200, '备注不超过 200 字').optional(),
  })
  .strict()
export type FigureInput = z.infer<typeof figureInputSchema>

const enteredSchema = z.object({
  revenueYtd: z.number(),
  lastYearRevenue: z.number().optional(),
  employees: z.number(),
  note: z.string().optional(),
  enteredAt: instantSchema,
  enteredBy: actorRefSchema,
  /** 'import' when the value came from an admin's XLSX import rather than the monthly form. */
  via: z.literal('import').optional(),
})

/** A month's figure as kept: the current values, who entered them, and every value it replaced. */
export const figureSchema = enteredSchema
  .extend({
    month: monthSchema,
    /** Earlier values of this month, oldest first: a correction never loses what it replaced. */
    history: z.array(enteredSchema),
  })
  .meta({ id: 'UpgradeFigure' })
export type Figure = z.infer<typeof figureSchema>

export const stageSchema = z.enum(['cultivating', 'applying', 'entered', 'left'])
export type Stage = z.infer<typeof stageSchema>

const note = z.string().trim().max(500, '说明不超过 500 字').optional()

/** A move on the pipeline (or a change of sector line), each with the date it happened and a note. */
export const upgradeActionSchema = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('apply'), date: dateSchema, applicationMonth: monthSchema, note }).strict(),
      z.object({ type: z.literal('enter'), date: dateSchema, acceptedMonth: monthSchema, note }).strict(),
      z.object({ type: z.literal('return'), date: dateSchema, note: trimmed(500, '请说明申报未通过的原因', '说明不超过 500 字') }).strict(),
      z.object({ type: z.literal('leave'), date: dateSchema, reason: trimmed(200, '请填写退出培育的原因', '原因不超过 200 字'), note }).strict(),
      z.object({ type: z.literal('resume'), date: dateSchema, note }).strict(),
      z.object({ type: z.literal('set-sector'), sector: sectorLineSchema, note }).strict(),
    ],
    { message: '请选择操作' },
  )
  .meta({ id: 'UpgradeAction' })
export type UpgradeAction = z.infer<typeof upgradeActionSchema>
export type UpgradeActionType = UpgradeAction['type']

/** One entry of the enterprise's upgrade timeline. */
export const upgradeEventSchema = z.object({
  type: z.enum(['open', 'apply', 'enter', 'return', 'leave', 'resume', 'set-sector', 'figure', 'correct-figure']),
  /** The date the move happened (YYYY-MM-DD), as the person said. */
  date: dateSchema,
  at: instantSchema,
  by: actorRefSchema,
  from: stageSchema.optional(),
  to: stageSchema.optional(),
  month: monthSchema.optional(),
  sector: sectorLineSchema.optional(),
  reason: z.string().optional(),
  note: z.string().optional(),
})
export type UpgradeEvent = z.infer<typeof upgradeEventSchema>

/** How the full year is projected, in the words shown to people. */
export const projectionSchema = z
  .object({
    method: z.enum(['seasonal', 'linear', 'none']),
    /** The latest month the projection stands on. */
    month: monthSchema.optional(),
    year: z.number().int().optional(),
    revenueYtd: z.number().optional(),
    /** 预计全年营业收入 (万元), rounded to one decimal. */
    projected: z.number().optional(),
    /** Last year's share of the full year reached by the same month (seasonal only). */
    share: z.number().optional(),
    threshold: z.number().optional(),
    /** threshold − projected: how far short (positive) or past (negative). */
    distance: z.number().optional(),
    likely: z.boolean(),
    explanation: z.string(),
  })
  .meta({ id: 'UpgradeProjection' })
export type Projection = z.infer<typeof projectionSchema>

/** The upgrade file as stored: one per enterprise in the pipeline. */
export const upgradeFileSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  areaId: z.string(),
  specialistId: z.string().nullable(),
  sector: sectorLineSchema,
  stage: stageSchema,
  /** When the stage last moved (YYYY-MM-DD). */
  stageDate: dateSchema,
  applicationMonth: monthSchema.optional(),
  acceptedMonth: monthSchema.optional(),
  leftReason: z.string().optional(),
  /** The latest month with a figure. */
  lastFigureMonth: monthSchema.optional(),
  /** The few figures the projection stands on (latest month, last year's same month and December), so lists project without reading every month. */
  basis: z.array(z.object({ month: monthSchema, revenueYtd: z.number(), lastYearRevenue: z.number().optional() })).optional(),
  timeline: z.array(upgradeEventSchema),
  version: z.number().int(),
  openedAt: instantSchema,
})
export type UpgradeFile = z.infer<typeof upgradeFileSchema>

export const upgradeDetailSchema = z
  .object({
    enterprise: z.object({ id: z.string(), name: z.string(), areaId: z.string(), scale: z.string(), industry: z.string(), specialistId: z.string().nullable() }),
    /** Absent until a first figure or move opens the file. */
    file: upgradeFileSchema.nullable(),
    sector: sectorLineSchema,
    threshold: thresholdSchema,
    figures: z.array(figureSchema),
    projection: projectionSchema,
    /** The month whose figure is due (last month) and whether it is in. */
    dueMonth: monthSchema,
    dueMonthMissing: z.boolean(),
    actions: z.array(z.enum(['figure', 'apply', 'enter', 'return', 'leave', 'resume', 'set-sector'])),
  })
  .meta({ id: 'UpgradeDetail' })
export type UpgradeDetail = z.infer<typeof upgradeDetailSchema>

/** A row of the specialist's list (or an area admin's). */
export const upgradeListItemSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  areaId: z.string(),
  specialistId: z.string().nullable(),
  scale: z.string(),
  sector: sectorLineSchema,
  stage: stageSchema,
  lastFigureMonth: monthSchema.optional(),
  projection: projectionSchema,
  /** What is missing: 建档, last month's figure, a visit (走访) this quarter. */
  missing: z.array(z.enum(['figure', 'file', 'visit'])),
  /** The upgrade guide's policies (升规指南) that apply to it, newest first, at most three. */
  guide: z.array(z.object({ id: z.string(), title: z.string() })),
})
export type UpgradeListItem = z.infer<typeof upgradeListItemSchema>

export const upgradeListQuerySchema = z
  .object({
    areaId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号格式不正确').optional(),
    specialistId: z.string().regex(/^[a-z]{2}-[0-9a-z-]{1,40}$/, '专员编号格式不正确').optional(),
  })
  .strict()
export type UpgradeListQuery = z.infer<typeof upgradeListQuerySchema>

export const upgradeListSchema = z.object({ items: z.array(upgradeListItemSchema), dueMonth: monthSchema }).meta({ id: 'UpgradeList' })

/**
 * One enterprise as the board keeps it (the area's aggregate holds one such row per file), short
 * so that a whole area fits in one item.
 */
export const boardRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  sp: z.string().nullable(),
  sector: sectorLineSchema,
  stage: stageSchema,
  /** When the stage last moved (YYYY-MM-DD). */
  moved: dateSchema,
  /** Latest month with a figure. */
  fig: monthSchema.optional(),
  /** Projection: its year and the projected full-year revenue (万元); the threshold is applied when the board is read. */
  year: z.number().int().optional(),
  proj: z.number().optional(),
  /** When the file was opened (YYYY-MM-DD): entering 培育. */
  op: dateSchema,
  /** 申报: the application month. */
  ap: monthSchema.optional(),
  /** 入规: the month the statistics accepted it. */
  acc: monthSchema.optional(),
})
export type BoardRow = z.infer<typeof boardRowSchema>

const stageCountsSchema = z.object({ cultivating: z.number(), applying: z.number(), entered: z.number(), left: z.number() })
export type StageCounts = z.infer<typeof stageCountsSchema>

const boardEntrySchema = z.object({ id: z.string(), name: z.string(), areaId: z.string().optional(), stage: stageSchema, distance: z.number().optional(), why: z.string().optional() })

export const upgradeBoardSchema = z
  .object({
    scope: z.object({ kind: z.enum(['city', 'area']), areaId: z.string().nullable() }),
    month: monthSchema,
    stages: stageCountsSchema,
    likely: z.array(boardEntrySchema),
    stalled: z.array(boardEntrySchema),
    movedThisMonth: z.array(boardEntrySchema),
    bySpecialist: z.array(z.object({ specialistId: z.string().nullable(), name: z.string(), stages: stageCountsSchema, likely: z.number(), stalled: z.number() })),
    bySector: z.array(z.object({ sector: sectorLineSchema, label: z.string(), stages: stageCountsSchema, likely: z.number(), stalled: z.number() })),
    byArea: z.array(z.object({ areaId: z.string(), name: z.string(), stages: stageCountsSchema, likely: z.number(), stalled: z.number() })),
    rules: z.object({ stalled: z.string(), likely: z.string() }),
  })
  .meta({ id: 'UpgradeBoard' })
export type UpgradeBoard = z.infer<typeof upgradeBoardSchema>

export const upgradeBoardQuerySchema = z.object({ areaId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号格式不正确').optional() }).strict()

/** The path of an enterprise's upgrade routes. */
export const upgradePathSchema = z.object({ id: enterpriseIdSchema })

/** The monthly report's section (升规入统): the stages as they stand, what entered each in the month, the new 入规. */
export const upgradeMonthSectionSchema = z
  .object({
    month: monthSchema,
    stages: stageCountsSchema.meta({ description: 'Enterprises at each stage when the report is read' }),
    newThisMonth: stageCountsSchema.meta({ description: 'Files opened (培育), applications (申报), acceptances (入规) and exits (退出培育) of the month' }),
    newlyEntered: z.array(z.object({ id: z.string(), name: z.string(), acceptedMonth: monthSchema })),
  })
  .meta({ id: 'UpgradeMonthSection' })

/** The weekly digest's line: enterprises in the pipeline with no figure for last month. */
export const upgradeMissingFiguresSchema = z
  .object({ month: monthSchema, items: z.array(z.object({ id: z.string(), name: z.string() })) })
  .meta({ id: 'UpgradeMissingFigures' })
