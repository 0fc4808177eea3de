import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { FaqEntry } from '@shared/schemas/policy.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchWriteAll } from './batch'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import { transactWrite, WriteConflict, type TransactItems } from './transact'

/*
 * The FAQ handbook (高频问题解答):
 *   KIT#FAQ / ENTRY#<id>          an entry: every entry of the city in one partition (one Query)
 *   KIT#FAQ / STAMP               a counter moved by every write: the search index's version
 *   KIT#FAQ / APPEAL#<appealId>   the draft made from a closed appeal: one per appeal
 */
const CITY_PK = 'KIT#FAQ'
const entryKey = (id: string) => ({ pk: CITY_PK, sk: `ENTRY#${id}` })
const STAMP_KEY = { pk: CITY_PK, sk: 'STAMP' }
const fromAppealKey = (appealId: string) => ({ pk: CITY_PK, sk: `APPEAL#${appealId}` })

/** The entry moved on since it was read, or (new) it exists already. */
export class FaqEntryChanged extends Error {}
/** A draft was made from this appeal before. */
export class FaqAlreadyDrafted extends Error {}

const stampBump: TransactItems[number] = {
  Update: { TableName: TABLE, Key: STAMP_KEY, UpdateExpression: 'ADD stamp :one SET entity = :entity', ExpressionAttributeValues: { ':one': 1, ':entity': 'KIT_STAMP' } },
}

/** Access pattern: one entry. */
export async function getFaqEntry(id: string): Promise<FaqEntry | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: entryKey(id), ConsistentRead: true }))
  return result.Item ? stripKeys<FaqEntry>(result.Item) : undefined
}

/** Access pattern: every entry of the city, published or not (one Query of its partition). */
export const listFaqEntries = (): Promise<FaqEntry[]> =>
  queryAll<FaqEntry>({ TableName: TABLE, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)', ExpressionAttributeValues: { ':pk': CITY_PK, ':entry': 'ENTRY#' }, ConsistentRead: true })

/** Access pattern: the version stamp of the FAQ (0 before the first write). */
export async function getFaqStamp(): Promise<number> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: STAMP_KEY, ConsistentRead: true }))
  return (result.Item?.stamp as number | undefined) ?? 0
}

/**
 * Access pattern: write an entry (new, or replacing `expectedVersion`) and move the stamp, in one
 * transaction; a draft from an appeal also claims the appeal (one draft per appeal).
 */
export async function saveFaqEntry(entry: FaqEntry, expectedVersion: number | null): Promise<void> {
  const condition =
    expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }
  const claim: TransactItems =
    expectedVersion === null && entry.fromAppeal
      ? [{ Put: { TableName: TABLE, Item: { ...fromAppealKey(entry.fromAppeal.id), entity: 'FAQ_FROM_APPEAL', faqId: entry.id }, ConditionExpression: 'attribute_not_exists(pk)' } }]
      : []
  try {
    await transactWrite([{ Put: { TableName: TABLE, Item: { ...entryKey(entry.id), entity: 'FAQ_ENTRY', ...entry }, ...condition } }, ...claim, stampBump])
  } catch (error) {
    if (error instanceof WriteConflict && error.reasons.includes('ConditionalCheckFailed')) {
      if (claim.length > 0 && error.reasons[1] === 'ConditionalCheckFailed') throw new FaqAlreadyDrafted()
      throw new FaqEntryChanged()
    }
    throw error
  }
}

/** Bulk load (seed, bench): entries, then one stamp move. Not for a request path. */
export async function bulkPutFaqEntries(entries: readonly FaqEntry[]): Promise<void> {
  await batchWriteAll(entries.map((entry) => ({ ...entryKey(entry.id), entity: 'FAQ_ENTRY', ...entry })))
  await transactWrite([stampBump])
}
