import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'

/** Every item of one Query, page after page: for partitions known to be small (tens to thousands). */
export async function queryAll<T>(input: QueryCommandInput): Promise<T[]> {
  const items: T[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }))
    items.push(...(page.Items ?? []).map((item) => stripKeys<T>(item)))
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return items
}
