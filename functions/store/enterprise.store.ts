import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { CountDelta } from '@shared/domain/appeal-counts'
import { ValidationError } from '@shared/errors'
import type { Enterprise, Scale } from '@shared/schemas/catalog.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import type { TransactItems } from './transact'

/*
 * ENTERPRISE#<id> / PROFILE
 *   gsi1  ENTERPRISES#<area> / <id>                 an area's enterprises
 *   gsi2  PORTFOLIO#<specialistId|none> / <area>#<id>  a specialist's portfolio (none = duty queue)
 * Counters `openAppeals` / `closedAppeals` move in the same transaction as the appeal that
 * changes them, so the card and the lists never count appeals one by one.
 */
export interface EnterpriseRecord extends Enterprise {
  contact?: { name: string; phone: string }
  cardId?: string
  openAppeals?: number
  closedAppeals?: number
}

/** The fields a roster or the seed owns; counters and the card are the system's. */
export type EnterpriseProfile = Omit<EnterpriseRecord, 'cardId' | 'openAppeals' | 'closedAppeals'>

const enterpriseKey = (id: string) => ({ pk: `ENTERPRISE#${id}`, sk: 'PROFILE' })
const portfolioPk = (specialistId: string | null) => `PORTFOLIO#${specialistId ?? 'none'}`
const portfolioSk = (e: Pick<Enterprise, 'areaId' | 'id'>) => `${e.areaId}#${e.id}`

/** Access pattern: one enterprise by id (routing reads its specialist from here). */
export async function getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: enterpriseKey(id), ConsistentRead: true }))
  return result.Item ? stripKeys<EnterpriseRecord>(result.Item) : undefined
}

/** Access pattern: the first enterprises of an area, ordered by id (demo identities). */
export async function listEnterprisesOfArea(areaId: string, limit: number): Promise<EnterpriseRecord[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `ENTERPRISES#${areaId}` },
      Limit: limit,
    }),
  )
  return (result.Items ?? []).map((item) => stripKeys<EnterpriseRecord>(item))
}

/** Access pattern: every enterprise of an area (roster import, specialist lists, print sheets). */
export const listAllEnterprisesOfArea = (areaId: string) =>
  queryAll<EnterpriseRecord>({ TableName: TABLE, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `ENTERPRISES#${areaId}` } })

/** Access pattern: a specialist's whole portfolio (handover, portfolio size). */
export const listPortfolio = (specialistId: string) =>
  queryAll<EnterpriseRecord>({ TableName: TABLE, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': portfolioPk(specialistId) } })

export interface EnterpriseQuery {
  areaId?: string
  specialistId?: string
  scale?: Scale
  hasOpenAppeals?: boolean
  limit: number
  cursor?: string
}

const encodeCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url')
function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (key && typeof key === 'object' && typeof (key as Record<string, unknown>).pk === 'string') return key as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new ValidationError('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' })
}

/**
 * Access pattern: one page of an area's enterprises or of a specialist's portfolio, filtered by
 * scale and by whether appeals are open. A filtered page may come back short with a cursor.
 */
export async function queryEnterprises(query: EnterpriseQuery): Promise<{ items: EnterpriseRecord[]; cursor: string | null }> {
  const byPortfolio = query.specialistId !== undefined
  const filters: string[] = []
  const values: Record<string, unknown> = { ':pk': byPortfolio ? portfolioPk(query.specialistId!) : `ENTERPRISES#${query.areaId}` }
  const filter = (expression: string, name: string, value: unknown) => {
    filters.push(expression)
    values[name] = value
  }
  if (byPortfolio && query.areaId) filter('areaId = :area', ':area', query.areaId)
  if (query.scale) filter('scale = :scale', ':scale', query.scale)
  if (query.hasOpenAppeals === true) filter('openAppeals > :zero', ':zero', 0)
  if (query.hasOpenAppeals === false) filter('(attribute_not_exists(openAppeals) OR openAppeals = :zero)', ':zero', 0)
  const index = byPortfolio ? 'gsi2' : 'gsi1'
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeValues: values,
      Limit: query.limit,
      ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor) : undefined,
    }),
  )
  return {
    items: (page.Items ?? []).map((item) => stripKeys<EnterpriseRecord>(item)),
    cursor: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : null,
  }
}

/**
 * Access pattern: create or update an enterprise's profile (seed, roster import). The counters
 * and the card are kept: a re-import must not reset what the appeals have counted.
 */
export async function upsertEnterprise(profile: EnterpriseProfile): Promise<EnterpriseRecord> {
  // Callers may hand over a whole stored record; whatever the system owns is never overwritten.
  const { id, cardId: _card, openAppeals: _open, closedAppeals: _closed, ...fields } = profile as EnterpriseRecord
  const set: Record<string, unknown> = {
    ...fields,
    id,
    entity: 'ENTERPRISE',
    gsi1pk: `ENTERPRISES#${profile.areaId}`,
    gsi1sk: id,
    gsi2pk: portfolioPk(profile.specialistId),
    gsi2sk: portfolioSk(profile),
  }
  const names = Object.fromEntries(Object.keys(set).map((k, i) => [`#f${i}`, k]))
  const values = Object.fromEntries(Object.values(set).map((v, i) => [`:v${i}`, v]))
  const assignments = Object.keys(set).map((_, i) => `#f${i} = :v${i}`)
  const result = await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: enterpriseKey(id),
      UpdateExpression: `SET ${assignments.join(', ')}, openAppeals = if_not_exists(openAppeals, :zero), closedAppeals = if_not_exists(closedAppeals, :zero)`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...values, ':zero': 0 },
      ReturnValues: 'ALL_NEW',
    }),
  )
  return stripKeys<EnterpriseRecord>(result.Attributes ?? {})
}

/** Access pattern: load or refresh many enterprises (seed, roster import), a few at a time. */
export async function upsertEnterprises(profiles: EnterpriseProfile[], concurrency = 12): Promise<EnterpriseRecord[]> {
  const results: EnterpriseRecord[] = new Array(profiles.length)
  let next = 0
  const worker = async () => {
    while (next < profiles.length) {
      const i = next++
      results[i] = await upsertEnterprise(profiles[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, profiles.length) }, worker))
  return results
}

/**
 * Access pattern: move an enterprise to another specialist, only if it is still with `from`
 * (two admins moving it at once cannot both win). Returns false when it was not.
 */
export async function setSpecialist(enterprise: Pick<Enterprise, 'id' | 'areaId'>, from: string | null, to: string): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: enterpriseKey(enterprise.id),
        UpdateExpression: 'SET specialistId = :to, gsi2pk = :pk, gsi2sk = :sk',
        ConditionExpression: from === null ? 'attribute_exists(pk) AND (attribute_not_exists(specialistId) OR specialistId = :null)' : 'specialistId = :from',
        ExpressionAttributeValues: { ':to': to, ':pk': portfolioPk(to), ':sk': portfolioSk(enterprise), ...(from === null ? { ':null': null } : { ':from': from }) },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** A transaction item that moves an enterprise's appeal counters (nothing when the delta is zero). */
export function counterUpdate(enterpriseId: string, delta: CountDelta): TransactItems {
  if (delta.open === 0 && delta.closed === 0) return []
  return [
    {
      Update: {
        TableName: TABLE,
        Key: enterpriseKey(enterpriseId),
        UpdateExpression: 'ADD openAppeals :open, closedAppeals :closed',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':open': delta.open, ':closed': delta.closed },
      },
    },
  ]
}

/** A transaction item that records an enterprise's card, once. */
export function cardAssignment(enterpriseId: string, cardId: string): TransactItems[number] {
  return {
    Update: {
      TableName: TABLE,
      Key: enterpriseKey(enterpriseId),
      UpdateExpression: 'SET cardId = :card',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(cardId)',
      ExpressionAttributeValues: { ':card': cardId },
    },
  }
}
