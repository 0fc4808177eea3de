import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { calendarYearSchema, yearScheduleSchema } from '@shared/schemas/calendar.schema'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { categoryRoutingSchema, categorySchema, routingChangesSchema } from '@shared/schemas/catalog.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** The working calendar and the routing table: the time rules the city office keeps as data. */
export function registerCalendarPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/calendar/years',
    summary: 'Last year to two years ahead: loaded by the city office, from the data package, or provisional',
    security: [{ bearer: [] }],
    responses: { 200: json(z.object({ items: z.array(calendarYearSchema) }), '工作日历年份'), 401: json(errorBodySchema, '未登录'), 403: json(errorBodySchema, '企业用户不可查看') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/calendar/years',
    summary: "Load a year's official holiday schedule (city admin); provisional deadlines are counted again",
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: yearScheduleSchema } } } },
    responses: {
      200: json(z.object({ year: calendarYearSchema, recounted: z.number().int(), moved: z.number().int() }), '已载入并重算'),
      400: json(errorBodySchema, '日期有误：字段级中文说明'),
      403: json(errorBodySchema, '只有市级管理员可以维护工作日历'),
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/catalog/categories/{id}/routing',
    summary: "Edit one category's routing and deadlines (city admin); audited",
    security: [{ bearer: [] }],
    request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: categoryRoutingSchema } } } },
    responses: {
      200: json(z.object({ category: categorySchema }), '已更新的类别'),
      400: json(errorBodySchema, '字段有误'),
      403: json(errorBodySchema, '只有市级管理员可以维护'),
      404: json(errorBodySchema, '类别不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/catalog/routing-changes',
    summary: 'The audit trail of the routing table, newest first (city admin)',
    security: [{ bearer: [] }],
    responses: { 200: json(routingChangesSchema, '变更记录'), 403: json(errorBodySchema, '只有市级管理员可以查看') },
  })
}
