import { ConditionalCheckFailedException, TransactionConflictException } from '@aws-sdk/client-dynamodb'
import { GetCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb'
import type { Actor } from '@shared/domain/actor'
import type { CountDelta } from '@shared/domain/appeal-counts'
import type { EnterpriseSearchTerms } from '@shared/domain/enterprise-search'
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
 * `pendingMove` is set while the enterprise moves to another specialist (see PendingMove).
 */
export interface EnterpriseRecord extends Enterprise {
  contact?: { name: string; phone: string }
  cardId?: string
  openAppeals?: number
  closedAppeals?: number
  pendingMove?: PendingMove
  /** When the latest visit (走访) recorded for it took place. */
  lastVisitAt?: string
}

/**
 * A move to another specialist that has claimed the enterprise (its specialist is already `to`)
 * but may not have moved every open appeal from `from` yet. Whoever finds it finishes it first:
 * the request repeated after a crash, or the next move of the enterprise.
 */
export interface PendingMove {
  /** This move's own id: only a finisher of this move may clear the mark. */
  id: string
  from: string | null
  to: { id: string; name: string }
  reason: string
  /** Who asked for the move; the appeals' timelines name them, whoever finishes it. */
  by: Pick<Actor, 'id' | 'name' | 'role'>
  startedAt: string
}

/** The fields a roster or the seed owns; counters, the card and a move in progress are the system's. */
export type EnterpriseProfile = Omit<EnterpriseRecord, 'cardId' | 'openAppeals' | 'closedAppeals' | 'pendingMove' | 'lastVisitAt'>

const enterpriseKey = (id: string) => ({ pk: `ENTERPRISE#${id}`, sk: 'PROFILE' })
const portfolioPk = (specialistId: string | null) => `PORTFOLIO#${specialistId ?? 'none'}`
/** gsi1: an area's enterprises. */
const areaEnterprises = (areaId: string) => `ENTERPRISES#${areaId}`
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
      ExpressionAttributeValues: { ':pk': areaEnterprises(areaId) },
      Limit: limit,
    }),
  )
  return (result.Items ?? []).map((item) => stripKeys<EnterpriseRecord>(item))
}

/** Access pattern: every enterprise of an area (roster import, specialist lists, print sheets). */
export const listAllEnterprisesOfArea = (areaId: string) =>
  queryAll<EnterpriseRecord>({ TableName: TABLE, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': areaEnterprises(areaId) } })

/** Access pattern: a specialist's whole portfolio (handover, portfolio size). */
export const listPortfolio = (specialistId: string) =>
  queryAll<EnterpriseRecord>({ TableName: TABLE, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': portfolioPk(specialistId) } })

export interface EnterpriseQuery {
  areaId?: string
  specialistId?: string
  scale?: Scale
  hasOpenAppeals?: boolean
  /** A roster search (shared/domain/enterprise-search.ts): any of its terms matching keeps the enterprise. */
  search?: EnterpriseSearchTerms
  limit: number
  /** Resume after this index position (the `next` of the page before); none: the first page. */
  after?: string
}

/**
 * The start key of a page that resumes after `position`, the sort key where the page before
 * stopped (gsi1 `<id>`, gsi2 `<area>#<id>`): built here, in the query's own partition, with the
 * table key that follows from the enterprise id — never taken from a client.
 */
function startKeyAfter(index: 'gsi1' | 'gsi2', partition: string, position: string) {
  const id = index === 'gsi1' ? position : position.slice(position.indexOf('#') + 1)
  return { ...enterpriseKey(id), [`${index}pk`]: partition, [`${index}sk`]: position }
}

/**
 * Access pattern: one page of an area's enterprises or of a specialist's portfolio, filtered by
 * scale, by whether appeals are open and by a search. A filtered page may come back short with a
 * `next`: `limit` enterprises of the partition are read, and only the matching ones returned.
 */
export async function queryEnterprises(query: EnterpriseQuery): Promise<{ items: EnterpriseRecord[]; next: string | null }> {
  const byPortfolio = query.specialistId !== undefined
  const filters: string[] = []
  const values: Record<string, unknown> = { ':pk': byPortfolio ? portfolioPk(query.specialistId!) : areaEnterprises(query.areaId!) }
  const filter = (expression: string, name: string, value: unknown) => {
    filters.push(expression)
    values[name] = value
  }
  if (byPortfolio && query.areaId) filter('areaId = :area', ':area', query.areaId)
  if (query.scale) filter('scale = :scale', ':scale', query.scale)
  if (query.hasOpenAppeals === true) filter('openAppeals > :zero', ':zero', 0)
  if (query.hasOpenAppeals === false) filter('(attribute_not_exists(openAppeals) OR openAppeals = :zero)', ':zero', 0)
  const names: Record<string, string> = {}
  if (query.search) {
    const { text, code, phone } = query.search
    Object.assign(names, { '#name': 'name', '#contact': 'contact' })
    Object.assign(values, { ':text': text, ':code': code })
    const either = ['contains(#name, :text)', 'contains(creditCode, :code)', 'contains(#contact.#name, :text)']
    if (phone !== null) {
      names['#phone'] = 'phone'
      values[':phone'] = phone
      either.push('contains(#contact.#phone, :phone)')
    }
    filters.push(`(${either.join(' OR ')})`)
  }
  const index = byPortfolio ? 'gsi2' : 'gsi1'
  const partition = values[':pk'] as string
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      Limit: query.limit,
      ExclusiveStartKey: query.after ? startKeyAfter(index, partition, query.after) : undefined,
    }),
  )
  return {
    items: (page.Items ?? []).map((item) => stripKeys<EnterpriseRecord>(item)),
    next: page.LastEvaluatedKey ? String(page.LastEvaluatedKey[`${index}sk`]) : null,
  }
}

/**
 * Access pattern: create or update an enterprise's profile (seed, roster import). The counters,
 * the card and the specialist are kept: a re-import must not reset what the appeals have counted,
 * and only a move (claimMove) changes the specialist of a stored enterprise, so that its open
 * appeals follow and a move running meanwhile is not undone. A new enterprise starts with the
 * profile's specialist.
 */
export async function upsertEnterprise(profile: EnterpriseProfile): Promise<EnterpriseRecord> {
  // Callers may hand over a whole stored record; whatever the system owns is never overwritten.
  const { id, cardId: _card, openAppeals: _open, closedAppeals: _closed, pendingMove: _move, lastVisitAt: _visit, specialistId, ...fields } = profile as EnterpriseRecord
  const set: Record<string, unknown> = {
    ...fields,
    id,
    entity: 'ENTERPRISE',
    gsi1pk: areaEnterprises(profile.areaId),
    gsi1sk: id,
    gsi2sk: portfolioSk(profile),
  }
  const names = Object.fromEntries(Object.keys(set).map((k, i) => [`#f${i}`, k]))
  const values = Object.fromEntries(Object.values(set).map((v, i) => [`:v${i}`, v]))
  const assignments = Object.keys(set).map((_, i) => `#f${i} = :v${i}`)
  const result = await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: enterpriseKey(id),
      UpdateExpression:
        `SET ${assignments.join(', ')}, specialistId = if_not_exists(specialistId, :specialist), gsi2pk = if_not_exists(gsi2pk, :portfolio), ` +
        'openAppeals = if_not_exists(openAppeals, :zero), closedAppeals = if_not_exists(closedAppeals, :zero)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...values, ':specialist': specialistId ?? null, ':portfolio': portfolioPk(specialistId ?? null), ':zero': 0 },
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

/** The condition "the enterprise's specialist is `specialistId`" (null: none, the duty queue). */
const hasSpecialist = (specialistId: string | null) =>
  specialistId === null
    ? { expression: 'attribute_exists(pk) AND (attribute_not_exists(specialistId) OR specialistId = :expectedSpecialist)', values: { ':expectedSpecialist': null } }
    : { expression: 'specialistId = :expectedSpecialist', values: { ':expectedSpecialist': specialistId } }

const TRANSACTION_CONFLICT_RETRIES = 4

/**
 * One conditional write of the enterprise item: true when written, false when its condition
 * failed. Every appeal filed or closed updates this item's counters in a transaction; colliding
 * with one in flight is no answer to the condition, so the write is tried again.
 */
async function conditionalUpdate(input: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamo.send(new UpdateCommand({ TableName: TABLE, ...input }))
      return true
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false
      if (!(error instanceof TransactionConflictException) || attempt > TRANSACTION_CONFLICT_RETRIES) throw error
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 25))
    }
  }
}

/**
 * Access pattern: claim an enterprise for a move to another specialist. One conditional write
 * sets the new specialist and records the move as pending, only if the enterprise is still with
 * `move.from` and no other move is pending: of two admins moving it at once, exactly one claims
 * it. Returns false when the claim was lost.
 */
export function claimMove(enterprise: Pick<Enterprise, 'id' | 'areaId'>, move: PendingMove): Promise<boolean> {
  const stillWith = hasSpecialist(move.from)
  return conditionalUpdate({
    Key: enterpriseKey(enterprise.id),
    UpdateExpression: 'SET specialistId = :to, gsi2pk = :pk, gsi2sk = :sk, #move = :move',
    ConditionExpression: `${stillWith.expression} AND attribute_not_exists(#move)`,
    ExpressionAttributeNames: { '#move': 'pendingMove' },
    ExpressionAttributeValues: { ':to': move.to.id, ':pk': portfolioPk(move.to.id), ':sk': portfolioSk(enterprise), ':move': move, ...stillWith.values },
  })
}

/** Access pattern: a move has moved everything that follows the enterprise; clear its mark (once). */
export async function clearMove(enterpriseId: string, moveId: string): Promise<void> {
  // False when another finisher of the same move cleared it first: nothing left to do.
  await conditionalUpdate({
    Key: enterpriseKey(enterpriseId),
    UpdateExpression: 'REMOVE #move',
    ConditionExpression: '#move.#id = :id',
    ExpressionAttributeNames: { '#move': 'pendingMove', '#id': 'id' },
    ExpressionAttributeValues: { ':id': moveId },
  })
}

/**
 * A transaction item that moves an enterprise's appeal counters (nothing when the delta is zero).
 * With `routedBy` (filing a new appeal) the item is written only if the enterprise still has the
 * specialist the appeal was routed to: when a move claimed the enterprise meanwhile, the filing
 * fails as a write conflict and is routed again, so no appeal is filed to the specialist it left.
 */
export function counterUpdate(enterpriseId: string, delta: CountDelta, routedBy?: { specialistId: string | null }): TransactItems {
  if (delta.open === 0 && delta.closed === 0 && !routedBy) return []
  const routed = routedBy ? hasSpecialist(routedBy.specialistId) : undefined
  return [
    {
      Update: {
        TableName: TABLE,
        Key: enterpriseKey(enterpriseId),
        UpdateExpression: 'ADD openAppeals :open, closedAppeals :closed',
        ConditionExpression: routed ? `attribute_exists(pk) AND (${routed.expression})` : 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':open': delta.open, ':closed': delta.closed, ...routed?.values },
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

/**
 * A transaction item that moves an enterprise's 最近走访 to a visit's time, only forward: it holds
 * only while the stored time is not later (a later visit recorded meanwhile cancels the write,
 * which is then decided again).
 */
export function lastVisitUpdate(enterpriseId: string, visitedAt: string): TransactItems[number] {
  return {
    Update: {
      TableName: TABLE,
      Key: enterpriseKey(enterpriseId),
      UpdateExpression: 'SET lastVisitAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastVisitAt) OR lastVisitAt <= :at)',
      ExpressionAttributeValues: { ':at': visitedAt },
    },
  }
}

/** A transaction item that holds only while the enterprise exists (a visit earlier than its 最近走访). */
export function enterpriseExists(enterpriseId: string): TransactItems[number] {
  return { ConditionCheck: { TableName: TABLE, Key: enterpriseKey(enterpriseId), ConditionExpression: 'attribute_exists(pk)' } }
}
