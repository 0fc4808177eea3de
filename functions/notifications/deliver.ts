import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue as StreamAttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { config } from '../lib/config'
import { describeError, logger } from '../lib/logger'
import { stripKeys } from '../store/keys'
import { countExpiredUnread, type NotificationRecord } from '../store/notification.store'
import { wechatClient } from '../services/wechat'
import { deliverNotification, type DeliveryDeps } from './delivery.use-case'

/**
 * The table's stream → WeChat. In production a Lambda on the DynamoDB stream (sls/functions.yml,
 * filtered to notification inserts and removals); under `npm start` and in tests the local
 * poller (scripts/lib/stream-poller.ts) calls this same handler with the same event shape.
 * A record whose push should be tried again is reported as a batch item failure, and is handed
 * over again; everything else counts as done, whatever became of the push.
 */
const image = (value: Record<string, StreamAttributeValue> | undefined) => (value ? unmarshall(value as Record<string, AttributeValue>) : undefined)

function dependencies(): DeliveryDeps {
  const configured = config.WECHAT_APP_ID !== '' && config.WECHAT_APP_SECRET !== ''
  return { wechat: configured ? wechatClient() : null, config }
}

/** One stream record: a new notification is pushed; an unread one that expired leaves the counter. */
export async function handleRecord(record: DynamoDBRecord, deps: DeliveryDeps): Promise<'done' | 'retry'> {
  if (record.eventName === 'INSERT') {
    const item = image(record.dynamodb?.NewImage)
    if (item?.entity !== 'NOTIFICATION') return 'done'
    const outcome = await deliverNotification(stripKeys<NotificationRecord>(item), deps)
    return outcome === 'retry' ? 'retry' : 'done'
  }
  if (record.eventName === 'REMOVE') {
    const item = image(record.dynamodb?.OldImage)
    if (item?.entity === 'NOTIFICATION' && item.readAt === undefined) await countExpiredUnread(String(item.userId), String(item.id), new Date())
  }
  return 'done'
}

export async function handleStreamEvent(event: DynamoDBStreamEvent, deps: DeliveryDeps): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = []
  for (const record of event.Records) {
    const itemIdentifier = record.dynamodb?.SequenceNumber ?? ''
    try {
      if ((await handleRecord(record, deps)) === 'retry') batchItemFailures.push({ itemIdentifier })
    } catch (error) {
      logger.error('stream record failed', { eventId: record.eventID, ...describeError(error) })
      batchItemFailures.push({ itemIdentifier })
    }
  }
  return { batchItemFailures }
}

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => handleStreamEvent(event, dependencies())
