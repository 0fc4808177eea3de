import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { policyDocPathSchema } from '@shared/schemas/policy.schema'
import { policyImportRequestSchema, policyImportResultSchema } from '@shared/schemas/policy-import.schema'
import { policyCoverageQuerySchema, policyCoverageSchema, policyDeliveryInputSchema, policyDeliveryResultSchema } from '@shared/schemas/policy-delivery.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const secured = { security: [{ bearer: [] }] }
const errors = {
  400: json(errorBodySchema, '参数有误（逐字段说明）'),
  401: json(errorBodySchema, '未登录'),
  404: json(errorBodySchema, '政策不存在或无权查看'),
}

/** 送政策: sending a published policy to enterprises, and its coverage per area (送达情况). */
export function registerKitDeliveryPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/policies/{id}/deliveries',
    summary: '送政策: send a published policy in force to enterprises (a specialist their portfolio’s, an admin their area’s); their approved staff are notified; once per enterprise',
    ...secured,
    request: { params: policyDocPathSchema, body: { content: { 'application/json': { schema: policyDeliveryInputSchema } } } },
    responses: {
      200: json(policyDeliveryResultSchema, '已发送'),
      ...errors,
      403: json(errorBodySchema, '不是专员或管理员，或企业不在其服务范围'),
      409: json(errorBodySchema, '政策未发布或已过期'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/policies/{id}/coverage',
    summary: '送达情况: per area, the enterprises sent the policy and those of them that opened it (the city admin any area; an area admin or a specialist their own)',
    ...secured,
    request: { params: policyDocPathSchema, query: policyCoverageQuerySchema },
    responses: { 200: json(policyCoverageSchema, '送达情况'), ...errors, 403: json(errorBodySchema, '不是专员或管理员') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/policies/import',
    summary: '政策批量导入: an XLSX of policies, previewed (dryRun) or imported as drafts of the admin’s (nothing published); titles the kit has already are left alone',
    ...secured,
    request: { body: { content: { 'application/json': { schema: policyImportRequestSchema } } } },
    responses: { 200: json(policyImportResultSchema, '逐行结果'), 400: errors[400], 401: errors[401], 403: json(errorBodySchema, '只有属地或市级管理员可以导入') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/kit/policy-template',
    summary: 'The XLSX template of the policies file (public)',
    request: { query: z.object({ format: z.enum(['xlsx']).optional() }) },
    responses: { 200: { description: '模板文件', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, 400: errors[400] },
  })
}
