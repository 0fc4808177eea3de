import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { attachmentSchema, createUploadRequestSchema, uploadTicketSchema } from '@shared/schemas/attachment.schema'
import { errorBodySchema } from '@shared/schemas/common.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })

/** Photos and documents: upload forms, links, and WeChat's message push (media-check verdicts). */
export function registerAttachmentPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/attachments/uploads',
    summary: 'A presigned POST form that uploads exactly one file (that size and type) straight to S3 within 10 minutes',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: createUploadRequestSchema } } } },
    responses: {
      201: json(z.object({ upload: uploadTicketSchema }), '上传表单'),
      400: json(errorBodySchema, '文件类型或大小不符合要求'),
      401: json(errorBodySchema, '未登录'),
      403: json(errorBodySchema, '可以查看该诉求但不能为其添加附件'),
      404: json(errorBodySchema, '诉求或企业不存在或不可见'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/appeals/{id}/attachments/{attachmentId}',
    summary: "A fresh 15-minute link to one of an appeal's files",
    security: [{ bearer: [] }],
    request: { params: z.object({ id: z.string(), attachmentId: z.string() }) },
    responses: { 200: json(z.object({ attachment: attachmentSchema }), '附件及其链接'), 400: json(errorBodySchema, '编号格式不正确'), 401: json(errorBodySchema, '未登录'), 404: json(errorBodySchema, '附件不存在或不可见') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/wechat/events',
    summary: "WeChat's message push (plaintext JSON, signature = sha1 of the sorted Token, timestamp and nonce): media-check verdicts",
    request: { query: z.object({ signature: z.string(), timestamp: z.string(), nonce: z.string() }) },
    responses: { 200: { description: 'success', content: { 'text/plain': { schema: z.string() } } }, 401: json(errorBodySchema, '签名无效') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/wechat/events',
    summary: "WeChat's check of the push URL when it is configured: answers `echostr` when the signature holds",
    request: { query: z.object({ signature: z.string(), timestamp: z.string(), nonce: z.string(), echostr: z.string() }) },
    responses: { 200: { description: 'echostr', content: { 'text/plain': { schema: z.string() } } }, 401: json(errorBodySchema, '签名无效') },
  })
}
