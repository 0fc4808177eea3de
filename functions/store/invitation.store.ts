import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'

/*
 * INVITE#<sha256 of the code> / INVITE: a one-time code that links a WeChat account to an
 * official's roster entry. Only the hash is stored; DynamoDB's TTL removes expired ones.
 */
export interface InvitationRecord {
  userId: string
  /** Epoch seconds; also the TTL attribute. */
  expiresAt: number
  createdBy: string
}

const invitationKey = (hash: string) => ({ pk: `INVITE#${hash}`, sk: 'INVITE' })

/** Access pattern: remember an issued invitation. */
export async function putInvitation(hash: string, record: InvitationRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...invitationKey(hash), entity: 'INVITE', ...record }, ConditionExpression: 'attribute_not_exists(pk)' }))
}

/** Access pattern: look an invitation up without spending it. */
export async function getInvitation(hash: string): Promise<InvitationRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: invitationKey(hash), ConsistentRead: true }))
  const item = result.Item
  return item ? { userId: String(item.userId), expiresAt: Number(item.expiresAt), createdBy: String(item.createdBy) } : undefined
}

/**
 * Access pattern: spend an invitation. Deleted only if it is still there and unexpired, so two
 * phones entering one code cannot both succeed. Returns whom it was for, or undefined.
 */
export async function spendInvitation(hash: string, nowSeconds: number): Promise<InvitationRecord | undefined> {
  try {
    const result = await dynamo.send(
      new DeleteCommand({
        TableName: TABLE,
        Key: invitationKey(hash),
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValues: 'ALL_OLD',
      }),
    )
    const item = result.Attributes
    return item ? { userId: String(item.userId), expiresAt: Number(item.expiresAt), createdBy: String(item.createdBy) } : undefined
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined
    throw error
  }
}
