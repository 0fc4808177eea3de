import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'
import { queryAll } from './query-all'
import { transactWrite, WriteConflict, type TransactItems } from './transact'

/*
 * 送政策 (sending a policy to enterprises) and who opened it, per policy in one partition that
 * the coverage reads with one Query (an area's with begins_with):
 *   POLICYREACH#<policyId> / SENT#<areaId>#<enterpriseId>   sent once to an enterprise, with who sent it
 *   POLICYREACH#<policyId> / OPEN#<areaId>#<enterpriseId>   an enterprise user first opened it
 */
const reachPk = (policyId: string) => `POLICYREACH#${policyId}`
const sentKey = (policyId: string, areaId: string, enterpriseId: string) => ({ pk: reachPk(policyId), sk: `SENT#${areaId}#${enterpriseId}` })
const openKey = (policyId: string, areaId: string, enterpriseId: string) => ({ pk: reachPk(policyId), sk: `OPEN#${areaId}#${enterpriseId}` })
const sentOfArea = (areaId: string) => `SENT#${areaId}#`
const openOfArea = (areaId: string) => `OPEN#${areaId}#`

export interface PolicyReachItem {
  kind: 'sent' | 'open'
  areaId: string
  enterpriseId: string
  at: string
}

/**
 * Access pattern: record a sending to one enterprise with its notifications, in one transaction;
 * false (nothing written) when the policy had been sent to the enterprise before.
 */
export async function recordPolicySent(
  input: { policyId: string; areaId: string; enterpriseId: string; at: string; byId: string; byName: string },
  notifications: TransactItems,
): Promise<boolean> {
  try {
    await transactWrite([
      {
        Put: {
          TableName: TABLE,
          Item: { ...sentKey(input.policyId, input.areaId, input.enterpriseId), entity: 'POLICY_SENT', kind: 'sent', areaId: input.areaId, enterpriseId: input.enterpriseId, at: input.at, byId: input.byId, byName: input.byName },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...notifications,
    ])
    return true
  } catch (error) {
    if (error instanceof WriteConflict && error.reasons[0] === 'ConditionalCheckFailed') return false
    throw error
  }
}

/** Access pattern: record an enterprise's first open of a policy; false when it had opened it before. */
export async function recordPolicyOpen(input: { policyId: string; areaId: string; enterpriseId: string; at: string }): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...openKey(input.policyId, input.areaId, input.enterpriseId), entity: 'POLICY_OPEN', kind: 'open', areaId: input.areaId, enterpriseId: input.enterpriseId, at: input.at },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Access pattern: a policy's sendings and opens, of every area or of one (one Query per kind for an area). */
export async function listPolicyReach(policyId: string, areaId?: string): Promise<PolicyReachItem[]> {
  const read = (prefix: string) =>
    queryAll<PolicyReachItem>({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': reachPk(policyId), ':prefix': prefix },
    })
  if (areaId) return (await Promise.all([read(sentOfArea(areaId)), read(openOfArea(areaId))])).flat()
  return queryAll<PolicyReachItem>({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': reachPk(policyId) } })
}
