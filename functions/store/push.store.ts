import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { batchGetAll } from './batch'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { DeliveryStatus, SubscribeResult } from '@shared/schemas/notification.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import { transactWrite, WriteConflict } from './transact'

/*
 * WeChat pushes:
 *   PUSH#<userId> / BUDGET#<templateId>      how many messages of a template the user still
 *                                            accepted (one per "accept" at a subscription tap)
 *   DELIVERY#<notificationId> / wechat       where one notification's push stands; claimed with
 *                                            a condition before WeChat is called, in the same
 *                                            transaction as spending the budget
 *   TEXTCHECK#<sha256 of the text> / V2      WeChat's verdict on an enterprise-written text, so
 *                                            that a title is checked once, not once per push
 * Delivery records and verdicts expire with the notifications (TTL `expiresAt`).
 */
const RECORD_TTL_SECONDS = 180 * 86_400

const pushPartition = (userId: string) => `PUSH#${userId}`
const BUDGET = 'BUDGET#'
const budgetKey = (userId: string, templateId: string) => ({ pk: pushPartition(userId), sk: `${BUDGET}${templateId}` })
const deliveryKey = (notificationId: string) => ({ pk: `DELIVERY#${notificationId}`, sk: 'wechat' })
const verdictKey = (textHash: string) => ({ pk: `TEXTCHECK#${textHash}`, sk: 'V2' })
const expiry = (at: string) => Math.floor(Date.parse(at) / 1000) + RECORD_TTL_SECONDS

export interface BudgetRecord {
  templateId: string
  count: number
  lastResult?: SubscribeResult
  updatedAt: string
}

/** Access pattern: a user's budget for every template they were ever asked for (strongly consistent). */
export function getBudgets(userId: string): Promise<BudgetRecord[]> {
  return queryAll<BudgetRecord>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pushPartition(userId), ':prefix': BUDGET },
    ConsistentRead: true,
  })
}

/** Access pattern: one user's budget of one template (0 when never given). */
export async function getBudget(userId: string, templateId: string): Promise<number> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: budgetKey(userId, templateId), ConsistentRead: true }))
  return Math.max(0, Number(result.Item?.count ?? 0))
}

/** Access pattern: one user's standing with one template: messages left and their last answer. */
export async function getStanding(userId: string, templateId: string): Promise<{ count: number; lastResult?: SubscribeResult }> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: budgetKey(userId, templateId), ConsistentRead: true }))
  const lastResult = result.Item?.lastResult as SubscribeResult | undefined
  return { count: Math.max(0, Number(result.Item?.count ?? 0)), ...(lastResult ? { lastResult } : {}) }
}

/** Access pattern: the budgets of one template for many users (an area's specialists), by user id. */
export async function getBudgetsOf(userIds: readonly string[], templateId: string): Promise<Map<string, number>> {
  const userOfPk = new Map([...new Set(userIds)].map((id) => [budgetKey(id, templateId).pk, id]))
  const items = await batchGetAll([...userOfPk.keys()].map((pk) => ({ pk, sk: budgetKey('', templateId).sk })))
  return new Map(items.map((item) => [userOfPk.get(String(item.pk))!, Math.max(0, Number(item.count ?? 0))]))
}

/** Access pattern: the user answered a subscription request for a template: add what they accepted. */
export async function addToBudget(userId: string, templateId: string, accepted: number, result: SubscribeResult, at: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: budgetKey(userId, templateId),
      UpdateExpression: 'ADD #count :n SET templateId = :template, lastResult = :result, updatedAt = :at, entity = :entity',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':n': accepted, ':template': templateId, ':result': result, ':at': at, ':entity': 'PUSH_BUDGET' },
    }),
  )
}

export interface DeliveryRecord {
  notificationId: string
  userId: string
  status: DeliveryStatus
  /** Tries so far; a claim is one. */
  attempts: number
  templateId?: string
  updatedAt: string
  errcode?: number
  errmsg?: string
  /** The content check's verdict on the enterprise's words in it, when there were any. */
  verdict?: string
}

/** Access pattern: where a notification's push stands (strongly consistent). */
export async function getDelivery(notificationId: string): Promise<DeliveryRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: deliveryKey(notificationId), ConsistentRead: true }))
  return result.Item ? stripKeys<DeliveryRecord>(result.Item) : undefined
}

/** Whoever holds the record at `attempts`: a fresh notification (none yet) or one waiting to be retried. */
const STILL_OPEN = 'attribute_not_exists(pk) OR (#status = :retry AND attempts = :attempts)'

const deliveryItem = (record: DeliveryRecord) => ({ ...deliveryKey(record.notificationId), entity: 'DELIVERY', expiresAt: expiry(record.updatedAt), ...record })

/**
 * Access pattern: settle a push that will not be made (no openid, no budget, flagged content,
 * a template not set up), if nobody claimed it meanwhile. Returns false when someone did.
 */
export async function settleUnsent(record: DeliveryRecord, previousAttempts: number): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: deliveryItem(record),
        ConditionExpression: STILL_OPEN,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':retry': 'retry', ':attempts': previousAttempts },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

export type ClaimResult = 'claimed' | 'taken' | 'no_budget'

/**
 * Access pattern: claim a notification's push before calling WeChat, and spend one of the
 * recipient's messages of that template, in one transaction: either both or neither. 'taken'
 * when another deliverer claimed (or settled) it first; 'no_budget' when nothing is left.
 */
export async function claimDelivery(claim: {
  notificationId: string
  userId: string
  templateId: string
  previousAttempts: number
  at: string
  verdict?: string
  /** false for a long-term template: the claim alone, nothing counted. */
  spend?: boolean
}): Promise<ClaimResult> {
  const record: DeliveryRecord = {
    notificationId: claim.notificationId,
    userId: claim.userId,
    status: 'sending',
    attempts: claim.previousAttempts + 1,
    templateId: claim.templateId,
    updatedAt: claim.at,
    ...(claim.verdict ? { verdict: claim.verdict } : {}),
  }
  try {
    await transactWrite([
      {
        Put: {
          TableName: TABLE,
          Item: deliveryItem(record),
          ConditionExpression: STILL_OPEN,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':retry': 'retry', ':attempts': claim.previousAttempts },
        },
      },
      ...(claim.spend === false
        ? []
        : [
            {
              Update: {
                TableName: TABLE,
                Key: budgetKey(claim.userId, claim.templateId),
                UpdateExpression: 'SET #count = #count - :one',
                ConditionExpression: '#count >= :one',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ]),
    ])
    return 'claimed'
  } catch (error) {
    if (!(error instanceof WriteConflict)) throw error
    if (error.reasons[0] === 'ConditionalCheckFailed') return 'taken'
    if (error.reasons[1] === 'ConditionalCheckFailed') return 'no_budget'
    throw error
  }
}

/** The claim a finishing step must still hold: the same notification, status sending, the same attempt. */
interface Held {
  notificationId: string
  userId: string
  templateId: string
  attempts: number
  /** A long-term template's push spent nothing: nothing is given back, and a 43101 ends the accept. */
  longTerm?: boolean
}

const heldCondition = {
  ConditionExpression: '#status = :sending AND attempts = :attempts',
  names: { '#status': 'status' },
}

/** Access pattern: WeChat accepted the message. */
export async function markSent(held: Held, at: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: deliveryKey(held.notificationId),
      UpdateExpression: 'SET #status = :sent, updatedAt = :at',
      ConditionExpression: heldCondition.ConditionExpression,
      ExpressionAttributeNames: heldCondition.names,
      ExpressionAttributeValues: { ':sent': 'sent', ':at': at, ':sending': 'sending', ':attempts': held.attempts },
    }),
  )
}

/**
 * Access pattern: WeChat did not take the message (busy, or refused it for a reason of ours):
 * the push is set to `retry` or `failed` and the message spent on it is given back, together.
 */
export async function releaseClaim(held: Held, status: 'retry' | 'failed', error: { errcode: number; errmsg: string }, at: string): Promise<void> {
  await transactWrite([
    {
      Update: {
        TableName: TABLE,
        Key: deliveryKey(held.notificationId),
        UpdateExpression: 'SET #status = :status, updatedAt = :at, errcode = :errcode, errmsg = :errmsg',
        ConditionExpression: heldCondition.ConditionExpression,
        ExpressionAttributeNames: heldCondition.names,
        ExpressionAttributeValues: { ':status': status, ':at': at, ':errcode': error.errcode, ':errmsg': error.errmsg, ':sending': 'sending', ':attempts': held.attempts },
      },
    },
    ...(held.longTerm
      ? []
      : [
          {
            Update: {
              TableName: TABLE,
              Key: budgetKey(held.userId, held.templateId),
              UpdateExpression: 'ADD #count :one',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ]),
  ])
}

/**
 * Access pattern: WeChat answered 43101, the user has no subscription left for the template
 * (whatever our count said): the push is refused and the count set to zero, together.
 */
export async function markRefused(held: Held, error: { errcode: number; errmsg: string }, at: string): Promise<void> {
  await transactWrite([
    {
      Update: {
        TableName: TABLE,
        Key: deliveryKey(held.notificationId),
        UpdateExpression: 'SET #status = :refused, updatedAt = :at, errcode = :errcode, errmsg = :errmsg',
        ConditionExpression: heldCondition.ConditionExpression,
        ExpressionAttributeNames: heldCondition.names,
        ExpressionAttributeValues: { ':refused': 'refused', ':at': at, ':errcode': error.errcode, ':errmsg': error.errmsg, ':sending': 'sending', ':attempts': held.attempts },
      },
    },
    {
      Update: {
        TableName: TABLE,
        Key: budgetKey(held.userId, held.templateId),
        // A long-term accept is over too: the user turned the template off, the app asks again.
        UpdateExpression: held.longTerm ? 'SET #count = :zero, updatedAt = :at, lastResult = :off' : 'SET #count = :zero, updatedAt = :at',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':zero': 0, ':at': at, ...(held.longTerm ? { ':off': 'reject' } : {}) },
      },
    },
  ])
}

export interface TextVerdictRecord {
  suggest: 'pass' | 'review' | 'risky'
  label: number
  checkedAt: string
}

/** Access pattern: WeChat's earlier verdict on a text, by the text's hash. */
export async function getTextVerdict(textHash: string): Promise<TextVerdictRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: verdictKey(textHash) }))
  return result.Item ? stripKeys<TextVerdictRecord>(result.Item) : undefined
}

/** Access pattern: keep WeChat's verdict on a text. */
export async function putTextVerdict(textHash: string, verdict: TextVerdictRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...verdictKey(textHash), entity: 'TEXT_VERDICT', expiresAt: expiry(verdict.checkedAt), ...verdict } }))
}

/** Access pattern: forget a user's subscription counts (their account is deleted). */
export async function deleteBudgetsOf(userId: string): Promise<void> {
  for (const record of await getBudgets(userId)) {
    await dynamo.send(new DeleteCommand({ TableName: TABLE, Key: budgetKey(userId, record.templateId) }))
  }
}
