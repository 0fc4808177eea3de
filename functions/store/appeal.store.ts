import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { AppealWritePlan, WorkIndexEntry } from '@shared/domain/appeal-write-plan'
import type { Appeal, AppealEvent, CoHandler } from '@shared/schemas/appeal.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { KEYS, NOTHING_TO_SWEEP } from './appeal.keys'
import { batchGetAll } from './batch'
import { stripKeys } from './keys'
import type { TransactItems } from './transact'

export { WriteConflict } from './transact'

/* The appeal entity: its items and their writes, reads by id. Keys: appeal.keys.ts; lists: appeal-lists.store.ts. */

const holderOf = (a: Appeal) => (a.ownerId ? KEYS.owner(a.ownerId) : KEYS.areaQueue(a.areaId))

function workIndexKeys(appeal: Appeal, entry: WorkIndexEntry) {
  switch (entry.kind) {
    case 'closed':
      return { gsi5pk: KEYS.closed(appeal.areaId), gsi5sk: `${entry.closedAt}#${appeal.id}` }
    case 'open':
      return { gsi5pk: KEYS.open(appeal.areaId), gsi5sk: `${entry.sweepAt ?? NOTHING_TO_SWEEP}#${appeal.id}` }
    case 'none':
      return {}
  }
}

function appealItem(appeal: Appeal, workIndex: WorkIndexEntry) {
  const order = KEYS.order(appeal)
  return {
    ...KEYS.appeal(appeal.id),
    entity: 'APPEAL',
    gsi1pk: KEYS.enterprise(appeal.enterpriseId),
    gsi1sk: order,
    gsi2pk: holderOf(appeal),
    gsi2sk: order,
    gsi3pk: KEYS.area(appeal.areaId),
    gsi3sk: order,
    gsi4pk: KEYS.city,
    gsi4sk: order,
    ...workIndexKeys(appeal, workIndex),
    ...appeal,
  }
}

export interface IdempotencyRecord {
  requestHash: string
  appealId: string
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600

/** A co-handler's entry in its inbox (the holder index), pointing at the appeal. */
const taskItem = (appeal: Appeal, c: CoHandler) => ({
  ...KEYS.task(appeal.id, c),
  entity: 'TASK',
  appealId: appeal.id,
  gsi2pk: KEYS.coHandler(c),
  gsi2sk: KEYS.order(appeal),
  kind: c.kind,
  id: c.id,
})

/** The number's lookup entry: which appeal holds it. */
const numberItem = (number: string, appealId: string) => ({ ...KEYS.number(number), entity: 'APPEAL_NUMBER', appealId })

const eventItem = (event: AppealEvent) => ({ ...KEYS.event(event.appealId, event.seq), entity: 'EVENT', ...event })

/** A submission's idempotency record: the caller's key, what was asked, and the appeal it made. */
export interface IdempotencyWrite {
  userId: string
  key: string
  requestHash: string
  filedAt: Date
}

/**
 * Access pattern: write one change of an appeal, as the domain planned it — the appeal (new, or
 * only if still at the version the change was decided on), its event, the inbox entries of the
 * co-handlers it asks and, for a submission, its number's lookup entry and its idempotency
 * record. The items of one transaction; the caller adds the other entities' items.
 */
export function appealWrites(plan: AppealWritePlan, idempotency?: IdempotencyWrite): TransactItems {
  const { appeal } = plan
  return [
    ...(idempotency
      ? [
          {
            Put: {
              TableName: TABLE,
              Item: { ...KEYS.idempotency(idempotency.userId, idempotency.key), entity: 'IDEMPOTENCY', requestHash: idempotency.requestHash, appealId: appeal.id, expiresAt: Math.floor(idempotency.filedAt.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : []),
    plan.expectedVersion === null
      ? { Put: { TableName: TABLE, Item: appealItem(appeal, plan.workIndex), ConditionExpression: 'attribute_not_exists(pk)' } }
      : {
          Put: {
            TableName: TABLE,
            Item: appealItem(appeal, plan.workIndex),
            ConditionExpression: 'attribute_exists(pk) AND version = :previous',
            ExpressionAttributeValues: { ':previous': plan.expectedVersion },
          },
        },
    { Put: { TableName: TABLE, Item: eventItem(plan.event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...(plan.numberClaim === null
      ? []
      : [{ Put: { TableName: TABLE, Item: numberItem(plan.numberClaim, appeal.id), ConditionExpression: 'attribute_not_exists(pk)' } }]),
    ...plan.newTasks.map((c) => ({ Put: { TableName: TABLE, Item: taskItem(appeal, c) } })),
  ]
}

/** Access pattern: the record of an earlier submission with this key (strongly consistent). */
export async function getIdempotencyRecord(userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: KEYS.idempotency(userId, key), ConsistentRead: true }))
  return result.Item ? { requestHash: String(result.Item.requestHash), appealId: String(result.Item.appealId) } : undefined
}

/** Access pattern: the id of the appeal holding a number (诉求编号), if any. */
export async function getAppealIdByNumber(number: string): Promise<string | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: KEYS.number(number), ConsistentRead: true }))
  return result.Item ? String(result.Item.appealId) : undefined
}

/** Access pattern: one appeal by id, as last written. */
export async function getAppeal(id: string): Promise<Appeal | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: KEYS.appeal(id), ConsistentRead: true }))
  return result.Item ? stripKeys<Appeal>(result.Item) : undefined
}

/** Access pattern: an appeal and its whole timeline, oldest event first, in one Query. */
export async function getAppealWithEvents(id: string): Promise<{ appeal: Appeal; events: AppealEvent[] } | undefined> {
  let appeal: Appeal | undefined
  const events: AppealEvent[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk <= :last',
        // 'APPEAL' < 'EVENT#…' in byte order; tasks (TASK#…) sort after and are not read here.
        ExpressionAttributeValues: { ':pk': KEYS.appeal(id).pk, ':last': KEYS.lastEvent },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of page.Items ?? []) {
      if (item.entity === 'APPEAL') appeal = stripKeys<Appeal>(item)
      else if (item.entity === 'EVENT') events.push(stripKeys<AppealEvent>(item))
    }
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return appeal ? { appeal, events } : undefined
}

async function batchGetAppeals(ids: readonly string[]): Promise<Map<string, Appeal>> {
  const items = await batchGetAll(ids.map(KEYS.appeal))
  return new Map(items.map((item) => [String(item.id), stripKeys<Appeal>(item)]))
}

/** Access pattern: appeals by id (tens to hundreds), in no particular order. */
export async function getAppeals(ids: readonly string[]): Promise<Appeal[]> {
  return [...(await batchGetAppeals(ids)).values()]
}
/**
 * Bulk loading (the data generator): the items of an appeal already carried through its life
 * by the domain code — the appeal (tally included), its timeline and its co-handling inbox
 * entries — for BatchWrite. The report cells are not among them: recount them afterwards
 * (functions/reports/rebuild.use-case.ts). Not for request paths, which write transactionally.
 */
export function appealBulkItems(appeal: Appeal, events: readonly AppealEvent[], workIndex: WorkIndexEntry): Record<string, unknown>[] {
  return [appealItem(appeal, workIndex), numberItem(appeal.number, appeal.id), ...events.map(eventItem), ...appeal.coHandlers.map((c) => taskItem(appeal, c))]
}

/**
 * Access pattern: the filer deleted their account — their name on the appeal is replaced, only if
 * they are still its filer and it is still at the version read. The version moves on, so that a
 * change decided on the old item cannot write the old name back. False when the appeal moved meanwhile.
 */
export async function renameFiler(appealId: string, userId: string, version: number, name: string): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: KEYS.appeal(appealId),
        UpdateExpression: 'SET filedBy.#name = :name, version = :next',
        ConditionExpression: 'attribute_exists(pk) AND filedBy.id = :user AND version = :version',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': name, ':user': userId, ':version': version, ':next': version + 1 },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Access pattern: rewrite timeline events in place (a deleted account's name taken out of them). */
export async function rewriteEvents(events: readonly AppealEvent[]): Promise<void> {
  for (const event of events) await dynamo.send(new PutCommand({ TableName: TABLE, Item: eventItem(event) }))
}
