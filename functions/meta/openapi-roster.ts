import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { areaCardsSchema, bindCardRequestSchema, bindCardResponseSchema, cardViewSchema } from '@shared/schemas/card.schema'
import { errorBodySchema } from '@shared/schemas/common.schema'
import {
  enterprisePageSchema,
  handoverRequestSchema,
  listEnterprisesQuerySchema,
  reassignRequestSchema,
  reassignResultSchema,
  rosterImportRequestSchema,
  rosterImportResultSchema,
  specialistListSchema,
} from '@shared/schemas/roster.schema'
import { bindingDecisionSchema, claimInvitationRequestSchema, invitationSchema, loginResponseSchema, refreshRequestSchema, staffListSchema, staffMemberSchema, wechatLoginRequestSchema } from '@shared/schemas/user.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } })
const failed = (description: string) => json(errorBodySchema, description)
const secured: Pick<RouteConfig, 'security'> = { security: [{ bearer: [] }] }
const id = (description: string) => z.object({ id: z.string().meta({ description }) })
const common = { 400: failed('请求有误'), 401: failed('未登录或登录已过期'), 404: failed('不存在，或调用者无权查看') }

/** Sign-in, contact cards, enterprise staff and roster administration. */
export function registerRosterPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/auth/wechat',
    summary: 'Sign in with a wx.login code (creates the user on first use)',
    request: body(wechatLoginRequestSchema),
    responses: { 200: json(loginResponseSchema, '登录成功'), 400: failed('登录凭证无效（WECHAT_CODE_INVALID）'), 429: failed('微信限流'), 503: failed('微信服务繁忙') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/auth/refresh',
    summary: 'Spend a refresh token for a new session',
    request: body(refreshRequestSchema),
    responses: { 200: json(loginResponseSchema, '新的登录凭证'), 400: common[400], 401: failed('刷新凭证无效、已用过或已过期') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/users/{id}/invitation',
    summary: "Issue a one-time code that links an official's WeChat account (admins)",
    ...secured,
    request: { params: id('Official id (sp-…, dh-…, th-…, ad-…)') },
    responses: { 201: json(invitationSchema, '邀请码（7 天内有效，仅可使用一次）'), ...common, 403: failed('无权邀请') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/auth/claim-invitation',
    summary: 'An official links this WeChat account with an invitation code and signs in',
    request: body(claimInvitationRequestSchema),
    responses: { 200: json(loginResponseSchema, '登录成功'), 400: failed('邀请码无效、已使用或已过期（INVITATION_INVALID）'), 409: failed('该微信已绑定其他工作人员') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/cards/{id}',
    summary: 'What a contact card shows (public)',
    request: { params: id('Card id (20 characters)') },
    responses: { 200: json(cardViewSchema, '联系卡'), 400: common[400], 404: common[404] },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/cards/{id}/code',
    summary: "The card's code image: a WeChat mini-program code, or locally a QR code of the h5 page (public)",
    request: { params: id('Card id') },
    responses: { 200: { description: 'PNG 图片', content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } } }, 404: common[404] },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/cards/{id}/bind',
    summary: "Ask to join the card's enterprise (pending until approved)",
    ...secured,
    request: { params: id('Card id'), ...body(bindCardRequestSchema) },
    responses: { 200: json(bindCardResponseSchema, '绑定状态'), ...common, 403: failed('工作人员不能绑定企业') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/areas/{areaId}/cards',
    summary: "An area's cards, for printing",
    ...secured,
    request: { params: z.object({ areaId: z.string() }) },
    responses: { 200: json(areaCardsSchema, '属地联系卡'), ...common },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/enterprises',
    summary: 'Enterprises of an area or of a portfolio',
    ...secured,
    request: { query: listEnterprisesQuerySchema },
    responses: { 200: json(enterprisePageSchema, '企业名册'), ...common },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/enterprises/{id}/reassign',
    summary: 'Move an enterprise to another specialist; open appeals follow',
    ...secured,
    request: { params: id('Enterprise id'), ...body(reassignRequestSchema) },
    responses: { 200: json(reassignResultSchema, '调整结果'), ...common, 409: failed('刚被他人调整') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/enterprises/{id}/staff',
    summary: "The enterprise's people and join requests",
    ...secured,
    request: { params: id('Enterprise id') },
    responses: { 200: json(staffListSchema, '企业联系人'), ...common },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/enterprises/{id}/staff/{userId}',
    summary: 'Approve or reject a join request, or revoke a member',
    ...secured,
    request: { params: z.object({ id: z.string(), userId: z.string() }), ...body(bindingDecisionSchema) },
    responses: { 200: json(z.object({ item: staffMemberSchema }), '处理结果'), ...common, 403: failed('无权审核'), 409: failed('已处理') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/staff-requests',
    summary: 'Join requests waiting for the calling specialist or area admin',
    ...secured,
    responses: { 200: json(staffListSchema, '待核实的联系人'), 401: common[401] },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/specialists',
    summary: "An area's specialists with portfolio size and open appeals",
    ...secured,
    request: { query: z.object({ areaId: z.string().optional() }) },
    responses: { 200: json(specialistListSchema, '专员名册'), ...common },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/specialists/{id}/handover',
    summary: "Hand a specialist's whole portfolio to another specialist",
    ...secured,
    request: { params: id('Specialist id'), ...body(handoverRequestSchema) },
    responses: { 200: json(reassignResultSchema, '移交结果'), ...common },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/roster/import',
    summary: 'Dry-run or import a roster file (XLSX or CSV, base64)',
    ...secured,
    request: body(rosterImportRequestSchema),
    responses: { 200: json(rosterImportResultSchema, '逐行结果'), ...common },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/roster/template',
    summary: 'The roster template (public)',
    request: { query: z.object({ format: z.enum(['xlsx', 'csv']).optional() }) },
    responses: { 200: { description: '模板文件', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, 400: common[400] },
  })
}
