import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { batchGetAll } from './batch'
import type { NotificationFacts } from '@shared/domain/notifications'
import type { Notification, NotificationKind } from '@shared/schemas/notification.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import { transactWrite, WriteConflict, type TransactItems } from './transact'

/*
 * A user's inbox, partition INBOX#<userId>:
 *   sk N#<notificationId>   one notification; ids are ULIDs of their creation time, so the
 *                           partition sorts newest last. While unread it is also in the sparse
 *                           gsi1 UNREAD#<userId> / <notificationId>, which "mark all read" reads.
 *   sk UNREAD               the unread counter, moved in the same transaction as every
 *                           notification written or read: the bell is one GetItem.
 *   sk EXPIRED#<id>         a short-lived mark that an unread notification's expiry was counted.
 * Notifications expire (TTL `expiresAt`) after NOTIFICATION_TTL_DAYS.
 */
export const NOTIFICATION_TTL_DAYS = 180
const DAY_SECONDS = 86_400

const inboxPk = (userId: string) => `INBOX#${userId}`
const NOTIFICATION = 'N#'
const notificationKey = (userId: string, id: string) => ({ pk: inboxPk(userId), sk: `${NOTIFICATION}${id}` })
const counterKey = (userId: string) => ({ pk: inboxPk(userId), sk: 'UNREAD' })
const expiredMarkKey = (userId: string, id: string) => ({ pk: inboxPk(userId), sk: `EXPIRED#${id}` })
const unreadOf = (userId: string) => `UNREAD#${userId}`
const unreadIndex = (userId: string, id: string) => ({ gsi1pk: unreadOf(userId), gsi1sk: id })

/** A notification as stored: what the inbox shows, plus the facts its push is made from. */
export interface NotificationRecord {
  id: string
  userId: string
  kind: NotificationKind
  title: string
  body: string
  page: string
  appealId?: string
  createdAt: string
  facts: NotificationFacts
  readAt?: string
}

export const toNotification = (r: NotificationRecord): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  page: r.page,
  ...(r.appealId ? { appealId: r.appealId } : {}),
  createdAt: r.createdAt,
  read: r.readAt !== undefined,
  ...(r.readAt ? { readAt: r.readAt } : {}),
})

const expiresAt = (createdAt: string) => Math.floor(Date.parse(createdAt) / 1000) + NOTIFICATION_TTL_DAYS * DAY_SECONDS

/**
 * Transaction items that put notifications into their recipients' inboxes and count them unread:
 * the caller adds them to the transaction of the change that caused them (the outbox), so a
 * notification exists exactly when its change does. One counter update per recipient, because a
 * transaction may not touch one item twice.
 */
export function notificationWrites(records: readonly NotificationRecord[]): TransactItems {
  const perUser = new Map<string, number>()
  for (const r of records) perUser.set(r.userId, (perUser.get(r.userId) ?? 0) + 1)
  return [
    ...records.map((r) => ({
      Put: {
        TableName: TABLE,
        Item: { ...notificationKey(r.userId, r.id), ...unreadIndex(r.userId, r.id), entity: 'NOTIFICATION', expiresAt: expiresAt(r.createdAt), ...r },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    ...[...perUser].map(([userId, n]) => ({
      Update: {
        TableName: TABLE,
        Key: counterKey(userId),
        UpdateExpression: 'ADD #count :n',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':n': n },
      },
    })),
  ]
}

/**
 * Access pattern: one user's notifications, newest first, one page at a time: `after` is the
 * `next` of the page before (the last notification id it returned).
 */
export async function listNotifications(userId: string, options: { after?: string; limit: number }): Promise<{ items: NotificationRecord[]; next: string | null }> {
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': inboxPk(userId), ':prefix': NOTIFICATION },
      ScanIndexForward: false,
      // One more than asked: whether a next page exists is known without an empty last page.
      Limit: options.limit + 1,
      // The start key is built here, in the caller's own inbox: a page can only resume there.
      ...(options.after ? { ExclusiveStartKey: notificationKey(userId, options.after) } : {}),
    }),
  )
  const items = (page.Items ?? []).map((item) => stripKeys<NotificationRecord>(item))
  const taken = items.slice(0, options.limit)
  const last = taken.at(-1)
  return { items: taken, next: items.length > options.limit && last ? last.id : null }
}

/** Access pattern: the unread count for the bell (strongly consistent: it follows a "mark read" at once). */
export async function getUnreadCount(userId: string): Promise<number> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: counterKey(userId), ConsistentRead: true }))
  return Math.max(0, Number(result.Item?.count ?? 0))
}

async function getRecords(userId: string, ids: readonly string[]): Promise<NotificationRecord[]> {
  const items = await batchGetAll(ids.map((id) => notificationKey(userId, id)), { consistent: true })
  return items.map((item) => stripKeys<NotificationRecord>(item))
}

const MARK_ATTEMPTS = 4

/**
 * Access pattern: mark some of a user's notifications read (at most 50, their own only: the key
 * is built from the caller's id). Each one read now leaves the unread index and takes one off
 * the counter, in one transaction, on condition that it was still unread: a notification read
 * twice at once is counted once. Returns how many were unread.
 */
export async function markRead(userId: string, ids: readonly string[], at: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const unread = (await getRecords(userId, [...new Set(ids)])).filter((r) => r.readAt === undefined)
    if (unread.length === 0) return 0
    try {
      await transactWrite([
        ...unread.map((r) => ({
          Update: {
            TableName: TABLE,
            Key: notificationKey(userId, r.id),
            UpdateExpression: 'SET readAt = :at REMOVE gsi1pk, gsi1sk',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
            ExpressionAttributeValues: { ':at': at },
          },
        })),
        counterDown(userId, unread.length),
      ])
      return unread.length
    } catch (error) {
      // Someone read one of them meanwhile (another device): read them again and count afresh.
      if (!(error instanceof WriteConflict) || attempt >= MARK_ATTEMPTS) throw error
    }
  }
}

const counterDown = (userId: string, n: number): TransactItems[number] => ({
  Update: {
    TableName: TABLE,
    Key: counterKey(userId),
    UpdateExpression: 'ADD #count :minus',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':minus': -n },
  },
})

/** Access pattern: the ids of a user's unread notifications, from the sparse unread index. */
export async function listUnreadIds(userId: string): Promise<string[]> {
  const items = await queryAll<{ id: string }>({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': unreadOf(userId) },
    ProjectionExpression: 'id',
  })
  return items.map((i) => i.id)
}

/**
 * Access pattern: an unread notification expired (TTL removed it): take it off the counter once,
 * however often the stream hands the removal over. Returns false when it was counted before.
 */
export async function countExpiredUnread(userId: string, id: string, now: Date): Promise<boolean> {
  try {
    await transactWrite([
      {
        Put: {
          TableName: TABLE,
          Item: { ...expiredMarkKey(userId, id), entity: 'EXPIRED_MARK', expiresAt: Math.floor(now.getTime() / 1000) + 2 * DAY_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      counterDown(userId, 1),
    ])
    return true
  } catch (error) {
    if (error instanceof WriteConflict && error.reasons[0] === 'ConditionalCheckFailed') return false
    throw error
  }
}

/** Access pattern: one notification of one user (tests and the delivery's re-read). */
export async function getNotification(userId: string, id: string): Promise<NotificationRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: notificationKey(userId, id), ConsistentRead: true }))
  return result.Item ? stripKeys<NotificationRecord>(result.Item) : undefined
}
