import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { appealPathSchema } from '@shared/schemas/appeal.schema'
import {
  commonProblemActionResultSchema,
  commonProblemActionSchema,
  commonProblemDetailSchema,
  commonProblemListQuerySchema,
  commonProblemPathSchema,
  commonProblemSchema,
  createCommonProblemRequestSchema,
  similarAppealSchema,
} from '@shared/schemas/common-problem.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** Common problems (共性问题, DESIGN §13): similar-appeal suggestions, linking, working them once. */
export function registerCommonProblemPaths(registry: OpenAPIRegistry): void {
  const secured = { security: [{ bearer: [] }] }
  registry.registerPath({
    method: 'get',
    path: '/api/appeals/{id}/similar',
    summary: 'Open appeals that look like this one (same category, similar text, the same area lifted), best first',
    description: 'Among the appeals the caller could link: the owner’s own, an area admin’s area, the city admin’s city. Enterprise staff: 403.',
    ...secured,
    request: { params: appealPathSchema },
    responses: {
      200: json(z.object({ items: z.array(similarAppealSchema) }), '相似诉求'),
      400: json(errorBodySchema, '诉求编号格式不正确'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有承办专员和管理员可以查找相似诉求'),
      404: json(errorBodySchema, '诉求不存在或无权查看'),
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/common-problems',
    summary: 'Link 2–20 open appeals of one category into a common problem held by the caller',
    description: 'Every appeal is checked first (a field error per appeal, nothing written); then each is linked in its own transaction. Those a concurrent change made unlinkable are listed in `skipped`.',
    ...secured,
    request: { body: { content: { 'application/json': { schema: createCommonProblemRequestSchema } } } },
    responses: {
      201: json(commonProblemActionResultSchema, '已合并为共性问题'),
      400: json(errorBodySchema, '信息有误，或某件诉求不能并入（逐字段说明）'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有专员和管理员可以合并共性问题'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/common-problems',
    summary: 'The common problems the caller works, newest first',
    description: 'The city admin: every one. An area admin: their area’s and those they hold. A specialist: those they hold.',
    ...secured,
    request: { query: commonProblemListQuerySchema },
    responses: {
      200: json(z.object({ items: z.array(commonProblemSchema) }), '共性问题列表'),
      400: json(errorBodySchema, '查询参数有误'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '只有专员和管理员可以查看'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/common-problems/{id}',
    summary: 'A common problem with its linked appeals and what the caller may do to it',
    ...secured,
    request: { params: commonProblemPathSchema },
    responses: {
      200: json(commonProblemDetailSchema, '共性问题'),
      400: json(errorBodySchema, '编号格式不正确'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在或无权查看'),
    },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/common-problems/{id}/actions',
    summary: 'Work a common problem: a progress note, the measure or the answer to every linked appeal; link or unlink appeals',
    description:
      'Each linked appeal takes the change through its own state machine and transaction, as the caller; `respond` first accepts an appeal not yet accepted. Each enterprise evaluates its own appeal. Appeals the change does not fit are listed in `skipped` with the reason.',
    ...secured,
    request: { params: commonProblemPathSchema, body: { content: { 'application/json': { schema: commonProblemActionSchema } } } },
    responses: {
      200: json(commonProblemActionResultSchema, '已处理'),
      400: json(errorBodySchema, '操作信息有误（逐字段说明）'),
      401: json(errorBodySchema, '未登录'),
      404: json(errorBodySchema, '不存在或无权查看'),
      409: json(errorBodySchema, '当前状态不能执行此操作'),
    },
  })
}
