import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import {
  coverageQuerySchema,
  openVisitRoundRequestSchema,
  pendingVisitsSchema,
  visitRoundCoverageSchema,
  visitRoundListSchema,
  visitRoundPathSchema,
  visitRoundSchema,
} from '@shared/schemas/visit-round.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** Visit rounds (走访轮次): opening them, the list, their coverage and a specialist's enterprises still to visit. */
export function registerVisitRoundPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/visit-rounds',
    summary: 'Open a visit round: which enterprises must be visited how often between two dates',
    description: 'Area admin: a round of their area. City admin: a round of any area, or of the whole city (areaId null).',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: openVisitRoundRequestSchema } } } },
    responses: {
      201: json(z.object({ round: visitRoundSchema }), '已开启的走访轮次'),
      400: json(errorBodySchema, '请求内容有误（字段说明见 fields）'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有本属地或市级管理员可以开启走访轮次'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/visit-rounds',
    summary: 'The rounds the caller may see: running first, then upcoming, then those ended within a year',
    security: [{ bearer: [] }],
    responses: {
      200: json(visitRoundListSchema, '走访轮次'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有管理员和专员可以查看走访轮次'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/visit-rounds/{id}/coverage',
    summary: "A round's coverage, live: per area and per specialist, enterprises due, visited, not yet visited, problems found and closed",
    description: "City admin: everything (narrow with areaId / specialistId). Area admin: their area's part. Specialist: their own row and enterprises not yet visited.",
    security: [{ bearer: [] }],
    request: { params: visitRoundPathSchema, query: coverageQuerySchema },
    responses: {
      200: json(visitRoundCoverageSchema, '走访覆盖情况'),
      400: json(errorBodySchema, '轮次编号或查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只能查看本属地或自己的走访进度'),
      404: json(errorBodySchema, '不存在，或调用者不能查看该轮次'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/visit-rounds/pending',
    summary: "本轮待走访: the calling specialist's enterprises not yet visited in the running rounds, nearest round end first",
    security: [{ bearer: [] }],
    responses: {
      200: json(pendingVisitsSchema, '待走访企业'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有企业服务专员有待走访清单'),
    },
  })
}
