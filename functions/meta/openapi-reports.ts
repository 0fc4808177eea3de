import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { drillPageSchema, drillQuerySchema, exportIdSchema, exportJobSchema, exportRequestSchema, monthlyReportSchema, reportQuerySchema, reportScopesSchema } from '@shared/schemas/report.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const security = [{ bearer: [] }]

// The envelopes the export routes answer with, around the shared job schema.
const exportJobEnvelope = z.object({ job: exportJobSchema }).meta({ id: 'ExportJobEnvelope' })
const exportJobList = z.object({ items: z.array(exportJobSchema).meta({ description: 'Newest first, about the last week (jobs and files expire after 7 days)' }) }).meta({ id: 'ExportJobList' })
const exportId = z.object({ id: exportIdSchema.meta({ description: 'Export job id, e.g. ex-01k…' }) })

/** Monthly reports (DESIGN §7): the report, the appeals behind its figures, and exports. */
export function registerReportPaths(registry: OpenAPIRegistry): void {
  const forbidden = json(errorBodySchema, '只有该范围的管理员可以查看：市级管理员任意范围，属地管理员本属地及其专员，专员本人')
  registry.registerPath({
    method: 'get',
    path: '/api/reports/scopes',
    summary: 'The report scopes the caller may view, widest first, and the current month',
    security,
    responses: { 200: json(reportScopesSchema, '可查看的统计范围'), 401: json(errorBodySchema, '未登录'), 403: json(errorBodySchema, '只有管理员和专员可以查看报表') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/reports/monthly',
    summary: "One month's report of a scope: figures and rates of DESIGN §7, breakdowns, 12-month trend, summary paragraph",
    description:
      'scope: city | area:<id> | department:<id> | taskForce:<id> | specialist:<id>; month: YYYY-MM in Asia/Shanghai, not after the current month. ' +
      'Rates are fractions, null when the denominator is zero (shown as —).',
    security,
    request: { query: reportQuerySchema },
    responses: {
      200: json(monthlyReportSchema, '月报'),
      400: json(errorBodySchema, '查询条件有误：字段级中文说明见 error.fields'),
      401: json(errorBodySchema, '未登录'),
      403: forbidden,
      404: json(errorBodySchema, '统计范围不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/reports/appeals',
    summary: 'The appeals behind one figure of a report (optionally one breakdown row), newest first, 20 a page',
    security,
    request: { query: drillQuerySchema },
    responses: {
      200: json(drillPageSchema, '诉求列表'),
      400: json(errorBodySchema, '查询条件有误'),
      401: json(errorBodySchema, '未登录'),
      403: forbidden,
      404: json(errorBodySchema, '统计范围不存在'),
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/reports/exports',
    summary: "Export a scope's monthly report as XLSX (summary, breakdowns, detail rows) or CSV (detail rows); made in the background",
    description:
      'Who may export what is who may view it: the city admin any scope, an area admin their area and its specialists, a specialist their own portfolio. ' +
      'The same export already queued or running is answered instead of a second one; at most 3 run at once per person. ' +
      'Follow the job with GET /api/reports/exports/{id}; the requester is also notified (export_ready) when it is done.',
    security,
    request: { body: { content: { 'application/json': { schema: exportRequestSchema } } } },
    responses: {
      202: json(exportJobEnvelope, '已排队，后台生成'),
      400: json(errorBodySchema, '请求有误：字段级中文说明见 error.fields'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '无权导出该范围的报表'),
      404: json(errorBodySchema, '统计范围不存在'),
      429: json(errorBodySchema, '同时进行的导出过多'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/reports/exports',
    summary: "The caller's recent export jobs, newest first",
    security,
    responses: { 200: json(exportJobList, '导出任务'), 401: json(errorBodySchema, '未登录') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/reports/exports/{id}',
    summary: 'One of the caller’s export jobs: progress while it runs; when done, a download link valid for 15 minutes (ask again for a fresh one)',
    security,
    request: { params: exportId },
    responses: {
      200: json(exportJobEnvelope, '导出任务'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在，或不是调用者发起的'),
    },
  })
}
