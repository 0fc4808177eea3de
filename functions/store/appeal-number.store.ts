import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'

/*
 * Daily number counters  APPEALSEQ#<prefix>-<YYYYMMDD> / SHARD#<n>
 *   seq  the last sequence handed out by this shard on that day (moved with ADD)
 * A day's filings spread over several counters (appeal-number.ts), each its own item, so that
 * concurrent filings rarely wait on one another. Counters are kept (ten small items a day): the
 * data generator continues from them when it fills past days.
 */
const dayPk = (prefix: string, day: string) => `APPEALSEQ#${prefix}-${day}`
const SHARD = 'SHARD#'
const counterKey = (prefix: string, day: string, shard: number) => ({ pk: dayPk(prefix, day), sk: `${SHARD}${shard}` })

/** Access pattern: the next sequence of one shard's counter for a day (atomic; starts at 1). */
export async function nextNumberSequence(prefix: string, day: string, shard: number): Promise<number> {
  const result = await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: counterKey(prefix, day, shard),
      UpdateExpression: 'SET #entity = :entity ADD seq :one',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: { ':entity': 'APPEAL_NUMBER_COUNTER', ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  )
  return Number(result.Attributes?.seq)
}

/**
 * Bulk loading (the data generator): raises a shard's counter to at least `sequence`, so that
 * numbers handed out later that day follow the ones loaded. Never lowers it.
 */
export async function raiseNumberSequence(prefix: string, day: string, shard: number, sequence: number): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: counterKey(prefix, day, shard),
        UpdateExpression: 'SET #entity = :entity, seq = :seq',
        ConditionExpression: 'attribute_not_exists(seq) OR seq < :seq',
        ExpressionAttributeNames: { '#entity': 'entity' },
        ExpressionAttributeValues: { ':entity': 'APPEAL_NUMBER_COUNTER', ':seq': sequence },
      }),
    )
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
  }
}

/** Bulk loading (the data generator): the sequences a day's counters last handed out, by shard (one Query). */
export async function daySequences(prefix: string, day: string): Promise<Map<number, number>> {
  const result = await dynamo.send(
    new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': dayPk(prefix, day) }, ConsistentRead: true }),
  )
  return new Map((result.Items ?? []).map((item) => [Number(String(item.sk).slice(SHARD.length)), Number(item.seq)]))
}
