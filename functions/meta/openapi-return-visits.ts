import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import type * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import {
  drawSampleRequestSchema,
  drawSampleResponseSchema,
  listReturnVisitsQuerySchema,
  recordAttemptRequestSchema,
  returnVisitListSchema,
  returnVisitPathSchema,
  returnVisitResponseSchema,
  returnVisitSummarySchema,
  summaryQuerySchema,
} from '@shared/schemas/return-visit.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const FORBIDDEN = '只有属地或市级管理员可以开展抽查回访；属地管理员只能处理本属地'

/** Sampled return visits (抽查回访, DESIGN §12): the office's monthly sample of closed appeals and its calls. */
export function registerReturnVisitPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/return-visits/samples',
    summary: "Draw the month's sample of closed appeals for a return call: per area, stratified by channel, every 未评价 appeal in it",
    description:
      'City admin: every area, or one with areaId. Area admin: their area. Each area’s sample of a month is drawn once and kept with its seed; asking again answers it as drawn (200, created false).',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: drawSampleRequestSchema } } } },
    responses: {
      201: json(drawSampleResponseSchema, '已抽样'),
      200: json(drawSampleResponseSchema, '该月已抽样：返回已抽取的样本'),
      400: json(errorBodySchema, '请求有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, FORBIDDEN),
      404: json(errorBodySchema, '属地不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/return-visits',
    summary: "The scope's return visits of a month (回访清单), still to call first, with the contact to call",
    security: [{ bearer: [] }],
    request: { query: listReturnVisitsQuerySchema },
    responses: {
      200: json(returnVisitListSchema, '回访清单'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, FORBIDDEN),
      404: json(errorBodySchema, '属地不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/return-visits/summary',
    summary: '回访满意率 = (satisfied + basically) ÷ reached, the sample sizes, per area, and the inconsistent visits (评价不一致)',
    security: [{ bearer: [] }],
    request: { query: summaryQuerySchema },
    responses: {
      200: json(returnVisitSummarySchema, '回访汇总'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, FORBIDDEN),
      404: json(errorBodySchema, '属地不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/return-visits/{id}',
    summary: 'One return visit with its calls',
    security: [{ bearer: [] }],
    request: { params: returnVisitPathSchema },
    responses: {
      200: json(returnVisitResponseSchema, '回访'),
      400: json(errorBodySchema, '回访编号不正确'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在，或调用者不能查看'),
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/return-visits/{id}/attempts',
    summary: 'Record one call: not reached (try again later), or reached with the rating and what was said',
    security: [{ bearer: [] }],
    request: { params: returnVisitPathSchema, body: { content: { 'application/json': { schema: recordAttemptRequestSchema } } } },
    responses: {
      200: json(returnVisitResponseSchema, '已记录'),
      400: json(errorBodySchema, '请求有误'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在，或调用者不能查看'),
      409: json(errorBodySchema, '已接通（INVALID_TRANSITION），或刚被他人记录（VERSION_CONFLICT）'),
    },
  })
}
