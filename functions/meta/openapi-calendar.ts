import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { calendarYearSchema, yearScheduleSchema } from '@shared/schemas/calendar.schema'
import { errorBodySchema } from '@shared/schemas/common.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** The working calendar: where each year's working days come from, and loading a published year. */
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
}
