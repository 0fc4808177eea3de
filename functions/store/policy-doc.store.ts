import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { PolicyDoc, PolicyDocChange } from '@shared/schemas/policy.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchWriteAll } from './batch'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import { transactWrite, WriteConflict, type TransactItems } from './transact'

/*
 * Policy documents (政策包):
 *   KIT#POLICY / DOC#<id>                    the document: every policy of the city in one partition,
 *                                            so that the list and the search index are one Query
 *   KIT#POLICY / STAMP                       a counter moved by every write: the search index's version
 *   POLICYDOC#<id> / CHANGE#<at>#<version>   one record per change (what an edit replaced)
 *   POLICYDOC#<id> / CODE#<kind>             its code image as rendered once
 */
const CITY_PK = 'KIT#POLICY'
const docKey = (id: string) => ({ pk: CITY_PK, sk: `DOC#${id}` })
const STAMP_KEY = { pk: CITY_PK, sk: 'STAMP' }
const changeKey = (id: string, change: PolicyDocChange, version: number) => ({ pk: `POLICYDOC#${id}`, sk: `CHANGE#${change.at}#${String(version).padStart(6, '0')}` })
const codeKey = (id: string, kind: string) => ({ pk: `POLICYDOC#${id}`, sk: `CODE#${kind}` })

/** Thrown when the document moved on since it was read (or, for a new one, already exists). */
export class PolicyDocChanged extends Error {}

const stampBump: TransactItems[number] = {
  Update: { TableName: TABLE, Key: STAMP_KEY, UpdateExpression: 'ADD stamp :one SET entity = :entity', ExpressionAttributeValues: { ':one': 1, ':entity': 'KIT_STAMP' } },
}

/** Access pattern: one policy document. */
export async function getPolicyDoc(id: string): Promise<PolicyDoc | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: docKey(id), ConsistentRead: true }))
  return result.Item ? stripKeys<PolicyDoc>(result.Item) : undefined
}

/** Access pattern: every policy document of the city, in every state (one Query of its partition). */
export const listPolicyDocs = (): Promise<PolicyDoc[]> =>
  queryAll<PolicyDoc>({ TableName: TABLE, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)', ExpressionAttributeValues: { ':pk': CITY_PK, ':doc': 'DOC#' }, ConsistentRead: true })

/** Access pattern: the version stamp of the policies (0 before the first write). */
export async function getPolicyStamp(): Promise<number> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: STAMP_KEY, ConsistentRead: true }))
  return (result.Item?.stamp as number | undefined) ?? 0
}

/**
 * Access pattern: write a document (new, or replacing `expectedVersion`) with its change record
 * and the stamp, in one transaction. Throws PolicyDocChanged when it moved on meanwhile.
 */
export async function savePolicyDoc(policy: PolicyDoc, change: PolicyDocChange, expectedVersion: number | null, alsoWrite: TransactItems = []): Promise<void> {
  const condition =
    expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }
  try {
    await transactWrite([
      { Put: { TableName: TABLE, Item: { ...docKey(policy.id), entity: 'POLICY_DOC', ...policy }, ...condition } },
      { Put: { TableName: TABLE, Item: { ...changeKey(policy.id, change, policy.version), entity: 'POLICY_DOC_CHANGE', ...change } } },
      stampBump,
      ...alsoWrite,
    ])
  } catch (error) {
    if (error instanceof WriteConflict && error.reasons.includes('ConditionalCheckFailed')) throw new PolicyDocChanged()
    throw error
  }
}

/** Access pattern: a document's changes, oldest first. */
export const listPolicyDocChanges = (id: string): Promise<PolicyDocChange[]> =>
  queryAll<PolicyDocChange>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :change)',
    ExpressionAttributeValues: { ':pk': `POLICYDOC#${id}`, ':change': 'CHANGE#' },
  })

export interface PolicyCodeImage {
  contentType: string
  body: Uint8Array
}

/** Access pattern: a document's code image as rendered before for this kind of code. */
export async function getPolicyCodeImage(id: string, kind: string): Promise<PolicyCodeImage | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: codeKey(id, kind) }))
  if (!result.Item) return undefined
  return { contentType: String(result.Item.contentType), body: result.Item.body as Uint8Array }
}

/** Access pattern: keep a rendered code image. */
export async function putPolicyCodeImage(id: string, kind: string, image: PolicyCodeImage, at: string): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...codeKey(id, kind), entity: 'POLICY_DOC_CODE', ...image, createdAt: at } }))
}

/** Bulk load (seed, bench): documents with their changes, then one stamp move. Not for a request path. */
export async function bulkPutPolicyDocs(docs: readonly { policy: PolicyDoc; changes: readonly PolicyDocChange[] }[]): Promise<void> {
  const items: Record<string, unknown>[] = []
  for (const { policy, changes } of docs) {
    items.push({ ...docKey(policy.id), entity: 'POLICY_DOC', ...policy })
    changes.forEach((change, i) => items.push({ ...changeKey(policy.id, change, i + 1), entity: 'POLICY_DOC_CHANGE', ...change }))
  }
  await batchWriteAll(items)
  await transactWrite([stampBump])
}
