import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'

const BATCH_LIMIT = 25
const MAX_ATTEMPTS = 8

/** Puts any number of items, 25 a request, retrying what DynamoDB hands back as unprocessed. */
export async function batchWriteAll(items: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_LIMIT) {
    let requests = items.slice(start, start + BATCH_LIMIT).map((Item) => ({ PutRequest: { Item } }))
    for (let attempt = 1; requests.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`batch write: ${requests.length} items still unprocessed`)
      const result = await dynamo.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }))
      requests = (result.UnprocessedItems?.[TABLE] ?? []) as typeof requests
      if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10))
    }
  }
}
