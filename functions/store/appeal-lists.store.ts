import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import type { ListingScope } from '@shared/domain/policy'
import type { Appeal, AppealStatus, CoHandler } from '@shared/schemas/appeal.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { KEYS } from './appeal.keys'
import { getAppeals } from './appeal.store'
import { stripKeys, type IndexName } from './keys'
import { queryAll } from './query-all'

/* The appeal entity's lists: the index Queries behind every list, queue, sweep and report. */

/**
 * Access pattern: an enterprise's appeals that one user filed, or all of them (filedBy omitted),
 * optionally only those in the given statuses. Reads the enterprise's index partition, which
 * holds tens to hundreds of appeals.
 */
export async function listEnterpriseAppeals(enterpriseId: string, options: { filedBy?: string; statuses?: readonly AppealStatus[] } = {}): Promise<Appeal[]> {
  const filters: string[] = []
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = { ':pk': KEYS.enterprise(enterpriseId) }
  if (options.filedBy) {
    filters.push('filedBy.id = :filer')
    values[':filer'] = options.filedBy
  }
  if (options.statuses) {
    filters.push(`#status IN (${options.statuses.map((_, i) => `:s${i}`).join(', ')})`)
    names['#status'] = 'status'
    options.statuses.forEach((status, i) => (values[`:s${i}`] = status))
  }
  return queryAll<Appeal>({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ExpressionAttributeValues: values,
  })
}

interface Source {
  index: IndexName
  pk: string
  /** Task entries point at their appeal; appeal entries are the appeal. */
  holds: 'appeal' | 'task'
  /** Only the appeals this user filed (a member whose binding is still pending). */
  filedBy?: string
}

function sourceOf(scope: ListingScope): Source {
  switch (scope.kind) {
    case 'enterprise':
      return { index: 'gsi1', pk: KEYS.enterprise(scope.enterpriseId), holds: 'appeal' }
    case 'enterpriseFiler':
      return { index: 'gsi1', pk: KEYS.enterprise(scope.enterpriseId), holds: 'appeal', filedBy: scope.filerId }
    case 'owner':
      return { index: 'gsi2', pk: KEYS.owner(scope.ownerId), holds: 'appeal' }
    case 'coHandler':
      return { index: 'gsi2', pk: KEYS.coHandler(scope.coHandler), holds: 'task' }
    case 'area':
      return { index: 'gsi3', pk: KEYS.area(scope.areaId), holds: 'appeal' }
    case 'city':
      return { index: 'gsi4', pk: KEYS.city, holds: 'appeal' }
  }
}

export interface ListOptions {
  /** Resume strictly below this list order (the `next` of the page before); none: the first page. */
  below?: string
  limit: number
  statuses?: readonly AppealStatus[]
}

interface SourcePage {
  entries: { order: string; appealId: string; appeal?: Appeal }[]
  /** Everything at or above this order has been read; undefined when the source is exhausted. */
  readTo: string | undefined
}

async function readSource(source: Source, below: string | undefined, limit: number, statuses: readonly AppealStatus[] | undefined): Promise<SourcePage> {
  const pkName = `${source.index}pk`
  const skName = `${source.index}sk`
  const input: QueryCommandInput = {
    TableName: TABLE,
    IndexName: source.index,
    KeyConditionExpression: below ? '#pk = :pk AND #sk < :below' : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': pkName, ...(below ? { '#sk': skName } : {}) },
    ExpressionAttributeValues: { ':pk': source.pk, ...(below ? { ':below': below } : {}) },
    ScanIndexForward: false,
    Limit: limit,
  }
  const filters: string[] = []
  if (statuses && source.holds === 'appeal') {
    filters.push(`#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`)
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#status': 'status' }
    statuses.forEach((status, i) => (input.ExpressionAttributeValues![`:s${i}`] = status))
  }
  if (source.filedBy) {
    filters.push('filedBy.id = :filer')
    input.ExpressionAttributeValues![':filer'] = source.filedBy
  }
  if (filters.length > 0) input.FilterExpression = filters.join(' AND ')
  const page = await dynamo.send(new QueryCommand(input))
  const entries = (page.Items ?? []).map((item) => ({
    order: String(item[skName]),
    appealId: String(item.appealId ?? item.id),
    appeal: source.holds === 'appeal' ? stripKeys<Appeal>(item) : undefined,
  }))
  return { entries, readTo: page.LastEvaluatedKey ? String(page.LastEvaluatedKey[skName]) : undefined }
}

/**
 * Access pattern: the appeals of one or more scopes, newest first, one page at a time.
 * Each scope is one index Query; pages from several scopes (a staff member of two enterprises)
 * are merged by their common sort order. `next` is the lowest order already returned, so the
 * next page reads strictly below it from every scope: nothing is skipped or repeated. (The
 * caller turns it into a signed cursor: functions/lib/cursor.ts.)
 */
export async function listAppeals(scopes: readonly ListingScope[], options: ListOptions): Promise<{ items: Appeal[]; next: string | null }> {
  if (scopes.length === 0) return { items: [], next: null }
  const sources = scopes.map(sourceOf)
  const below = options.below
  const pages = await Promise.all(sources.map((source) => readSource(source, below, options.limit, options.statuses)))

  // A source that stopped early has only covered orders at or above its `readTo`; entries
  // below the highest such boundary may still be missing from it and wait for the next page.
  const boundary = pages.reduce<string | undefined>((max, p) => (p.readTo !== undefined && (max === undefined || p.readTo > max) ? p.readTo : max), undefined)
  const merged = pages
    .flatMap((p) => p.entries)
    .filter((e) => boundary === undefined || e.order >= boundary)
    .sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0))
  const unique = merged.filter((e, i) => i === 0 || merged[i - 1]!.order !== e.order)
  const taken = unique.slice(0, options.limit)

  const missing = taken.filter((e) => !e.appeal).map((e) => e.appealId)
  const fetched = missing.length > 0 ? new Map((await getAppeals(missing)).map((a) => [a.id, a])) : new Map<string, Appeal>()
  let items = taken.map((e) => e.appeal ?? fetched.get(e.appealId)).filter((a): a is Appeal => a !== undefined)
  if (options.statuses) items = items.filter((a) => options.statuses!.includes(a.status))

  const more = unique.length > options.limit || boundary !== undefined
  const position = unique.length > options.limit ? taken[taken.length - 1]!.order : boundary
  return { items, next: more && position ? position : null }
}

/**
 * Access pattern: an area's open appeals whose sweep time has come (`sweepDueAt` ≤ now): only the
 * ones with a deadline passed, a reminder or an auto-close due, read from the sparse open index.
 */
export function listSweepDue(areaId: string, now: Date): Promise<Appeal[]> {
  return queryAll<Appeal>({
    TableName: TABLE,
    IndexName: 'gsi5',
    KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk <= :now',
    ExpressionAttributeValues: { ':pk': KEYS.open(areaId), ':now': now.toISOString() },
  })
}

/** Access pattern: every open appeal of an area (work in flight: tens to hundreds), for supervision. */
export function listOpenAppeals(areaId: string): Promise<Appeal[]> {
  return queryAll<Appeal>({
    TableName: TABLE,
    IndexName: 'gsi5',
    KeyConditionExpression: 'gsi5pk = :pk',
    ExpressionAttributeValues: { ':pk': KEYS.open(areaId) },
  })
}

/**
 * Access pattern: an area's appeals filed since `createdSince` that were last evaluated
 * `unsatisfied` at or after `evaluatedSince`, open or closed (a second unsatisfied evaluation
 * closes the appeal, so the open index misses it). Reads the area index from that date on.
 */
export function listEvaluatedUnsatisfied(areaId: string, createdSince: string, evaluatedSince: string): Promise<Appeal[]> {
  return queryAll<Appeal>({
    TableName: TABLE,
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk >= :since',
    FilterExpression: '#evaluation.#rating = :unsatisfied AND #evaluation.#at >= :evaluatedSince',
    ExpressionAttributeNames: { '#evaluation': 'evaluation', '#rating': 'rating', '#at': 'at' },
    ExpressionAttributeValues: { ':pk': KEYS.area(areaId), ':since': createdSince, ':unsatisfied': 'unsatisfied', ':evaluatedSince': evaluatedSince },
  })
}

/** Access pattern: an area's appeals closed in [from, to), oldest first, one page at a time. */
export async function listClosedAppealsPage(areaId: string, from: Date, to: Date, startKey?: Record<string, unknown>): Promise<{ items: Appeal[]; next?: Record<string, unknown> }> {
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: 'gsi5',
      KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': KEYS.closed(areaId), ':from': from.toISOString(), ':to': `${new Date(to.getTime() - 1).toISOString()}#~` },
      ExclusiveStartKey: startKey,
    }),
  )
  return { items: (page.Items ?? []).map((item) => stripKeys<Appeal>(item)), next: page.LastEvaluatedKey }
}

/**
 * Access pattern: the appeals of one index partition filed in [from, to), one page at a time:
 * the city (gsi4), an area (gsi3), an owner's portfolio or a co-handler's tasks (gsi2; task
 * entries carry only the appeal's id, and are returned as ids to fetch).
 */
export async function listFiledPage(
  source: { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'owner'; ownerId: string } | { kind: 'coHandler'; coHandler: Pick<CoHandler, 'kind' | 'id'> },
  from: Date,
  to: Date,
  startKey?: Record<string, unknown>,
): Promise<{ appeals: Appeal[]; taskAppealIds: string[]; next?: Record<string, unknown> }> {
  const { index, pk } =
    source.kind === 'city'
      ? { index: 'gsi4', pk: KEYS.city }
      : source.kind === 'area'
        ? { index: 'gsi3', pk: KEYS.area(source.areaId) }
        : source.kind === 'owner'
          ? { index: 'gsi2', pk: KEYS.owner(source.ownerId) }
          : { index: 'gsi2', pk: KEYS.coHandler(source.coHandler) }
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk AND ${index}sk BETWEEN :from AND :to`,
      ExpressionAttributeValues: { ':pk': pk, ':from': from.toISOString(), ':to': `${new Date(to.getTime() - 1).toISOString()}#~` },
      ExclusiveStartKey: startKey,
    }),
  )
  const appeals: Appeal[] = []
  const taskAppealIds: string[] = []
  for (const item of page.Items ?? []) {
    if (item.entity === 'TASK') taskAppealIds.push(String(item.appealId))
    else if (item.entity === 'APPEAL') appeals.push(stripKeys<Appeal>(item))
  }
  return { appeals, taskAppealIds, next: page.LastEvaluatedKey }
}

/** Access pattern (rebuild): when the city's first appeal was filed, if any — one item of the city index. */
export async function firstFiledAt(): Promise<string | undefined> {
  const page = await dynamo.send(
    new QueryCommand({ TableName: TABLE, IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :pk', ExpressionAttributeValues: { ':pk': KEYS.city }, Limit: 1, ScanIndexForward: true }),
  )
  return page.Items?.[0] ? String(page.Items[0].createdAt) : undefined
}

/** Where a ledger reads: the city index, an area's, or an owner's portfolio (gsi2 holds only appeals there). */
export type LedgerSource = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'owner'; ownerId: string }

export interface LedgerPageOptions {
  /** Filed at or after / before these instants. */
  from?: Date
  to?: Date
  /** Resume strictly below this list order (`<createdAt>#<id>`); none: the newest first. */
  below?: string
  limit: number
  channels?: readonly string[]
  statuses?: readonly AppealStatus[]
  categoryId?: string
}

/**
 * Access pattern: the problem ledger of the city, an area or a portfolio, newest first, one page:
 * one Query of the partition within the filing window, channel, status and category filtered by
 * DynamoDB. `next` is the lowest order read, when more may follow (a filtered page can be short).
 */
export async function listLedgerPage(source: LedgerSource, options: LedgerPageOptions): Promise<{ items: Appeal[]; next: string | null }> {
  const { index, pk } =
    source.kind === 'city' ? { index: 'gsi4', pk: KEYS.city } : source.kind === 'area' ? { index: 'gsi3', pk: KEYS.area(source.areaId) } : { index: 'gsi2', pk: KEYS.owner(source.ownerId) }
  const skName = `${index}sk`
  const upper = options.to ? `${new Date(options.to.getTime() - 1).toISOString()}#~` : '~'
  // BETWEEN is inclusive: the item at `below` itself (the last one returned) is dropped below.
  const high = options.below !== undefined && options.below < upper ? options.below : upper
  const low = options.from ? options.from.toISOString() : '0'
  const names: Record<string, string> = { '#pk': `${index}pk`, '#sk': skName, '#entity': 'entity' }
  const values: Record<string, unknown> = { ':pk': pk, ':low': low, ':high': high, ':appeal': 'APPEAL' }
  const filters = ['#entity = :appeal']
  const oneOf = (attribute: string, name: string, list: readonly string[]) => {
    names[`#${name}`] = attribute
    list.forEach((value, i) => (values[`:${name}${i}`] = value))
    filters.push(`#${name} IN (${list.map((_, i) => `:${name}${i}`).join(', ')})`)
  }
  if (options.channels?.length) oneOf('channel', 'channel', options.channels)
  if (options.statuses?.length) oneOf('status', 'status', options.statuses)
  if (options.categoryId) oneOf('categoryId', 'category', [options.categoryId])
  if (low > high) return { items: [], next: null }
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: index,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
      FilterExpression: filters.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: options.limit,
    }),
  )
  const items = (page.Items ?? []).filter((item) => String(item[skName]) !== options.below).map((item) => stripKeys<Appeal>(item))
  return { items, next: page.LastEvaluatedKey ? String(page.LastEvaluatedKey[skName]) : null }
}
