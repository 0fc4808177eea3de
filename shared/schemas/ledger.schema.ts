import * as z from 'zod'
import { appealStatusSchema, channelSchema, type AppealStatus, type Channel } from './appeal.schema'
import { categoryIdSchema, INVALID_CURSOR_MESSAGE } from './common.schema'
import { monthSchema } from './report.schema'

/*
 * The problem ledger (问题台账, DESIGN §12): every problem of a scope whatever its channel, with
 * its source, measure, holder, deadline and status — the query, one row, one page, and the export.
 */

/** Comma-separated values of an enum in a query string, each kept once; one bad value is one field error. */
const enumList = <T extends string>(schema: z.ZodType<T>, message: string) =>
  z
    .string()
    .max(100, message)
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined
      const parsed = z.array(schema).safeParse(value.split(','))
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return [...new Set(parsed.data)]
    })

/** What narrows a ledger: the same for a page of it and for its export. */
const ledgerFilterShape = {
  areaId: z
    .string()
    .regex(/^[\w-]{1,64}$/, '属地编号不正确')
    .optional()
    .meta({ description: 'City admin: one area instead of the whole city; an area admin may name only their own' }),
  channel: enumList(channelSchema, '渠道筛选值无效').meta({ description: 'Comma-separated channels: miniapp (企业自报), visit (走访), event (交流日), phone (电话)' }),
  status: enumList(appealStatusSchema, '状态筛选值无效').meta({ description: 'Comma-separated statuses, e.g. assigned,in_progress' }),
  categoryId: categoryIdSchema.optional(),
  from: monthSchema.optional().meta({ description: 'Filed in this Shanghai month or later (YYYY-MM)' }),
  to: monthSchema.optional().meta({ description: 'Filed in this Shanghai month or earlier (YYYY-MM)' }),
  overdue: z
    .enum(['true', 'false'], { message: '超期筛选应为 true 或 false' })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .meta({ description: 'true: only open problems past a running deadline; false: only the others' }),
}

/** `from` after `to` names no month at all: said on `to`, even when other fields are wrong too. */
const monthOrder = { message: '结束月份不能早于开始月份', path: ['to'], when: () => true }
// Run even on input of the wrong shape (`when`): only an object with both months can be out of order.
const inOrder = (q: { from?: unknown; to?: unknown } | null | undefined) =>
  typeof q !== 'object' || q === null || typeof q.from !== 'string' || typeof q.to !== 'string' || q.from <= q.to

export const LEDGER_PAGE_MAX = 50

export const ledgerQuerySchema = z
  .object({
    ...ledgerFilterShape,
    cursor: z.string().max(1024, INVALID_CURSOR_MESSAGE).optional(),
    limit: z.coerce.number({ message: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少 1 条').max(LEDGER_PAGE_MAX, `每页最多 ${LEDGER_PAGE_MAX} 条`).default(20),
  })
  .strict()
  .refine(inOrder, monthOrder)
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>

/** The filters as the domain reads them (parsed: lists, booleans); absent ones narrow nothing. */
export interface LedgerFilter {
  areaId?: string | undefined
  channel?: Channel[] | undefined
  status?: AppealStatus[] | undefined
  categoryId?: string | undefined
  from?: string | undefined
  to?: string | undefined
  overdue?: boolean | undefined
}

/** An export of the ledger: the same filters, in a JSON body (lists as arrays). */
export const ledgerExportRequestSchema = z
  .object({
    areaId: ledgerFilterShape.areaId,
    channel: z.array(z.enum(channelSchema.options, { message: '渠道筛选值无效' }), { message: '渠道筛选值无效' }).max(4, '渠道筛选值无效').optional(),
    status: z.array(z.enum(appealStatusSchema.options, { message: '状态筛选值无效' }), { message: '状态筛选值无效' }).max(6, '状态筛选值无效').optional(),
    categoryId: categoryIdSchema.optional(),
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    overdue: z.boolean({ message: '超期筛选应为 true 或 false' }).optional(),
  })
  .strict()
  .refine(inOrder, monthOrder)
  .meta({ id: 'LedgerExportRequest' })
export type LedgerExportRequest = z.infer<typeof ledgerExportRequestSchema>

/** Whose ledger: the city's, one area's, or (a specialist) the problems they hold. */
export const ledgerScopeSchema = z.object({
  kind: z.enum(['city', 'area', 'portfolio']),
  areaId: z.string().nullable(),
  name: z.string(),
})
export type LedgerScope = z.infer<typeof ledgerScopeSchema>

export const ledgerRowSchema = z
  .object({
    appealId: z.string(),
    number: z.string().meta({ description: '编号 (诉求编号)' }),
    enterpriseName: z.string(),
    areaId: z.string(),
    areaName: z.string(),
    categoryName: z.string(),
    title: z.string(),
    channel: channelSchema,
    channelLabel: z.string().meta({ description: '渠道: 企业自报 / 走访 / 交流日 / 电话' }),
    sourceLabel: z.string().nullable().meta({ description: 'The visit or exchange day it was raised at (its label), if any' }),
    onBehalf: z.boolean().meta({ description: 'Filed by an official for the enterprise (专员代提)' }),
    measure: z.object({ text: z.string(), unit: z.string(), dueDate: z.string() }).nullable().meta({ description: '解决措施, by which unit, by when' }),
    owner: z.string().meta({ description: 'The owner (承办专员), or 待分派 while in the duty queue' }),
    coHandlers: z.array(z.string()).meta({ description: 'Co-handling departments and task forces' }),
    createdAt: z.string(),
    dueAt: z.string().meta({ description: 'Resolution deadline' }),
    overdue: z.boolean(),
    status: appealStatusSchema,
    statusLabel: z.string(),
    closedAt: z.string().nullable(),
    satisfaction: z.string().meta({ description: '满意 / 基本满意 / 不满意 / 未评价 once closed; empty before' }),
  })
  .meta({ id: 'LedgerRow' })
export type LedgerRow = z.infer<typeof ledgerRowSchema>

export const ledgerPageSchema = z
  .object({
    scope: ledgerScopeSchema,
    items: z.array(ledgerRowSchema),
    cursor: z.string().nullable(),
  })
  .meta({ id: 'LedgerPage' })
export type LedgerPage = z.infer<typeof ledgerPageSchema>

/** What a ledger export job keeps: the scope as authorised when it was asked for, and the filters. */
export interface LedgerJobSpec {
  scope: LedgerScope
  filter: LedgerFilter
  /** The filters in words, for the workbook's heading. */
  filterText: string
}
