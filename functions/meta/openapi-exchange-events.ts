import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import type * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import {
  createExchangeEventRequestSchema,
  exchangeEventDetailSchema,
  exchangeEventListSchema,
  exchangeEventPathSchema,
  exchangeEventResponseSchema,
  listExchangeEventsQuerySchema,
  seriesTotalsQuerySchema,
  seriesTotalsSchema,
} from '@shared/schemas/exchange-event.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** Exchange days (政企交流主题日 / 企业家接待日, DESIGN §12): scheduling, the list, the event page, the series' totals. */
export function registerExchangeEventPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/events',
    summary: 'Schedule an exchange day: an area admin for their area, the city admin for any area or the city (areaId null)',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: createExchangeEventRequestSchema } } } },
    responses: {
      201: json(exchangeEventResponseSchema, '已安排'),
      400: json(errorBodySchema, '活动信息有误（逐字段说明）'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有属地或市级管理员可以安排；属地管理员只能为本属地安排'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/events',
    summary: 'Exchange days the caller may see, newest date first',
    description:
      "Specialists and area admins: their area's events and the city-level ones. City admin: every event, or one area's (with the city-level ones) with areaId. Optionally one series.",
    security: [{ bearer: [] }],
    request: { query: listExchangeEventsQuerySchema },
    responses: {
      200: json(exchangeEventListSchema, '交流活动列表'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有专员和管理员可以查看；只能查看本属地'),
      404: json(errorBodySchema, '属地不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/events/series',
    summary: 'Totals per series over the events the caller may see: meetings, problems raised, with a measure, solved',
    description: 'Solved: the appeal is closed with the outcome resolved.',
    security: [{ bearer: [] }],
    request: { query: seriesTotalsQuerySchema },
    responses: {
      200: json(seriesTotalsSchema, '系列合计'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有专员和管理员可以查看；只能查看本属地'),
      404: json(errorBodySchema, '属地不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/events/{id}',
    summary: 'An exchange day with its live tallies and the problems raised at it, each with its status',
    security: [{ bearer: [] }],
    request: { params: exchangeEventPathSchema },
    responses: {
      200: json(exchangeEventDetailSchema, '交流活动'),
      400: json(errorBodySchema, '活动编号格式不正确'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在，或调用者不能查看'),
    },
  })
}
