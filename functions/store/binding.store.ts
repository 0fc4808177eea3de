import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { BindingStatus, StaffMember } from '@shared/schemas/user.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys, userPartition } from './keys'
import { queryAll } from './query-all'

/*
 * A staff member's binding to an enterprise lives in the user's partition, USER#<u> / BINDING#<ent>,
 * so one Query gives everything a request needs to authorise a staff member.
 *   gsi1  ENT-STAFF#<ent> / <userId>            the enterprise's people, for its approvers
 *   gsi2  PENDING-AREA#<area> / <requestedAt>…  while pending: the area admin's queue
 *   gsi3  PENDING-SP#<sp> / <requestedAt>…      while pending: the specialist's queue
 * The pending indexes are removed when a decision is made, so the queues hold only open requests.
 */
export interface BindingRecord extends StaffMember {
  areaId: string
  specialistId: string | null
  via: 'card' | 'demo'
  cardId?: string
}

const bindingKey = (userId: string, enterpriseId: string) => ({ pk: userPartition(userId), sk: `BINDING#${enterpriseId}` })
/** gsi2 / gsi3: the pending join requests of an area, of a specialist. */
const pendingOfArea = (areaId: string) => `PENDING-AREA#${areaId}`
const pendingOfSpecialist = (specialistId: string) => `PENDING-SP#${specialistId}`
/** gsi1: an enterprise's staff. */
const enterpriseStaff = (enterpriseId: string) => `ENT-STAFF#${enterpriseId}`
const pendingOrder = (b: BindingRecord) => `${b.requestedAt}#${b.userId}#${b.enterpriseId}`

function bindingItem(b: BindingRecord) {
  const pending =
    b.status === 'pending'
      ? {
          gsi2pk: pendingOfArea(b.areaId),
          gsi2sk: pendingOrder(b),
          ...(b.specialistId ? { gsi3pk: pendingOfSpecialist(b.specialistId), gsi3sk: pendingOrder(b) } : {}),
        }
      : {}
  return { ...bindingKey(b.userId, b.enterpriseId), entity: 'BINDING', gsi1pk: enterpriseStaff(b.enterpriseId), gsi1sk: b.userId, ...pending, ...b }
}

/** Access pattern: a user's bindings. */
export async function listBindings(userId: string): Promise<BindingRecord[]> {
  return (await readStaffPartition(userId)).bindings
}

/**
 * Access pattern: a staff member's profile and bindings in one Query of their partition, read on
 * every request: a decision, or the name they gave when binding, bites at the next request.
 */
export async function readStaffPartition(userId: string): Promise<{ name?: string; bindings: BindingRecord[] }> {
  const result = await dynamo.send(
    new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': userPartition(userId) } }),
  )
  let name: string | undefined
  const bindings: BindingRecord[] = []
  for (const item of result.Items ?? []) {
    if (item.entity === 'BINDING') bindings.push(stripKeys<BindingRecord>(item))
    else if (item.entity === 'USER') name = String(item.name)
  }
  return { name, bindings }
}

/** Access pattern: one user's binding to one enterprise. */
export async function getBinding(userId: string, enterpriseId: string): Promise<BindingRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: bindingKey(userId, enterpriseId), ConsistentRead: true }))
  return result.Item ? stripKeys<BindingRecord>(result.Item) : undefined
}

/** Access pattern: write a binding as given (demo logins, tests). */
export async function putBinding(binding: BindingRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: bindingItem(binding) }))
}

/**
 * Access pattern: ask to join an enterprise. Creates a pending binding unless one that still
 * counts (pending or approved) exists; a rejected or revoked user may ask again.
 * Returns the binding as it now stands.
 */
export async function requestBinding(binding: BindingRecord): Promise<BindingRecord> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: bindingItem({ ...binding, status: 'pending' }),
        ConditionExpression: 'attribute_not_exists(pk) OR #status IN (:rejected, :revoked)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':rejected': 'rejected', ':revoked': 'revoked' },
      }),
    )
    return { ...binding, status: 'pending' }
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
    const existing = await getBinding(binding.userId, binding.enterpriseId)
    if (!existing) throw error
    return existing
  }
}

/**
 * Access pattern: decide a binding, only if it is still in one of `from` (two approvers acting at
 * once cannot both win). Returns undefined when the binding was not in `from`.
 */
export async function decideBinding(
  userId: string,
  enterpriseId: string,
  from: readonly BindingStatus[],
  to: BindingStatus,
  decidedBy: string,
  at: string,
): Promise<BindingRecord | undefined> {
  try {
    const result = await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: bindingKey(userId, enterpriseId),
        UpdateExpression: 'SET #status = :to, decidedBy = :by, decidedAt = :at REMOVE gsi2pk, gsi2sk, gsi3pk, gsi3sk',
        ConditionExpression: `attribute_exists(pk) AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':to': to, ':by': decidedBy, ':at': at, ...Object.fromEntries(from.map((s, i) => [`:from${i}`, s])) },
        ReturnValues: 'ALL_NEW',
      }),
    )
    return result.Attributes ? stripKeys<BindingRecord>(result.Attributes) : undefined
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined
    throw error
  }
}

const queryIndex = (index: 'gsi1' | 'gsi2' | 'gsi3', pk: string, newestFirst = false) =>
  queryAll<BindingRecord>({
    TableName: TABLE,
    IndexName: index,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': `${index}pk` },
    ExpressionAttributeValues: { ':pk': pk },
    ScanIndexForward: !newestFirst,
  })

/** Access pattern: everyone bound or asking to be bound to one enterprise. */
export const listEnterpriseStaff = (enterpriseId: string) => queryIndex('gsi1', enterpriseStaff(enterpriseId))

/** Access pattern: open join requests of an area, newest first (the area admin's queue). */
export const listPendingOfArea = (areaId: string) => queryIndex('gsi2', pendingOfArea(areaId), true)

/** Access pattern: open join requests for a specialist's enterprises, newest first. */
export const listPendingOfSpecialist = (specialistId: string) => queryIndex('gsi3', pendingOfSpecialist(specialistId), true)

/**
 * Access pattern: a reassigned enterprise's open join requests move from the old specialist's
 * queue to the new one's; only those still in the old one's, so that a late finisher of an
 * earlier move cannot pull them back.
 */
export async function movePendingBindings(enterpriseId: string, from: string | null, specialistId: string | null): Promise<void> {
  const pending = (await listEnterpriseStaff(enterpriseId)).filter((b) => b.status === 'pending' && (b.specialistId ?? null) === from)
  for (const binding of pending) {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: bindingKey(binding.userId, enterpriseId),
        UpdateExpression: specialistId ? 'SET specialistId = :sp, gsi3pk = :pk, gsi3sk = :sk' : 'SET specialistId = :sp REMOVE gsi3pk, gsi3sk',
        ConditionExpression: `#status = :pending AND ${from === null ? '(attribute_not_exists(specialistId) OR specialistId = :from)' : 'specialistId = :from'}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sp': specialistId,
          ':from': from,
          ':pending': 'pending',
          ...(specialistId ? { ':pk': pendingOfSpecialist(specialistId), ':sk': pendingOrder(binding) } : {}),
        },
      }),
    ).catch((error: unknown) => {
      // Decided or moved in the meantime: nothing to move.
      if (!(error instanceof ConditionalCheckFailedException)) throw error
    })
  }
}

/** Access pattern: remove every binding of a user (their account is deleted); the pending queues lose them with the items. */
export async function deleteBindingsOf(userId: string): Promise<void> {
  for (const binding of await listBindings(userId)) {
    await dynamo.send(new DeleteCommand({ TableName: TABLE, Key: bindingKey(userId, binding.enterpriseId) }))
  }
}
