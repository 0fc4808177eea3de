import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { DigestSummary, WeeklyDigest } from '@shared/schemas/supervision.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import { transactWrite, WriteConflict, type TransactItems } from './transact'

/*
 * Weekly supervision digests, one per area and one for the city each week, never rewritten:
 *   DIGEST / <week>#<scope>           the summary (week, scope, time, totals): the city admin's
 *                                     list is one Query of this partition, newest week first;
 *                                     gsi1 DIGEST#<scope> / <week>: one scope's list (an area's)
 *   DIGEST#<week>#<scope> / BODY      the whole digest (rows and appeal lists), read one at a time
 * The bodies live apart so that listing a year of digests never reads their lists.
 * <scope> is CITY or AREA#<areaId>.
 */
const LIST_PK = 'DIGEST'
const scopeKey = (areaId: string | null) => (areaId ? `AREA#${areaId}` : 'CITY')
/** gsi1: one scope's digests by week. */
const scopeDigests = (areaId: string | null) => `DIGEST#${scopeKey(areaId)}`
const summaryKey = (week: string, areaId: string | null) => ({ pk: LIST_PK, sk: `${week}#${scopeKey(areaId)}` })
const bodyKey = (week: string, areaId: string | null) => ({ pk: `DIGEST#${week}#${scopeKey(areaId)}`, sk: 'BODY' })

const summaryOf = (d: WeeklyDigest): DigestSummary => ({ week: d.week, scope: d.scope, generatedAt: d.generatedAt, totals: d.totals })

/**
 * Access pattern: store a scope's digest for its week unless one is there already, with `extra`
 * items (the notifications that it is ready) in the same transaction. Returns false when another
 * run got there first: its record is kept as it is, and nothing is written.
 */
export async function putDigestOnce(digest: WeeklyDigest, extra: TransactItems = []): Promise<boolean> {
  const areaId = digest.scope.areaId
  const onlyNew = 'attribute_not_exists(pk)'
  try {
    await transactWrite([
      {
        Put: {
          TableName: TABLE,
          Item: { ...summaryKey(digest.week, areaId), entity: 'DIGEST', gsi1pk: scopeDigests(areaId), gsi1sk: digest.week, ...summaryOf(digest) },
          ConditionExpression: onlyNew,
        },
      },
      { Put: { TableName: TABLE, Item: { ...bodyKey(digest.week, areaId), entity: 'DIGEST_BODY', ...digest }, ConditionExpression: onlyNew } },
      ...extra,
    ])
    return true
  } catch (error) {
    // Only a failed condition means a record is there; a transaction that kept colliding is an error.
    if (error instanceof WriteConflict && error.reasons.includes('ConditionalCheckFailed')) return false
    throw error
  }
}

/** Access pattern: one scope's digest of one week (areaId null: the city's). */
export async function getDigestRecord(week: string, areaId: string | null): Promise<WeeklyDigest | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: bodyKey(week, areaId), ConsistentRead: true }))
  return result.Item ? stripKeys<WeeklyDigest>(result.Item) : undefined
}

/** Access pattern: the digests already made for one week, every scope (strongly consistent). */
export function listWeekDigests(week: string): Promise<DigestSummary[]> {
  return queryAll<DigestSummary>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :week)',
    ExpressionAttributeValues: { ':pk': LIST_PK, ':week': `${week}#` },
    ConsistentRead: true,
  })
}

/** Access pattern: every scope's digests from `sinceWeek` on, newest week first (the city admin's list). */
export function listAllDigests(sinceWeek: string): Promise<DigestSummary[]> {
  return queryAll<DigestSummary>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND sk >= :since',
    ExpressionAttributeValues: { ':pk': LIST_PK, ':since': sinceWeek },
    ScanIndexForward: false,
  })
}

/** Access pattern: one scope's digests from `sinceWeek` on, newest first (areaId null: the city's). */
export function listScopeDigests(areaId: string | null, sinceWeek: string): Promise<DigestSummary[]> {
  return queryAll<DigestSummary>({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :since',
    ExpressionAttributeValues: { ':pk': scopeDigests(areaId), ':since': sinceWeek },
    ScanIndexForward: false,
  })
}
