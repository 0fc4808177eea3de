import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Visit } from '@shared/schemas/visit.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import type { TransactItems } from './transact'

/*
 * VISIT#<id> / VISIT                    a visit record (走访记录)
 *   gsi1  VISITS#ENT#<enterpriseId> / <visitedAt>#<id>   an enterprise's visits, latest last
 *   gsi2  VISITS#BY#<userId> / <visitedAt>#<id>         the visits an official recorded
 *   gsi3  VISITS#AREA#<areaId> / <visitedAt>#<id>       an area's visits over a time range (rounds, coverage)
 * VISITIDEM#<userId>#<key> / IDEM       a recording's idempotency record, expiring after a day
 * Every key of the entity is spelled here, once.
 */
const KEYS = {
  visit: (id: string) => ({ pk: `VISIT#${id}`, sk: 'VISIT' }),
  idempotency: (userId: string, key: string) => ({ pk: `VISITIDEM#${userId}#${key}`, sk: 'IDEM' }),
  enterprise: (enterpriseId: string) => `VISITS#ENT#${enterpriseId}`,
  by: (userId: string) => `VISITS#BY#${userId}`,
  area: (areaId: string) => `VISITS#AREA#${areaId}`,
  order: (v: Pick<Visit, 'visitedAt' | 'id'>) => `${v.visitedAt}#${v.id}`,
}

export const VISIT_IDEMPOTENCY_TTL_SECONDS = 24 * 3600

const visitItem = (visit: Visit) => {
  const order = KEYS.order(visit)
  return {
    ...KEYS.visit(visit.id),
    entity: 'VISIT',
    gsi1pk: KEYS.enterprise(visit.enterpriseId),
    gsi1sk: order,
    gsi2pk: KEYS.by(visit.by.id),
    gsi2sk: order,
    gsi3pk: KEYS.area(visit.areaId),
    gsi3sk: order,
    ...visit,
  }
}

export interface VisitIdempotencyRecord {
  requestHash: string
  visitId: string
}

/** Access pattern: one visit by id (the on-behalf filing checks the visit it names), or undefined. */
export async function getVisit(id: string): Promise<Visit | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: KEYS.visit(id), ConsistentRead: true }))
  return result.Item ? stripKeys<Visit>(result.Item) : undefined
}

/**
 * Access pattern: record a new visit, as transaction items — the visit (once) and the caller's
 * idempotency record (once per key). The caller adds the enterprise's and the attachments' items.
 */
export function visitWrites(visit: Visit, idempotency: { userId: string; key: string; requestHash: string }): TransactItems {
  return [
    {
      Put: {
        TableName: TABLE,
        Item: {
          ...KEYS.idempotency(idempotency.userId, idempotency.key),
          entity: 'VISIT_IDEMPOTENCY',
          requestHash: idempotency.requestHash,
          visitId: visit.id,
          expiresAt: Math.floor(Date.parse(visit.createdAt) / 1000) + VISIT_IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: TABLE, Item: visitItem(visit), ConditionExpression: 'attribute_not_exists(pk)' } },
  ]
}

/** Access pattern: a transaction item counting one more appeal filed from a visit. */
export function visitAppealCounted(visitId: string): TransactItems[number] {
  return {
    Update: {
      TableName: TABLE,
      Key: KEYS.visit(visitId),
      UpdateExpression: 'ADD appealCount :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
    },
  }
}

/** Access pattern: the record of an earlier recording with this key (strongly consistent). */
export async function getVisitIdempotencyRecord(userId: string, key: string): Promise<VisitIdempotencyRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: KEYS.idempotency(userId, key), ConsistentRead: true }))
  return result.Item ? { requestHash: String(result.Item.requestHash), visitId: String(result.Item.visitId) } : undefined
}

/** Access pattern: an area's visits with `fromIso <= visitedAt < toIso` (visit rounds, coverage), in time order. */
export function listVisitsOfArea(areaId: string, fromIso: string, toIso: string): Promise<Visit[]> {
  return queryAll<Visit>({
    TableName: TABLE,
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
    // '#' sorts below every ulid character and '~' above: the range is [from, to).
    ExpressionAttributeValues: { ':pk': KEYS.area(areaId), ':from': `${new Date(fromIso).toISOString()}#`, ':to': `${new Date(toIso).toISOString()}#` },
  })
}

/** Access pattern: an enterprise's latest visits, newest first. */
export async function listVisitsOfEnterprise(enterpriseId: string, limit: number): Promise<Visit[]> {
  return (await queryVisits({ index: 'gsi1', partition: KEYS.enterprise(enterpriseId), limit })).items
}

export interface VisitPageQuery {
  /** An enterprise's visits, or those an official recorded. */
  of: { enterpriseId: string } | { recordedBy: string }
  limit: number
  /** Resume after this position (the `next` of the page before). */
  after?: string
}

/** Access pattern: one page of an enterprise's visits or of an official's own, newest first. */
export function queryVisitPage(query: VisitPageQuery): Promise<{ items: Visit[]; next: string | null }> {
  return 'enterpriseId' in query.of
    ? queryVisits({ index: 'gsi1', partition: KEYS.enterprise(query.of.enterpriseId), limit: query.limit, after: query.after })
    : queryVisits({ index: 'gsi2', partition: KEYS.by(query.of.recordedBy), limit: query.limit, after: query.after })
}

async function queryVisits(q: { index: 'gsi1' | 'gsi2'; partition: string; limit: number; after?: string }): Promise<{ items: Visit[]; next: string | null }> {
  // The start key is rebuilt here from the position (`<visitedAt>#<id>`), never taken from a client.
  const startKey = q.after ? { ...KEYS.visit(q.after.slice(q.after.lastIndexOf('#') + 1)), [`${q.index}pk`]: q.partition, [`${q.index}sk`]: q.after } : undefined
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: q.index,
      KeyConditionExpression: `${q.index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': q.partition },
      ScanIndexForward: false,
      Limit: q.limit,
      ExclusiveStartKey: startKey,
    }),
  )
  return {
    items: (page.Items ?? []).map((item) => stripKeys<Visit>(item)),
    next: page.LastEvaluatedKey ? String(page.LastEvaluatedKey[`${q.index}sk`]) : null,
  }
}
