import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'
import { describeError, logger } from '../lib/logger'
import { ENTITY } from '../store/export-job.store'
import { runExport, type RunOutcome } from './run-export.use-case'

/**
 * The table's stream → report exports. In production a Lambda on the DynamoDB stream
 * (sls/functions.yml, filtered to export-job inserts, one job per invocation); under `npm start`
 * and in tests the local stream poller (scripts/lib/local-exports.ts) calls this same handler.
 * A job that fails is marked failed by runExport and counts as handled; only a record that could
 * not even be settled (the table unreachable) is reported for another delivery, which the claim
 * makes harmless.
 */
export async function handleExportStream(event: DynamoDBStreamEvent, run: (jobId: string) => Promise<RunOutcome> = runExport): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = []
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage
    if (record.eventName !== 'INSERT' || !image) continue
    const item = unmarshall(image as Record<string, AttributeValue>)
    if (item.entity !== ENTITY || typeof item.id !== 'string') continue
    try {
      await run(item.id)
    } catch (error) {
      logger.error('export record failed', { eventId: record.eventID, jobId: item.id, ...describeError(error) })
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })
    }
  }
  return { batchItemFailures }
}

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => handleExportStream(event)
