import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import {
  appealActionSchema,
  appealDetailSchema,
  appealIdSchema,
  appealPageSchema,
  appealResponseSchema,
  appealStatusSchema,
  submitAppealRequestSchema,
} from '@shared/schemas/appeal.schema'
import { catalogSchema } from '@shared/schemas/catalog.schema'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { devIdentitiesSchema, devLoginRequestSchema, loginResponseSchema, meResponseSchema } from '@shared/schemas/user.schema'

import { registerCalendarPaths } from './openapi-calendar'
import { registerAttachmentPaths } from './openapi-attachments'
import { registerVisitPaths } from './openapi-visits'
import { registerRosterPaths } from './openapi-roster'
import { registerSupervisionPaths } from './openapi-supervision'
import { registerUpgradePaths } from './openapi-upgrade'
import { registerLedgerPaths } from './openapi-ledger'
import { registerReturnVisitPaths } from './openapi-return-visits'
import { registerVisitRoundPaths } from './openapi-visit-rounds'
import { registerNotificationPaths } from './openapi-notifications'
import { registerReportPaths } from './openapi-reports'
import { registerPrivacyPaths } from './openapi-privacy'
import { registerExchangeEventPaths } from './openapi-exchange-events'
import { registerKitPaths } from './openapi-kit'
import { registerKitDeliveryPaths } from './openapi-kit-delivery'
import { registerCommonProblemPaths } from './openapi-common-problems'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const errors = {
  400: json(errorBodySchema, '请求有误：字段级中文说明见 error.fields'),
  401: json(errorBodySchema, '未登录或登录已过期'),
  404: json(errorBodySchema, '不存在，或调用者无权查看'),
}
const appealId = z.object({ id: appealIdSchema.meta({ description: 'Appeal id, e.g. ap-01k…' }) })

/** The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas that validate it. */
export function buildOpenApiDocument(options: { devLogin: boolean }) {
  const registry = new OpenAPIRegistry()
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
  const secured: Pick<RouteConfig, 'security'> = { security: [{ bearer: [] }] }

  if (options.devLogin) {
    registry.registerPath({
      method: 'post',
      path: '/api/auth/dev-login',
      summary: 'Log in as a demo identity (local stage only)',
      request: { body: { content: { 'application/json': { schema: devLoginRequestSchema } } } },
      responses: { 200: json(loginResponseSchema, '登录成功'), 400: errors[400] },
    })
    registry.registerPath({
      method: 'get',
      path: '/api/auth/dev-identities',
      summary: 'Demo identities for the local login page (local stage only)',
      responses: { 200: json(devIdentitiesSchema, '可选的演示身份') },
    })
  }
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.object({ openapi: z.string() }).passthrough() } } } },
  })
  registry.registerPath({ method: 'get', path: '/api/me', summary: 'The caller', ...secured, responses: { 200: json(meResponseSchema, '当前用户'), 401: errors[401] } })
  registry.registerPath({
    method: 'get',
    path: '/api/catalog',
    summary: 'Categories (the routing table), areas, departments and task forces',
    ...secured,
    responses: { 200: json(catalogSchema, '目录'), 401: errors[401] },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/appeals',
    summary: 'File an appeal; repeated Idempotency-Key returns the same appeal',
    ...secured,
    request: {
      headers: z.object({ 'Idempotency-Key': z.string().min(8).max(100) }),
      body: { content: { 'application/json': { schema: submitAppealRequestSchema } } },
    },
    responses: {
      201: json(appealResponseSchema, '已提交并交办'),
      200: json(appealResponseSchema, '同一幂等键的重复提交：返回原诉求'),
      ...errors,
      422: json(errorBodySchema, '幂等键已用于不同的请求'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/appeals',
    summary: 'Appeals the caller may see, newest first',
    ...secured,
    request: {
      query: z.object({
        cursor: z.string().optional(),
        limit: z.number().int().min(1).max(50).optional(),
        status: z.string().optional().meta({ description: `Comma-separated: ${appealStatusSchema.options.join(', ')}` }),
        number: z
          .string()
          .max(40)
          .optional()
          .meta({ description: 'An appeal number (诉求编号), e.g. XT-20261205-0012: only that appeal, if the caller may see it (case and full-width forms accepted)' }),
      }),
    },
    responses: { 200: json(appealPageSchema, '一页诉求'), 400: errors[400], 401: errors[401] },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/appeals/{id}',
    summary: 'One appeal with its timeline',
    ...secured,
    request: { params: appealId },
    responses: { 200: json(appealDetailSchema, '诉求详情'), 401: errors[401], 404: errors[404] },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/appeals/{id}/actions',
    summary: 'Take one action on an appeal (accept, note, respond, evaluate, withdraw)',
    ...secured,
    request: { params: appealId, body: { content: { 'application/json': { schema: appealActionSchema } } } },
    responses: {
      200: json(appealResponseSchema, '已更新的诉求'),
      ...errors,
      403: json(errorBodySchema, '可以查看但不能执行该操作'),
      409: json(errorBodySchema, '状态不允许（INVALID_TRANSITION）或版本已变（VERSION_CONFLICT）'),
    },
  })

  registerRosterPaths(registry)
  registerCalendarPaths(registry)
  registerSupervisionPaths(registry)
  registerUpgradePaths(registry)
  registerLedgerPaths(registry)
  registerReturnVisitPaths(registry)
  registerVisitRoundPaths(registry)
  registerNotificationPaths(registry)
  registerPrivacyPaths(registry)
  registerReportPaths(registry)
  registerAttachmentPaths(registry)
  registerVisitPaths(registry)
  registerExchangeEventPaths(registry)
  registerKitPaths(registry)
  registerKitDeliveryPaths(registry)
  registerCommonProblemPaths(registry)

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: '亲商直通 Qinshang Direct API', version: '1.0.0', description: '企业诉求“交办—办理—反馈—评价”闭环接口' },
    servers: [{ url: '/' }],
  })
}
