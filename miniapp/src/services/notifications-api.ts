import {
  markReadResponseSchema,
  notificationPageSchema,
  subscriptionsSchema,
  unreadCountSchema,
  type MarkReadRequest,
  type MarkReadResponse,
  type NotificationPage,
  type SubscribeResult,
  type Subscriptions,
} from '@shared/schemas/notification.schema'
import { parseResponse, request } from './request'

/**
 * The in-app inbox (消息) and the subscribe-message budget, one typed function per endpoint.
 * The bell on the tab pages reads the unread count, so this module ships in the weapp main
 * package: keep it to these endpoints (the notification schema file is small).
 */

export async function fetchUnreadCount(): Promise<number> {
  return parseResponse(unreadCountSchema, await request('/api/notifications/unread-count')).unread
}

/** A page of the caller's notifications, newest first, with the unread count for the bell. */
export async function listNotifications(params: { cursor?: string | null; limit?: number } = {}): Promise<NotificationPage> {
  const data = await request('/api/notifications', { query: { limit: params.limit ?? 20, cursor: params.cursor ?? undefined } })
  return parseResponse(notificationPageSchema, data)
}

/** Marks some notifications (by id) or all of them read; answers with the unread count left. */
export async function markNotificationsRead(body: MarkReadRequest): Promise<MarkReadResponse> {
  return parseResponse(markReadResponseSchema, await request('/api/notifications/read', { method: 'POST', body }))
}

/** The caller's budget per template, and which templates to ask for at the next natural tap. */
export async function fetchSubscriptions(): Promise<Subscriptions> {
  return parseResponse(subscriptionsSchema, await request('/api/subscriptions'))
}

/** What the user answered to requestSubscribeMessage (template id → accept | reject | ban | filter). */
export async function reportSubscriptions(results: Record<string, SubscribeResult>): Promise<Subscriptions> {
  return parseResponse(subscriptionsSchema, await request('/api/subscriptions', { method: 'POST', body: { results } }))
}
