import { ulid } from 'ulid'
import {
  audienceOf,
  digestNotices,
  digestNotificationsFor,
  draftsFor,
  exportNotificationsFor,
  type ExportReady,
  type Notice,
  type NotificationDraft,
} from '@shared/domain/notifications'
import type { DigestSummary } from '@shared/schemas/supervision.schema'
import { logger } from '../lib/logger'
import { notificationWrites, type NotificationRecord } from '../store/notification.store'
import type { TransactItems } from '../store/transact'
import { resolveAudience } from './recipients'

/**
 * The transactional outbox: the notifications a change causes, as items to write in the very
 * transaction of the change. Delivery reads them back from the table's stream afterwards
 * (functions/notifications/deliver.ts), so a notification exists exactly when its change does.
 */

/**
 * A transaction holds at most 100 items; the change itself takes up to about ten. Two items per
 * notification (the notification, its recipient's counter) leave room for this many recipients,
 * far above any real change (a city has a handful of admins; a unit a few handlers).
 */
const MAX_RECIPIENTS = 40

/** Notification ids are ULIDs of when the change happened: an inbox sorts by them. */
const newNotificationId = (at: string) => `nt-${ulid(Date.parse(at)).toLowerCase()}`

function toRecords(drafts: NotificationDraft[]): NotificationRecord[] {
  if (drafts.length > MAX_RECIPIENTS) logger.warn('outbox: too many recipients, the rest get nothing', { recipients: drafts.length, kept: MAX_RECIPIENTS })
  return drafts.slice(0, MAX_RECIPIENTS).map(({ recipientId, ...draft }) => ({ id: newNotificationId(draft.facts.at), userId: recipientId, createdAt: draft.facts.at, ...draft }))
}

/**
 * The outbox items of the notices a change planned (none for most notes and task replies): the
 * groups they name resolved to people, one notification each, the actor left out.
 */
export async function outboxFor(notices: readonly Notice[], options: { page: string; appealId?: string; exclude?: string }): Promise<TransactItems> {
  if (notices.length === 0) return []
  const recipients = await resolveAudience(audienceOf(notices))
  return notificationWrites(toRecords(draftsFor(notices, recipients, options)))
}

/** The outbox items announcing a digest that is being stored. */
export async function digestOutboxFor(digest: DigestSummary): Promise<TransactItems> {
  const recipients = await resolveAudience(audienceOf(digestNotices(digest)))
  return notificationWrites(toRecords(digestNotificationsFor(digest, recipients)))
}

/** The outbox items telling the requester that their export is ready, written as the job is marked done. */
export function exportOutboxFor(ready: ExportReady): TransactItems {
  return notificationWrites(toRecords(exportNotificationsFor(ready)))
}
