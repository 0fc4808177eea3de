import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { Role } from '@shared/schemas/common.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchGetAll, batchWriteAll } from './batch'
import { stripKeys, userPartition } from './keys'
import { queryAll } from './query-all'
import { WriteConflict, transactWrite } from './transact'

export interface UserRecord {
  id: string
  name: string
  role: Role
  title?: string
  phone?: string
  areaId?: string
  departmentId?: string
  taskForceId?: string
  /** The privacy guide this user last agreed to (shared/domain/privacy.ts). */
  privacyConsent?: { version: string; at: string }
}

const userKey = (id: string) => ({ pk: userPartition(id), sk: 'PROFILE' })
/** gsi1: people by role, then area: the roster of specialists of an area, all admins… */
const rolePartition = (role: Role) => `ROLE#${role}`
const roleIndexKey = (u: UserRecord) => ({ gsi1pk: rolePartition(u.role), gsi1sk: `${u.areaId ?? '-'}#${u.id}` })

/** Access pattern: one user's profile by id. */
export async function getUser(id: string): Promise<UserRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: userKey(id) }))
  return result.Item ? stripKeys<UserRecord>(result.Item) : undefined
}

/** Access pattern: people of one role, ordered by area then id; `areaId` narrows to one area ('-' = none). */
export async function listUsersByRole(role: Role, limit = 2000, areaId?: string): Promise<UserRecord[]> {
  const users: UserRecord[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: areaId ? 'gsi1pk = :pk AND begins_with(gsi1sk, :area)' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': rolePartition(role), ...(areaId ? { ':area': `${areaId}#` } : {}) },
        ExclusiveStartKey: startKey,
        Limit: limit - users.length,
      }),
    )
    users.push(...(page.Items ?? []).map((item) => stripKeys<UserRecord>(item)))
    startKey = page.LastEvaluatedKey
  } while (startKey && users.length < limit)
  return users
}

/** Access pattern: create or refresh a user's profile. */
export async function putUser(user: UserRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...userKey(user.id), ...roleIndexKey(user), entity: 'USER', ...user } }))
}

/** Access pattern: point a WeChat identity at an official (replacing a link to a staff account). */
export async function linkOpenid(openid: string, userId: string, at: string): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: openidItem(openid, userId, at) }))
}

/** Access pattern: a staff member names themself (when asking to join an enterprise). */
export async function updateStaffContact(id: string, name: string, phone: string | undefined): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: userKey(id),
      UpdateExpression: phone ? 'SET #name = :name, phone = :phone' : 'SET #name = :name',
      ConditionExpression: 'attribute_exists(pk) AND #role = :staff',
      ExpressionAttributeNames: { '#name': 'name', '#role': 'role' },
      ExpressionAttributeValues: { ':name': name, ':staff': 'staff', ...(phone ? { ':phone': phone } : {}) },
    }),
  )
}

/** Access pattern: load officials in bulk (seeding and roster import). */
export async function putUsers(users: UserRecord[]): Promise<void> {
  await batchWriteAll(users.map((u) => ({ ...userKey(u.id), ...roleIndexKey(u), entity: 'USER', ...u })))
}

/** Access pattern: several profiles by id (names and phones of specialists for lists and cards). */
export async function getUsers(ids: readonly string[]): Promise<Map<string, UserRecord>> {
  const items = await batchGetAll([...new Set(ids)].map(userKey))
  return new Map(items.map((item) => [String(item.id), stripKeys<UserRecord>(item)]))
}

/**
 * A WeChat identity (openid of this mini-program) points at one user: OPENID#<openid> / LOGIN,
 * and is indexed the other way round on gsi1 OPENIDS#<userId> / <linkedAt>, so that pushes find
 * a user's openid. Relinking an openid to another user rewrites the item, which moves it in the
 * index too: the user it left can no longer be pushed to on that WeChat account.
 */
const openidKey = (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'LOGIN' })
/** gsi1: a user's linked openids, latest last. */
const openidsOfUser = (userId: string) => `OPENIDS#${userId}`
const openidItem = (openid: string, userId: string, at: string) => ({
  ...openidKey(openid),
  gsi1pk: openidsOfUser(userId),
  gsi1sk: at,
  entity: 'OPENID',
  openid,
  userId,
  createdAt: at,
})

/** Access pattern: the WeChat openid a user last linked, for pushing to them; undefined when none. */
export async function findOpenidOfUser(userId: string): Promise<string | undefined> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': openidsOfUser(userId) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  )
  const item = result.Items?.[0]
  return item ? String(item.openid) : undefined
}

/**
 * Access pattern: the handlers of one department or task force. Reads the role's index partition
 * (every handler of the city: tens, a hundred at most) and keeps that unit's: no key of its own
 * is worth its upkeep at this size.
 */
export function listHandlersOfUnit(unit: { kind: 'department' | 'taskForce'; id: string }): Promise<UserRecord[]> {
  const [role, attribute] = unit.kind === 'department' ? ['department_handler', 'departmentId'] : ['taskforce_handler', 'taskForceId']
  return queryAll<UserRecord>({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    FilterExpression: '#unit = :unit',
    ExpressionAttributeNames: { '#unit': attribute },
    ExpressionAttributeValues: { ':pk': rolePartition(role as Role), ':unit': unit.id },
  })
}

/** Access pattern: who signs in with this openid. */
export async function findUserIdByOpenid(openid: string): Promise<string | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: openidKey(openid), ConsistentRead: true }))
  return result.Item ? String(result.Item.userId) : undefined
}

/**
 * Access pattern: first sign-in of a WeChat user: the profile and the openid link are written
 * together. Returns false when another request linked this openid first (the caller re-reads).
 */
export async function createUserForOpenid(user: UserRecord, openid: string, at: string): Promise<boolean> {
  try {
    await transactWrite([
      { Put: { TableName: TABLE, Item: openidItem(openid, user.id, at), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: TABLE, Item: { ...userKey(user.id), ...roleIndexKey(user), entity: 'USER', ...user }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ])
    return true
  } catch (error) {
    if (error instanceof WriteConflict) return false
    throw error
  }
}

/**
 * Access pattern: record the user's agreement to a version of the privacy guide, on their profile.
 * Returns false when the profile does not exist (deleted meanwhile).
 */
export async function recordPrivacyConsent(id: string, consent: { version: string; at: string }): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: userKey(id),
        UpdateExpression: 'SET privacyConsent = :consent',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':consent': consent },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Access pattern: every WeChat identity linked to a user (to show that one is, and to remove them with the account). */
export async function listOpenidsOfUser(userId: string): Promise<string[]> {
  const items = await queryAll<{ openid: string }>({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': openidsOfUser(userId) },
  })
  return items.map((item) => String(item.openid))
}

/**
 * Access pattern: remove a user's WeChat identities — each only while it still points at them
 * (an openid relinked to someone else meanwhile stays theirs).
 */
export async function unlinkOpenids(userId: string, openids: readonly string[]): Promise<void> {
  for (const openid of openids) {
    await dynamo
      .send(
        new DeleteCommand({
          TableName: TABLE,
          Key: openidKey(openid),
          ConditionExpression: 'userId = :user',
          ExpressionAttributeValues: { ':user': userId },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error
      })
  }
}

/** Access pattern: delete a user's profile (their account): from then on no session of theirs authenticates. */
export async function deleteUserProfile(id: string): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName: TABLE, Key: userKey(id) }))
}
