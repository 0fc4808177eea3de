import * as z from 'zod'
import { INVALID_CURSOR_MESSAGE, instantSchema } from './common.schema'

/**
 * What a notification is about (DESIGN §9). Officials hear about work that reaches them, staff
 * about the progress of what they filed, admins about escalations and the Monday digest, and
 * whoever asked for a report export that it is ready.
 */
export const notificationKindSchema = z.enum([
  'new_appeal',
  'co_handle_task',
  'transferred',
  'escalated',
  'due_soon',
  'overdue',
  'evaluated',
  'accepted',
  'responded',
  'material_requested',
  'deadline_extended',
  'digest_ready',
  'export_ready',
  'filed_on_behalf',
  'policy_sent',
])
export type NotificationKind = z.infer<typeof notificationKindSchema>

/**
 * The WeChat subscribe-message templates. Several kinds share one template, because every template
 * is one more tick the user has to give: a mini-program may ask for at most three at one tap.
 */
export const templateKeySchema = z.enum(['task', 'deadline', 'evaluation', 'progress', 'digest'])
export type TemplateKey = z.infer<typeof templateKeySchema>

/** One item of the in-app inbox (消息中心), as the caller sees it. */
export const notificationSchema = z
  .object({
    id: z.string(),
    kind: notificationKindSchema,
    title: z.string().meta({ description: '一行标题，例如「新诉求待受理」' }),
    body: z.string().meta({ description: 'One or two sentences; the full story is on the page it links to' }),
    page: z.string().meta({ description: 'Mini-program page that acts on it, e.g. packages/appeal/detail/index?id=ap-…' }),
    appealId: z.string().optional(),
    createdAt: instantSchema,
    read: z.boolean(),
    readAt: instantSchema.optional(),
  })
  .meta({ id: 'Notification' })
export type Notification = z.infer<typeof notificationSchema>

export const NOTIFICATION_PAGE_MAX = 50

export const listNotificationsQuerySchema = z
  .object({
    cursor: z.string().max(1024, INVALID_CURSOR_MESSAGE).optional(),
    limit: z.coerce
      .number({ message: '每页条数必须是数字' })
      .int('每页条数必须是整数')
      .min(1, '每页至少 1 条')
      .max(NOTIFICATION_PAGE_MAX, `每页最多 ${NOTIFICATION_PAGE_MAX} 条`)
      .default(20),
  })
  .strict()
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>

export const notificationPageSchema = z
  .object({
    items: z.array(notificationSchema).meta({ description: 'Newest first' }),
    cursor: z.string().nullable().meta({ description: 'Opaque; pass back as ?cursor= for the next page, null at the end' }),
    unread: z.number().int().min(0).meta({ description: 'Unread notifications in all, for the bell' }),
  })
  .meta({ id: 'NotificationPage' })
export type NotificationPage = z.infer<typeof notificationPageSchema>

export const unreadCountSchema = z.object({ unread: z.number().int().min(0) }).meta({ id: 'UnreadCount' })
export type UnreadCount = z.infer<typeof unreadCountSchema>

export const MARK_READ_MAX = 50

/** Either some notifications by id, or all of them. */
export const markReadRequestSchema = z
  .union(
    [
      z
        .object({
          ids: z
            .array(z.string({ message: '消息编号不正确' }).regex(/^nt-[0-9a-z]{26}$/, '消息编号不正确'), { message: '请选择消息' })
            .min(1, '请至少选择一条消息')
            .max(MARK_READ_MAX, `一次最多标记 ${MARK_READ_MAX} 条`),
        })
        .strict(),
      z.object({ all: z.literal(true, { message: '全部已读请传 all: true' }) }).strict(),
    ],
    { message: '请传 ids（消息编号列表）或 all: true' },
  )
  .meta({ id: 'MarkReadRequest' })
export type MarkReadRequest = z.infer<typeof markReadRequestSchema>

export const markReadResponseSchema = z
  .object({ marked: z.number().int().min(0).meta({ description: 'Notifications that were unread and are read now' }), unread: z.number().int().min(0) })
  .meta({ id: 'MarkReadResponse' })
export type MarkReadResponse = z.infer<typeof markReadResponseSchema>

/** What WeChat's requestSubscribeMessage answered for one template. */
export const subscribeResultSchema = z.enum(['accept', 'reject', 'ban', 'filter'], { message: '订阅结果应为 accept、reject、ban 或 filter' })
export type SubscribeResult = z.infer<typeof subscribeResultSchema>

export const reportSubscriptionsRequestSchema = z
  .object({
    results: z
      .record(z.string().min(1).max(128), subscribeResultSchema, { message: '请传各模板的订阅结果' })
      .refine((r) => Object.keys(r).length > 0, '请至少传一个模板的订阅结果')
      .refine((r) => Object.keys(r).length <= 10, '一次最多 10 个模板')
      .meta({ description: "requestSubscribeMessage's answer without errMsg: template id → accept | reject | ban | filter" }),
  })
  .strict()
  .meta({ id: 'ReportSubscriptionsRequest' })
export type ReportSubscriptionsRequest = z.infer<typeof reportSubscriptionsRequestSchema>

export const subscriptionTemplateSchema = z.object({
  key: templateKeySchema,
  templateId: z.string(),
  name: z.string().meta({ description: '模板标题，例如「待办事项提醒」' }),
  budget: z.number().int().min(0).meta({ description: 'Messages the server may still send with this template' }),
  lastResult: subscribeResultSchema.optional().meta({ description: 'What the user answered the last time they were asked' }),
  longTerm: z.boolean().optional().meta({ description: 'A long-term subscription (长期订阅): one accept serves until the user turns it off; no budget is spent' }),
  ready: z.boolean().optional().meta({ description: 'A message with this template can be pushed now (budget left, or a long-term accept in force)' }),
})
export type SubscriptionTemplate = z.infer<typeof subscriptionTemplateSchema>

export const subscriptionsSchema = z
  .object({
    templates: z.array(subscriptionTemplateSchema).meta({ description: "The templates the caller's role receives" }),
    askFor: z
      .array(z.string())
      .max(3)
      .meta({ description: 'Template ids to pass to requestSubscribeMessage at the next natural tap: those with no budget left, most important first, at most three' }),
  })
  .meta({ id: 'Subscriptions' })
export type Subscriptions = z.infer<typeof subscriptionsSchema>

/**
 * Where one push stands: claimed (sending) → sent; or, never pushed, no_openid / no_budget /
 * refused (43101) / flagged (content check) / failed; retry while WeChat is busy.
 */
export const deliveryStatusSchema = z.enum(['sending', 'sent', 'no_openid', 'no_budget', 'refused', 'flagged', 'retry', 'failed'])
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>
