import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'
import { WriteConflict, transactWrite } from './transact'

/*
 * REFRESH#<sha256 of the token> / REFRESH: a live refresh token. Only the hash is stored, so the
 * table never holds a usable credential; DynamoDB's TTL removes expired ones.
 */
export interface RefreshRecord {
  userId: string
  /** Epoch seconds; also the TTL attribute. */
  expiresAt: number
}

const refreshKey = (hash: string) => ({ pk: `REFRESH#${hash}`, sk: 'REFRESH' })

/** Access pattern: remember a newly issued refresh token. */
export async function putRefreshToken(hash: string, record: RefreshRecord): Promise<void> {
  await transactWrite([{ Put: { TableName: TABLE, Item: { ...refreshKey(hash), entity: 'REFRESH', ...record }, ConditionExpression: 'attribute_not_exists(pk)' } }])
}

/** Access pattern: look a refresh token up (strongly consistent: it may have just been rotated). */
export async function getRefreshToken(hash: string): Promise<RefreshRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: refreshKey(hash), ConsistentRead: true }))
  return result.Item ? { userId: String(result.Item.userId), expiresAt: Number(result.Item.expiresAt) } : undefined
}

/**
 * Access pattern: spend a refresh token and store its successor in one transaction. Returns
 * false when the old token was already spent (a replay, or two tabs refreshing at once).
 */
export async function rotateRefreshToken(oldHash: string, newHash: string, record: RefreshRecord, nowSeconds: number): Promise<boolean> {
  try {
    await transactWrite([
      {
        Delete: {
          TableName: TABLE,
          Key: refreshKey(oldHash),
          ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now AND userId = :user',
          ExpressionAttributeValues: { ':now': nowSeconds, ':user': record.userId },
        },
      },
      { Put: { TableName: TABLE, Item: { ...refreshKey(newHash), entity: 'REFRESH', ...record }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ])
    return true
  } catch (error) {
    if (error instanceof WriteConflict) return false
    throw error
  }
}
