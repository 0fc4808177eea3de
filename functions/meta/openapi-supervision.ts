import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { appealIdSchema } from '@shared/schemas/appeal.schema'
import { errorBodySchema } from '@shared/schemas/common.schema'
import {
  digestListSchema,
  digestQuerySchema,
  digestWeekParamsSchema,
  supervisionQueueQuerySchema,
  supervisionQueueSchema,
  transferCandidatesSchema,
  weeklyDigestSchema,
} from '@shared/schemas/supervision.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** Supervision (DESIGN §6): the admins' queues and the Monday digests; and whom an appeal may be transferred to. */
export function registerSupervisionPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/supervision/queue',
    summary: "The caller's supervision queue: open appeals escalated to its level, overdue or due within two working days, overdue first",
    description: "Area admin: their area (level 1). City admin: the whole city (level 2), or one area's queue with areaId.",
    security: [{ bearer: [] }],
    request: { query: supervisionQueueQuerySchema },
    responses: {
      200: json(supervisionQueueSchema, '督办队列'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有属地或市级管理员可以查看；属地管理员只能查看本属地'),
      404: json(errorBodySchema, '属地不存在'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/supervision/digests',
    summary: 'Weekly supervision digests the caller may read, about a year, newest week first',
    description: "City admin: every scope (the city's first in each week), or one area with areaId. Area admin: their area.",
    security: [{ bearer: [] }],
    request: { query: digestQuerySchema },
    responses: {
      200: json(digestListSchema, '简报列表'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有属地或市级管理员可以查看；属地管理员只能查看本属地'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/supervision/digests/{week}',
    summary: "One week's digest: an area's with areaId, the city's without",
    security: [{ bearer: [] }],
    request: { params: digestWeekParamsSchema, query: digestQuerySchema },
    responses: {
      200: json(weeklyDigestSchema, '督办简报'),
      400: json(errorBodySchema, '周次或查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有属地或市级管理员可以查看；属地管理员只能查看本属地'),
      404: json(errorBodySchema, '该周简报尚未生成'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/appeals/{id}/transfer-candidates',
    summary: 'Specialists the caller may transfer this appeal to: of its area, or working at city level',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: appealIdSchema.meta({ description: 'Appeal id' }) }) },
    responses: {
      200: json(transferCandidatesSchema, '可接办的专员'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在，或调用者不能转办该诉求'),
    },
  })
}
