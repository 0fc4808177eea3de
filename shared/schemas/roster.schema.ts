import * as z from 'zod'
import { industrySchema, scaleSchema } from './catalog.schema'
import { INVALID_CURSOR_MESSAGE } from './common.schema'
import { optionalText, requiredText } from './text.schema'
import { ENTERPRISE_SEARCH_MAX } from '../domain/enterprise-search'

const reason = requiredText('调整原因', 200, { min: 2, multiline: true })
const specialistId = z.string({ message: '请选择专员' }).regex(/^sp-[0-9a-z-]{1,40}$/, '请选择专员')

/** Move one enterprise to another specialist; its cards and open appeals follow. */
export const reassignRequestSchema = z.object({ specialistId, reason }).strict().meta({ id: 'ReassignRequest' })
export type ReassignRequest = z.infer<typeof reassignRequestSchema>

/** A specialist leaves: their whole portfolio moves to another specialist. */
export const handoverRequestSchema = z.object({ toSpecialistId: specialistId, reason }).strict().meta({ id: 'HandoverRequest' })
export type HandoverRequest = z.infer<typeof handoverRequestSchema>

export const reassignResultSchema = z
  .object({
    enterprises: z.number().int().meta({ description: 'Enterprises moved' }),
    movedAppeals: z.number().int().meta({ description: 'Open appeals that followed them' }),
  })
  .meta({ id: 'ReassignResult' })
export type ReassignResult = z.infer<typeof reassignResultSchema>

/** An enterprise in the admin lists. */
export const enterpriseSummarySchema = z
  .object({
    id: z.string(),
    creditCode: z.string(),
    name: z.string(),
    industry: industrySchema,
    scale: scaleSchema,
    areaId: z.string(),
    specialistId: z.string().nullable(),
    specialistName: z.string().nullable(),
    cardId: z.string().nullable(),
    openAppeals: z.number().int(),
    closedAppeals: z.number().int(),
    lastVisitAt: z.string().optional().meta({ description: 'When the latest visit (走访) took place; absent when never visited' }),
  })
  .meta({ id: 'EnterpriseSummary' })
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>

export const enterprisePageSchema = z
  .object({ items: z.array(enterpriseSummarySchema), cursor: z.string().nullable() })
  .meta({ id: 'EnterprisePage' })
export type EnterprisePage = z.infer<typeof enterprisePageSchema>

const flag = z.enum(['true', 'false'], { message: '只能是 true 或 false' }).transform((v) => v === 'true')

export const listEnterprisesQuerySchema = z
  .object({
    areaId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确').optional(),
    scale: scaleSchema.optional(),
    specialistId: specialistId.optional(),
    hasOpenAppeals: flag.optional(),
    q: optionalText('搜索内容', ENTERPRISE_SEARCH_MAX)
      .transform((text) => text || undefined)
      .optional()
      .meta({ description: 'Part of the name, the credit code, or the contact’s name or phone' }),
    limit: z.coerce.number({ message: '每页条数必须是数字' }).int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(50),
    cursor: z.string().max(1024, INVALID_CURSOR_MESSAGE).optional(),
  })
  .strict()

export const specialistSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    phone: z.string(),
    areaId: z.string().nullable(),
    organisation: z.string(),
    portfolioSize: z.number().int().meta({ description: 'Enterprises assigned to the specialist' }),
    openAppeals: z.number().int().meta({ description: 'Open appeals of those enterprises' }),
    pushBudgetEmpty: z
      .boolean()
      .meta({ description: 'No WeChat subscribe message left for new work: new appeals reach only their in-app inbox until they subscribe again' }),
  })
  .meta({ id: 'SpecialistSummary' })
export type SpecialistSummary = z.infer<typeof specialistSummarySchema>
export const specialistListSchema = z.object({ items: z.array(specialistSummarySchema) }).meta({ id: 'SpecialistList' })

export const listSpecialistsQuerySchema = z
  .object({ areaId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确').optional() })
  .strict()

/** Roster files travel as base64 in JSON: a few hundred KB, far below the API's 10 MB limit. */
export const ROSTER_FILE_MAX_BYTES = 4 * 1024 * 1024

export const rosterImportRequestSchema = z
  .object({
    fileName: z
      .string({ message: '请选择名册文件' })
      .trim()
      .max(200, '文件名过长')
      .regex(/\.(xlsx|csv)$/i, '只支持 .xlsx 或 .csv 文件'),
    contentBase64: z
      .string({ message: '请选择名册文件' })
      .min(1, '文件是空的')
      .max(Math.ceil((ROSTER_FILE_MAX_BYTES * 4) / 3) + 4, '文件不能超过 4 MB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容编码不正确'),
    dryRun: z.boolean({ message: '请说明是预览还是导入' }),
  })
  .strict()
  .meta({ id: 'RosterImportRequest' })
export type RosterImportRequest = z.infer<typeof rosterImportRequestSchema>

export const rowActionSchema = z.enum(['create', 'update', 'unchanged', 'invalid'])
export const rosterRowResultSchema = z.object({
  row: z.number().int(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  action: rowActionSchema,
  changes: z.array(z.string()),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
})
export type RosterRowResult = z.infer<typeof rosterRowResultSchema>

export const rosterImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean().meta({ description: 'True when the valid rows were written' }),
    summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
    rows: z.array(rosterRowResultSchema),
    fileProblems: z.array(z.string()),
    newSpecialists: z.number().int(),
    reassignments: z.number().int(),
  })
  .meta({ id: 'RosterImportResult' })
export type RosterImportResult = z.infer<typeof rosterImportResultSchema>
