import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'
import { transactWrite, WriteConflict } from './transact'

/*
 * Deflections (已解决，不再提交): appeals not filed because an answer helped.
 *   KITSTATS#<month> / <scope>                        counters `c:<categoryId>` (ADD), one item per scope
 *                                                     ('city', 'area:<id>') and month
 *   KITDEFLECT#<userId> / <itemId>#<YYYY-MM-DD>        the day's mark: one count per person, entry and day;
 *                                                     gone with the TTL after 40 days
 */
const statsKey = (month: string, scope: string) => ({ pk: `KITSTATS#${month}`, sk: scope })
const markKey = (userId: string, itemId: string, day: string) => ({ pk: `KITDEFLECT#${userId}`, sk: `${itemId}#${day}` })
const COUNTER = 'c:'
const NO_CATEGORY = 'none'

/**
 * Access pattern: count one deflection in the month's cells of its scopes, unless this person
 * counted this entry today already (then false, nothing written).
 */
export async function recordDeflection(input: { userId: string; itemId: string; day: string; month: string; categoryId?: string; scopes: readonly string[]; at: string; expiresAt: number }): Promise<boolean> {
  const counter = `${COUNTER}${input.categoryId ?? NO_CATEGORY}`
  try {
    await transactWrite([
      {
        Put: {
          TableName: TABLE,
          Item: { ...markKey(input.userId, input.itemId, input.day), entity: 'KIT_DEFLECTION', categoryId: input.categoryId ?? null, at: input.at, expiresAt: input.expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...input.scopes.map((scope) => ({
        Update: {
          TableName: TABLE,
          Key: statsKey(input.month, scope),
          UpdateExpression: 'ADD #counter :one SET entity = :entity',
          ExpressionAttributeNames: { '#counter': counter },
          ExpressionAttributeValues: { ':one': 1, ':entity': 'KIT_STATS' },
        },
      })),
    ])
    return true
  } catch (error) {
    if (error instanceof WriteConflict && error.reasons[0] === 'ConditionalCheckFailed') return false
    throw error
  }
}

/** Access pattern: one scope's deflections of a month, per category ('none' for those filed without one). */
export async function getDeflections(month: string, scope: string): Promise<Record<string, number>> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: statsKey(month, scope), ConsistentRead: true }))
  const counts: Record<string, number> = {}
  for (const [name, value] of Object.entries(result.Item ?? {})) if (name.startsWith(COUNTER) && typeof value === 'number') counts[name.slice(COUNTER.length)] = value
  return counts
}
