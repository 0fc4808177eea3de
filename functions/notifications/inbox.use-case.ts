import * as z from 'zod'
import type { Actor } from '@shared/domain/actor'
import { MARK_READ_MAX, type ListNotificationsQuery, type MarkReadRequest, type MarkReadResponse, type NotificationPage } from '@shared/schemas/notification.schema'
import { pageCursor } from '../lib/cursor'
import { getUnreadCount, listNotifications, listUnreadIds, markRead, toNotification } from '../store/notification.store'

/*
 * The in-app inbox (消息中心). Everyone has one, and only their own: every key is built from the
 * caller's id, so nobody can read or mark another's notifications, whatever ids they send.
 */

/** Where the next page starts: after this notification (ids as the outbox mints them). */
const inboxCursor = pageCursor('notifications', z.object({ after: z.string().regex(/^nt-[0-9a-z]{26}$/) }))

/** A page of the caller's notifications, newest first, with the unread count for the bell. */
export async function listInbox(actor: Actor, query: ListNotificationsQuery): Promise<NotificationPage> {
  const context = { caller: actor.id }
  const after = inboxCursor.decode(context, query.cursor)?.after
  const [page, unread] = await Promise.all([listNotifications(actor.id, { after, limit: query.limit }), getUnreadCount(actor.id)])
  return { items: page.items.map(toNotification), cursor: page.next ? inboxCursor.encode(context, { after: page.next }) : null, unread }
}

export const unreadCount = async (actor: Actor): Promise<number> => getUnreadCount(actor.id)

/** Marks the given notifications, or all unread ones, read; ids that are not the caller's are ignored. */
export async function markInboxRead(actor: Actor, request: MarkReadRequest, now: Date): Promise<MarkReadResponse> {
  const at = now.toISOString()
  let marked = 0
  if ('all' in request) {
    const ids = await listUnreadIds(actor.id)
    for (let start = 0; start < ids.length; start += MARK_READ_MAX) marked += await markRead(actor.id, ids.slice(start, start + MARK_READ_MAX), at)
  } else {
    marked = await markRead(actor.id, request.ids, at)
  }
  return { marked, unread: await getUnreadCount(actor.id) }
}
