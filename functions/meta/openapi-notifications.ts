import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import {
  listNotificationsQuerySchema,
  markReadRequestSchema,
  markReadResponseSchema,
  notificationPageSchema,
  reportSubscriptionsRequestSchema,
  subscriptionsSchema,
  unreadCountSchema,
} from '@shared/schemas/notification.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const unauthenticated = json(errorBodySchema, '未登录')
const badRequest = json(errorBodySchema, '请求有误：字段级中文说明见 error.fields')

/** The in-app inbox and the WeChat subscribe-message budget (DESIGN §9). */
export function registerNotificationPaths(registry: OpenAPIRegistry): void {
  const security = [{ bearer: [] }]
  registry.registerPath({
    method: 'get',
    path: '/api/notifications',
    summary: "The caller's notifications, newest first, with the unread count",
    description: 'Kept 180 days. Each links to the mini-program page that acts on it (`page`).',
    security,
    request: { query: listNotificationsQuerySchema },
    responses: { 200: json(notificationPageSchema, '一页消息'), 400: badRequest, 401: unauthenticated },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/notifications/unread-count',
    summary: 'Unread notifications, for the bell (one read)',
    security,
    responses: { 200: json(unreadCountSchema, '未读条数'), 401: unauthenticated },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/notifications/read',
    summary: 'Mark notifications read: some by id (at most 50), or all',
    description: "Ids that are not the caller's, or already read, are left alone and not counted.",
    security,
    request: { body: { content: { 'application/json': { schema: markReadRequestSchema } } } },
    responses: { 200: json(markReadResponseSchema, '已标记'), 400: badRequest, 401: unauthenticated },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/subscriptions',
    summary: "The caller's WeChat subscribe-message budget per template, and which templates to ask for at the next tap",
    security,
    responses: { 200: json(subscriptionsSchema, '订阅消息额度'), 401: unauthenticated },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/subscriptions',
    summary: 'Report what the user answered to requestSubscribeMessage: one more message per accept',
    security,
    request: { body: { content: { 'application/json': { schema: reportSubscriptionsRequestSchema } } } },
    responses: { 200: json(subscriptionsSchema, '更新后的订阅消息额度'), 400: badRequest, 401: unauthenticated },
  })
}
