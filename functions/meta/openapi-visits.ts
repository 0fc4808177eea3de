import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { cardIdSchema } from '@shared/schemas/card.schema'
import { enterpriseIdSchema, errorBodySchema } from '@shared/schemas/common.schema'
import { checkInSchema, listVisitsQuerySchema, recordVisitRequestSchema, visitDetailSchema, visitPageSchema, visitPathSchema, visitSchema, visitSeenSchema } from '@shared/schemas/visit.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** Visits (走访, DESIGN §12): recording and reading visit records, checking in by the card, and what staff see of them. */
export function registerVisitPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/visits',
    summary: 'Record a visit to an enterprise (the officials who work on site for it); a retry with the same Idempotency-Key returns the same visit',
    description: 'Also moves the enterprise’s lastVisitAt (最近走访) in the same transaction. `checkIn` (from POST /api/cards/{id}/check-in, within 12 hours) stamps checkedInAt.',
    security: [{ bearer: [] }],
    request: {
      headers: z.object({ 'idempotency-key': z.string().meta({ description: '8–100 characters of A-Z a-z 0-9 . _ : -' }) }),
      body: { content: { 'application/json': { schema: recordVisitRequestSchema } } },
    },
    responses: {
      201: json(z.object({ visit: visitSchema }), '已记录'),
      200: json(z.object({ visit: visitSchema }), '同一请求的重试：返回首次记录的走访'),
      400: json(errorBodySchema, '字段有误（逐字段说明），签到凭证无效、过期或属于其他企业'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '企业不存在，或调用者不负责该企业'),
      422: json(errorBodySchema, '同一 Idempotency-Key 用于不同的请求内容'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/visits',
    summary: 'Visit records, newest first: one enterprise’s (officials who work on site for it), or without enterpriseId the caller’s own (我的走访)',
    security: [{ bearer: [] }],
    request: { query: listVisitsQuerySchema },
    responses: {
      200: json(visitPageSchema, '走访记录'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '不记录走访的人（企业联系人、部门经办人）'),
      404: json(errorBodySchema, '企业不存在，或调用者不负责该企业'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/visits/{id}',
    summary: 'One visit record with its photos (15-minute links) and the appeals filed from it',
    security: [{ bearer: [] }],
    request: { params: visitPathSchema },
    responses: {
      200: json(visitDetailSchema, '走访详情'),
      400: json(errorBodySchema, '编号格式不正确'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在，或调用者不能查看（企业联系人从不能查看走访记录）'),
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/cards/{id}/check-in',
    summary: 'Check in on site by scanning the enterprise’s card: the enterprise and a signed token for POST /api/visits',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: cardIdSchema }) },
    responses: {
      200: json(z.object({ checkIn: checkInSchema }), '签到成功'),
      400: json(errorBodySchema, '联系卡编号格式不正确'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '不负责该企业（企业联系人扫码仍打开联系卡页）'),
      404: json(errorBodySchema, '联系卡不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/enterprises/{id}/visits-seen',
    summary: 'What the enterprise’s staff see of its visits: “专员于 X 月 X 日走访”, the latest ten',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: enterpriseIdSchema }) },
    responses: {
      200: json(z.object({ items: z.array(visitSeenSchema) }), '走访日期'),
      400: json(errorBodySchema, '企业编号格式不正确'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '企业不存在，或调用者不是该企业的联系人或负责的工作人员'),
    },
  })
}
