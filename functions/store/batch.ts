import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'

const BATCH_LIMIT = 25
const GET_LIMIT = 100
const MAX_ATTEMPTS = 8

const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10))

/** Puts any number of items, 25 a request, retrying what DynamoDB hands back as unprocessed. */
export async function batchWriteAll(items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_LIMIT) {
    let requests = items.slice(start, start + BATCH_LIMIT).map((Item) => ({ PutRequest: { Item } }))
    for (let attempt = 1; requests.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`batch write: ${requests.length} items still unprocessed`)
      const result = await dynamo.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }))
      requests = (result.UnprocessedItems?.[TABLE] ?? []) as typeof requests
      if (requests.length > 0) await backOff(attempt)
    }
  }
}

/**
 * Gets any number of items by key, 100 a request, retrying with back-off what DynamoDB hands back
 * as unprocessed; throws if some are still unprocessed after the last try. Items that do not
 * exist are simply absent from the answer, which comes in no particular order.
 */
export async function batchGetAll(keys: readonly Record<string, unknown>[], options: { consistent?: boolean } = {}): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = []
  for (let start = 0; start < keys.length; start += GET_LIMIT) {
    let pending = keys.slice(start, start + GET_LIMIT)
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`batch get: ${pending.length} items still unprocessed`)
      if (attempt > 1) await backOff(attempt)
      const result = await dynamo.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [...pending], ...(options.consistent ? { ConsistentRead: true } : {}) } } }))
      found.push(...(result.Responses?.[TABLE] ?? []))
      pending = (result.UnprocessedKeys?.[TABLE]?.Keys ?? []) as Record<string, unknown>[]
    }
  }
  return found
}
