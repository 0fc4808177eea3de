import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { deleteAccountRequestSchema, meResponseSchema, personalDataSchema, privacyConsentRequestSchema } from '@shared/schemas/user.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const unauthenticated = json(errorBodySchema, '未登录，或账号已注销')
const badRequest = json(errorBodySchema, '请求有误：字段级中文说明见 error.fields')
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } })

/** Personal data (用户隐私保护指引, PIPL): consent, what is held, deleting an account. */
export function registerPrivacyPaths(registry: OpenAPIRegistry): void {
  const security = [{ bearer: [] }]
  registry.registerPath({
    method: 'post',
    path: '/api/me/privacy-consent',
    summary: 'Record that the caller agreed to the privacy guide in force',
    description: 'Only the version in force is accepted (400 on `version` otherwise); stored on the user with the time.',
    security,
    request: body(privacyConsentRequestSchema),
    responses: { 200: json(meResponseSchema, '当前用户，含同意记录'), 400: badRequest, 401: unauthenticated },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/me/data',
    summary: 'Everything the product holds about the caller (我的个人信息)',
    security,
    responses: { 200: json(personalDataSchema, '个人信息'), 401: unauthenticated },
  })
  registry.registerPath({
    method: 'delete',
    path: '/api/me',
    summary: 'Delete the caller’s account (enterprise staff only)',
    description:
      'Bindings, WeChat identities and the profile are deleted and every session stops working; the appeals they filed stay with the enterprise, filed by 已注销用户, without a phone. Officials get 403: their accounts belong to the roster.',
    security,
    request: body(deleteAccountRequestSchema),
    responses: {
      200: json(z.object({ deleted: z.literal(true), appealsKept: z.number().int() }), '已注销'),
      400: badRequest,
      401: unauthenticated,
      403: json(errorBodySchema, '工作人员账号不能自行注销'),
    },
  })
}
