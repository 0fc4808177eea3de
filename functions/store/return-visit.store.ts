import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { ReturnVisit, SampleStratum } from '@shared/schemas/return-visit.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchWriteAll } from './batch'
import { stripKeys } from './keys'
import { queryAll } from './query-all'

/*
 * Sample of a month, per area   RVSAMPLE#<month> / AREA#<areaId>
 *   the stratum as drawn (rule, seed, sizes) and its plan: the visit id of each sampled appeal.
 *   `state` is drawing until every planned visit is written, then drawn.
 * Return visit                  RV#<id> / RV
 *   gsi1  RVLIST#<areaId>#<month> / <closedAt>#<id>   an area's call list of the month
 * Every key of the entity is spelled here, once.
 */
const samplePartition = (month: string) => `RVSAMPLE#${month}`
const stratumKey = (month: string, areaId: string) => ({ pk: samplePartition(month), sk: `AREA#${areaId}` })
const visitKey = (id: string) => ({ pk: `RV#${id}`, sk: 'RV' })
const listPk = (areaId: string, month: string) => `RVLIST#${areaId}#${month}`

/** A planned visit: which appeal it calls back about. */
export interface PlannedVisit {
  visitId: string
  appealId: string
}

export interface StoredStratum extends SampleStratum {
  state: 'drawing' | 'drawn'
  plan: PlannedVisit[]
}

/** Access pattern: one area's sample of a month, if drawn (or being drawn). */
export async function getStratum(month: string, areaId: string): Promise<StoredStratum | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: stratumKey(month, areaId), ConsistentRead: true }))
  return result.Item ? stripKeys<StoredStratum>(result.Item) : undefined
}

/** Access pattern: every area's sample of a month (the city's view): one partition, one item per area. */
export const listStrata = (month: string): Promise<StoredStratum[]> =>
  queryAll<StoredStratum>({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': samplePartition(month) }, ConsistentRead: true })

/** Access pattern: claims an area's month for a sample; false when one is there already (drawn by someone else first). */
export async function claimStratum(stratum: StoredStratum): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...stratumKey(stratum.month, stratum.areaId), entity: 'RV_SAMPLE', ...stratum },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Access pattern: every planned visit is written; the sample is complete. */
export async function markStratumDrawn(month: string, areaId: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({ TableName: TABLE, Key: stratumKey(month, areaId), UpdateExpression: 'SET #state = :drawn', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':drawn': 'drawn' } }),
  )
}

function visitItem(visit: ReturnVisit): Record<string, unknown> {
  return { ...visitKey(visit.id), gsi1pk: listPk(visit.areaId, visit.month), gsi1sk: `${visit.closedAt}#${visit.id}`, entity: 'RETURN_VISIT', ...visit }
}

/**
 * Access pattern: the visits of a sample just claimed, written in batches of 25. Their ids are new
 * and only the claim's plan names them, so nothing of theirs can be overwritten but what a
 * concurrent finisher of the same plan wrote moments before: the same visits, not yet called.
 */
export const putNewVisits = (visits: readonly ReturnVisit[]): Promise<void> => batchWriteAll(visits.map(visitItem))

/** Access pattern: writes a planned visit unless it is there already (a sample finished after an interruption keeps the calls made). */
export async function putVisitIfAbsent(visit: ReturnVisit): Promise<void> {
  try {
    await dynamo.send(new PutCommand({ TableName: TABLE, Item: visitItem(visit), ConditionExpression: 'attribute_not_exists(pk)' }))
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
  }
}

/** Access pattern: one return visit by id. */
export async function getReturnVisit(id: string): Promise<ReturnVisit | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: visitKey(id), ConsistentRead: true }))
  return result.Item ? stripKeys<ReturnVisit>(result.Item) : undefined
}

/** Access pattern: an area's return visits of a month (a sample: tens to hundreds), by closing time. */
export const listReturnVisits = (areaId: string, month: string): Promise<ReturnVisit[]> =>
  queryAll<ReturnVisit>({ TableName: TABLE, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': listPk(areaId, month) } })

/**
 * Access pattern: a call recorded — the visit replaced only if it still has the attempts it was
 * decided on and no outcome, so two callers at once never lose a call. False when it moved meanwhile.
 */
export async function saveCall(visit: ReturnVisit, attemptsBefore: number): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: visitItem(visit),
        ConditionExpression: 'attribute_exists(pk) AND size(attempts) = :n AND attribute_not_exists(outcome)',
        ExpressionAttributeValues: { ':n': attemptsBefore },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}
