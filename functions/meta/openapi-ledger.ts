import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { ledgerExportRequestSchema, ledgerPageSchema, ledgerQuerySchema } from '@shared/schemas/ledger.schema'
import { exportJobSchema } from '@shared/schemas/report.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

const WHOSE = "City admin: the city's ledger, or one area's with areaId. Area admin: their area's (another area: 403). Specialist: the problems they hold (no areaId)."

/** The problem ledger (问题台账, DESIGN §12): one page of it, and its XLSX export. */
export function registerLedgerPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/ledger',
    summary: 'The problem ledger of the caller’s scope, newest first: every problem whatever its channel, with source, measure, holder, deadline and status',
    description: WHOSE,
    security: [{ bearer: [] }],
    request: { query: ledgerQuerySchema },
    responses: {
      200: json(ledgerPageSchema, '问题台账'),
      400: json(errorBodySchema, '查询参数有误（字段级说明见 error.fields）'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '无权查看该问题台账'),
      404: json(errorBodySchema, '属地不存在'),
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/ledger/exports',
    summary: 'Queue an XLSX export of the problem ledger with these filters; follow it at /api/reports/exports/{id}',
    description: WHOSE,
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: ledgerExportRequestSchema } } } },
    responses: {
      202: json(z.object({ job: exportJobSchema }), '已排队导出'),
      400: json(errorBodySchema, '导出条件有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '无权导出该问题台账'),
      404: json(errorBodySchema, '属地不存在'),
      429: json(errorBodySchema, '已有 3 个导出正在进行'),
    },
  })
}
