import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import {
  deflectionInputSchema,
  deflectionReportQuerySchema,
  deflectionReportSchema,
  faqActionSchema,
  faqFromAppealSchema,
  faqInputSchema,
  faqListQuerySchema,
  faqListSchema,
  faqPathSchema,
  faqViewSchema,
  kitSearchQuerySchema,
  kitSearchResultSchema,
  policyDocActionSchema,
  policyDocDetailSchema,
  policyDocInputSchema,
  policyDocListQuerySchema,
  policyDocListSchema,
  policyDocPathSchema,
  policyDocViewSchema,
} from '@shared/schemas/policy.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } })
const secured = { security: [{ bearer: [] }] }
const errors = {
  400: json(errorBodySchema, '参数有误（逐字段说明）'),
  401: json(errorBodySchema, '未登录'),
}
const policyReply = z.object({ policy: policyDocViewSchema })
const faqReply = z.object({ entry: faqViewSchema })

/** The specialist's kit: policies with their codes, the FAQ handbook, search, deflections. */
export function registerKitPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/policies',
    summary: "Enterprise staff: the published policies in force that apply to their enterprise (规上政策包 / 升规指南); officials: their scope's, drafts they keep included",
    ...secured,
    request: { query: policyDocListQuerySchema },
    responses: { 200: json(policyDocListSchema, '政策列表'), ...errors, 404: json(errorBodySchema, '不是自己的企业') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/policies',
    summary: 'Write a new policy as a draft (area and city admins; an area admin’s applies to their area)',
    ...secured,
    request: body(policyDocInputSchema),
    responses: { 201: json(policyReply, '已保存为草稿'), ...errors, 403: json(errorBodySchema, '只有管理员可以编写') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/policies/{id}',
    summary: 'A policy with its linked FAQ entries; its change record for those who keep it',
    ...secured,
    request: { params: policyDocPathSchema },
    responses: { 200: json(policyDocDetailSchema, '政策'), ...errors, 404: json(errorBodySchema, '不存在、未发布或无权查看') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/policies/{id}/actions',
    summary: 'Edit, publish, withdraw or expire a policy (each change kept)',
    ...secured,
    request: { params: policyDocPathSchema, ...body(policyDocActionSchema) },
    responses: {
      200: json(policyReply, '更新后的政策'),
      ...errors,
      403: json(errorBodySchema, '不能修改这条政策'),
      404: json(errorBodySchema, '不存在或无权查看'),
      409: json(errorBodySchema, '当前状态不能这样操作（INVALID_TRANSITION）或刚被他人修改（VERSION_CONFLICT）'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/policies/{id}/code',
    summary: "The policy's own code (PNG): a mini-program code in production, a QR code of its h5 page locally; public like the printed sheet",
    request: { params: policyDocPathSchema },
    responses: { 200: { description: '政策码图片', content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) } } }, 400: errors[400], 404: json(errorBodySchema, '政策不存在') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/faq',
    summary: 'The FAQ handbook per category: published entries; admins also the drafts they keep',
    ...secured,
    request: { query: faqListQuerySchema },
    responses: { 200: json(faqListSchema, '高频问题解答'), ...errors },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/faq',
    summary: 'Write a new FAQ entry, unpublished (area and city admins)',
    ...secured,
    request: body(faqInputSchema),
    responses: { 201: json(faqReply, '已保存为草稿'), ...errors, 403: json(errorBodySchema, '只有管理员可以编写') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/faq/from-appeal',
    summary: "Draft an FAQ entry from a closed appeal's answer (one per appeal; unpublished until an admin edits out personal details and publishes)",
    ...secured,
    request: body(faqFromAppealSchema),
    responses: {
      201: json(faqReply, '问答草稿'),
      ...errors,
      403: json(errorBodySchema, '只有该属地或市级管理员可以整理'),
      404: json(errorBodySchema, '诉求不存在或无权查看'),
      409: json(errorBodySchema, '诉求尚未办结（INVALID_TRANSITION）或已整理过（DUPLICATE）'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/faq/{id}',
    summary: 'One FAQ entry',
    ...secured,
    request: { params: faqPathSchema },
    responses: { 200: json(faqReply, '问答'), ...errors, 404: json(errorBodySchema, '不存在、未发布或无权查看') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/faq/{id}/actions',
    summary: 'Edit, publish or unpublish an FAQ entry',
    ...secured,
    request: { params: faqPathSchema, ...body(faqActionSchema) },
    responses: {
      200: json(faqReply, '更新后的问答'),
      ...errors,
      403: json(errorBodySchema, '不能修改这条问答'),
      404: json(errorBodySchema, '不存在或无权查看'),
      409: json(errorBodySchema, '当前状态不能这样操作或刚被他人修改'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/kit/search',
    summary: 'Search the published policies and FAQ entries (Chinese word segmentation and bigrams, BM25), with the matches marked',
    ...secured,
    request: { query: kitSearchQuerySchema },
    responses: { 200: json(kitSearchResultSchema, '搜索结果'), ...errors },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/kit/deflections',
    summary: '已解决，不再提交: an answer helped and the appeal is not filed (enterprise staff; once per person, entry and day)',
    ...secured,
    request: body(deflectionInputSchema),
    responses: { 200: json(z.object({ counted: z.boolean() }), '已记录（counted=false：今天已记过）'), ...errors, 403: json(errorBodySchema, '只有企业联系人可以反馈'), 404: json(errorBodySchema, '条目不存在或未发布') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/kit/deflections',
    summary: "The month's deflection rate per category: deflected ÷ (deflected + filed) (area admin: the area; city admin: the city or one area)",
    ...secured,
    request: { query: deflectionReportQuerySchema },
    responses: { 200: json(deflectionReportSchema, '知识库拦截率'), ...errors, 403: json(errorBodySchema, '无权查看'), 404: json(errorBodySchema, '属地不存在或无权查看') },
  })
}
