import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Role } from '@shared/schemas/common.schema'
import type { Binding } from '@shared/schemas/user.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchWriteAll } from './batch'
import { stripKeys } from './keys'

export interface UserRecord {
  id: string
  name: string
  role: Role
  title?: string
  phone?: string
  areaId?: string
  departmentId?: string
  taskForceId?: string
}

const userKey = (id: string) => ({ pk: `USER#${id}`, sk: 'PROFILE' })
/** gsi1: people by role, then area: the roster of specialists of an area, all admins… */
const roleIndexKey = (u: UserRecord) => ({ gsi1pk: `ROLE#${u.role}`, gsi1sk: `${u.areaId ?? '-'}#${u.id}` })
const bindingKey = (userId: string, enterpriseId: string) => ({ pk: `USER#${userId}`, sk: `BINDING#${enterpriseId}` })

/** Access pattern: one user's profile by id. */
export async function getUser(id: string): Promise<UserRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: userKey(id) }))
  return result.Item ? stripKeys<UserRecord>(result.Item) : undefined
}

/** Access pattern: people of one role, ordered by area then id. */
export async function listUsersByRole(role: Role, limit = 200): Promise<UserRecord[]> {
  const users: UserRecord[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `ROLE#${role}` },
        ExclusiveStartKey: startKey,
        Limit: limit - users.length,
      }),
    )
    users.push(...(page.Items ?? []).map((item) => stripKeys<UserRecord>(item)))
    startKey = page.LastEvaluatedKey
  } while (startKey && users.length < limit)
  return users
}

/** Access pattern: a user's enterprise bindings, read on every request so a revocation bites at once. */
export async function listBindings(userId: string): Promise<Binding[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'BINDING#' },
    }),
  )
  return (result.Items ?? []).map((item) => stripKeys<Binding>(item))
}

/** Access pattern: create or refresh a user's profile. */
export async function putUser(user: UserRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...userKey(user.id), ...roleIndexKey(user), entity: 'USER', ...user } }))
}

/** Access pattern: bind a user to an enterprise (idempotent). */
export async function putBinding(userId: string, binding: Binding): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...bindingKey(userId, binding.enterpriseId), entity: 'BINDING', ...binding } }))
}

/** Access pattern: load officials in bulk (seeding and roster import). */
export async function putUsers(users: UserRecord[]): Promise<void> {
  await batchWriteAll(users.map((u) => ({ ...userKey(u.id), ...roleIndexKey(u), entity: 'USER', ...u })))
}
