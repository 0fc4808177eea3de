import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import type { ListingScope } from '@shared/domain/access'
import type { Appeal, AppealEvent, AppealStatus, CoHandler } from '@shared/schemas/appeal.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys, type IndexName } from './keys'
import { transactWrite, type TransactItems } from './transact'
import { queryAll } from './query-all'
import { counterUpdate } from './enterprise.store'
import { countDelta, isOpen } from '@shared/domain/appeal-counts'
import { sweepDueAt } from '@shared/domain/deadlines'
import type { WorkingCalendar } from '@shared/domain/calendar'
import { withTally } from '@shared/domain/report-tally'
import { labelsOf, ledgerDelta } from '@shared/domain/report-ledger'
import { reportCellUpdates } from './report.store'

export { WriteConflict } from './transact'

/*
 * Appeal partition  APPEAL#<id>
 *   sk APPEAL             the appeal itself (gsi1 enterprise, gsi2 holder, gsi3 area, gsi4 city,
 *                         gsi5 the area's open appeals by when the sweep must look at them next,
 *                         then, once closed, the area's closed appeals by when they closed)
 *   sk EVENT#<seq>        its immutable timeline, seq = the version the event produced
 *   sk TASK#<kind>#<id>   one entry per co-handler (gsi2 holder = the department or task force)
 * Idempotency record  IDEM#<userId>#<key> / IDEM, expiring after a day.
 * Every index sorts by `<createdAt>#<id>`, so lists from several indexes merge into one order.
 */
const appealPk = (id: string) => `APPEAL#${id}`
const appealKey = (id: string) => ({ pk: appealPk(id), sk: 'APPEAL' })
const eventKey = (appealId: string, seq: number) => ({ pk: appealPk(appealId), sk: `EVENT#${String(seq).padStart(6, '0')}` })
const taskKey = (appealId: string, c: CoHandler) => ({ pk: appealPk(appealId), sk: `TASK#${c.kind}#${c.id}` })
const idempotencyKey = (userId: string, key: string) => ({ pk: `IDEM#${userId}#${key}`, sk: 'IDEM' })

const listOrder = (a: Pick<Appeal, 'createdAt' | 'id'>) => `${a.createdAt}#${a.id}`
const CITY_PARTITION = 'CITY'
const holderOfOwner = (a: Appeal) => (a.ownerId ? `HOLDER#owner:${a.ownerId}` : `HOLDER#area-queue:${a.areaId}`)
const holderOfCoHandler = (c: Pick<CoHandler, 'kind' | 'id'>) => `HOLDER#${c.kind}:${c.id}`
const openPartition = (areaId: string) => `OPEN#${areaId}`
const closedPartition = (areaId: string) => `CLOSED#${areaId}`
/** Sorts above every ISO instant: an open appeal the sweep has nothing to do for (yet). */
const NOTHING_TO_SWEEP = 'WAITING'

/**
 * The sparse index of open appeals: an appeal is in its area's partition only while open, so the
 * sweep and the supervision queues read work in flight, never the area's history. The sort key
 * is when the sweep must next look: a deadline, an auto-close, or the due-soon reminder, which
 * needs the working calendar to find the working day before a deadline.
 */
function openIndexKeys(appeal: Appeal, calendar: WorkingCalendar) {
  // Closed appeals move to a partition of their own, by closing time: the reports list "closed in
  // the month" from it, whenever those appeals were filed.
  if (appeal.status === 'closed' && appeal.closedAt) return { gsi5pk: closedPartition(appeal.areaId), gsi5sk: `${appeal.closedAt}#${appeal.id}` }
  if (!isOpen(appeal.status)) return {}
  return { gsi5pk: openPartition(appeal.areaId), gsi5sk: `${sweepDueAt(appeal, calendar) ?? NOTHING_TO_SWEEP}#${appeal.id}` }
}

/**
 * What a write of an appeal needs besides the appeal: the working calendar (for the sweep's
 * index) and the items to write in the same transaction, such as the notifications the change
 * causes (the outbox).
 */
export interface AppealWriteOptions {
  calendar: WorkingCalendar
  extra?: TransactItems
}

function appealItem(appeal: Appeal, calendar: WorkingCalendar) {
  const order = listOrder(appeal)
  return {
    ...appealKey(appeal.id),
    entity: 'APPEAL',
    gsi1pk: `ENT#${appeal.enterpriseId}`,
    gsi1sk: order,
    gsi2pk: holderOfOwner(appeal),
    gsi2sk: order,
    gsi3pk: `AREA#${appeal.areaId}`,
    gsi3sk: order,
    // The whole city in one index partition: a city's appeals number thousands a month, far
    // below a partition's throughput, and the city admin's list needs one global order.
    gsi4pk: CITY_PARTITION,
    gsi4sk: order,
    ...openIndexKeys(appeal, calendar),
    ...appeal,
  }
}

export interface IdempotencyRecord {
  requestHash: string
  appealId: string
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600

/** A co-handler's entry in its inbox (the holder index), pointing at the appeal. */
const taskPut = (appeal: Appeal, c: CoHandler) => ({
  Put: {
    TableName: TABLE,
    Item: { ...taskKey(appeal.id, c), entity: 'TASK', appealId: appeal.id, gsi2pk: holderOfCoHandler(c), gsi2sk: listOrder(appeal), kind: c.kind, id: c.id },
  },
})

const eventItem = (event: AppealEvent) => ({ ...eventKey(event.appealId, event.seq), entity: 'EVENT', ...event })

/** Filing also says which specialist of the enterprise the routing read (null: none). */
export interface NewAppealWriteOptions extends AppealWriteOptions {
  routedBy: string | null
}

/**
 * Access pattern: file a new appeal. The appeal, its first event, its co-handling tasks, the
 * idempotency record, the notifications and the report cells are written in one transaction, so
 * a retry finds either all or nothing; and only while the enterprise still has the specialist
 * it was routed by (WriteConflict otherwise: a move claimed it). Returns the appeal as written
 * (with its report tally).
 */
export async function createAppeal(
  submitted: Appeal,
  event: AppealEvent,
  idempotency: { userId: string; key: string; requestHash: string },
  now: Date,
  options: NewAppealWriteOptions,
): Promise<Appeal> {
  const appeal = withTally(null, submitted, event, options.calendar.isWorkday)
  const expiresAt = Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS
  const order = listOrder(appeal)
  await transactWrite([
    {
      Put: {
        TableName: TABLE,
        Item: { ...idempotencyKey(idempotency.userId, idempotency.key), entity: 'IDEMPOTENCY', requestHash: idempotency.requestHash, appealId: appeal.id, expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: TABLE, Item: appealItem(appeal, options.calendar), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: TABLE, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...appeal.coHandlers.map((c) => taskPut(appeal, c)),
    ...counterUpdate(appeal.enterpriseId, countDelta(null, appeal.status), { specialistId: options.routedBy }),
    ...reportCellUpdates(appeal.id, ledgerDelta(null, appeal), labelsOf(appeal)),
    ...(options.extra ?? []),
  ])
  return appeal
}

/** Access pattern: the record of an earlier submission with this key (strongly consistent). */
export async function getIdempotencyRecord(userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: idempotencyKey(userId, key), ConsistentRead: true }))
  return result.Item ? { requestHash: String(result.Item.requestHash), appealId: String(result.Item.appealId) } : undefined
}

/** Access pattern: one appeal by id, as last written. */
export async function getAppeal(id: string): Promise<Appeal | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: appealKey(id), ConsistentRead: true }))
  return result.Item ? stripKeys<Appeal>(result.Item) : undefined
}

/** Access pattern: an appeal and its whole timeline, oldest event first, in one Query. */
export async function getAppealWithEvents(id: string): Promise<{ appeal: Appeal; events: AppealEvent[] } | undefined> {
  let appeal: Appeal | undefined
  const events: AppealEvent[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk <= :last',
        // 'APPEAL' < 'EVENT#…' in byte order; tasks (TASK#…) sort after and are not read here.
        ExpressionAttributeValues: { ':pk': appealPk(id), ':last': 'EVENT#~' },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of page.Items ?? []) {
      if (item.entity === 'APPEAL') appeal = stripKeys<Appeal>(item)
      else if (item.entity === 'EVENT') events.push(stripKeys<AppealEvent>(item))
    }
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return appeal ? { appeal, events } : undefined
}

/**
 * Access pattern: record one action. The new state is written only if the appeal is still at
 * the version the action was decided on (`before`), together with its event, the inbox entry
 * of any co-handler it newly asks, the notifications it causes and what it moves in the monthly
 * report cells (the appeal's tally records what the reports count), or not at all. Returns the
 * appeal as written.
 */
export async function saveTransition(before: Appeal, changed: Appeal, event: AppealEvent, options: AppealWriteOptions): Promise<Appeal> {
  const appeal = withTally(before, changed, event, options.calendar.isWorkday)
  const asked = appeal.coHandlers.filter((c) => !before.coHandlers.some((b) => b.kind === c.kind && b.id === c.id))
  await transactWrite([
    {
      Put: {
        TableName: TABLE,
        Item: appealItem(appeal, options.calendar),
        ConditionExpression: 'attribute_exists(pk) AND version = :previous',
        ExpressionAttributeValues: { ':previous': before.version },
      },
    },
    { Put: { TableName: TABLE, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...asked.map((c) => taskPut(appeal, c)),
    ...counterUpdate(appeal.enterpriseId, countDelta(event.from, appeal.status)),
    ...reportCellUpdates(appeal.id, ledgerDelta(before, appeal), labelsOf(appeal)),
    ...(options.extra ?? []),
  ])
  return appeal
}

/**
 * Access pattern: an enterprise's appeals that one user filed, or all of them (filedBy omitted),
 * optionally only those in the given statuses. Reads the enterprise's index partition, which
 * holds tens to hundreds of appeals.
 */
export async function listEnterpriseAppeals(enterpriseId: string, options: { filedBy?: string; statuses?: readonly AppealStatus[] } = {}): Promise<Appeal[]> {
  const filters: string[] = []
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = { ':pk': `ENT#${enterpriseId}` }
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
      return { index: 'gsi1', pk: `ENT#${scope.enterpriseId}`, holds: 'appeal' }
    case 'enterpriseFiler':
      return { index: 'gsi1', pk: `ENT#${scope.enterpriseId}`, holds: 'appeal', filedBy: scope.filerId }
    case 'owner':
      return { index: 'gsi2', pk: `HOLDER#owner:${scope.ownerId}`, holds: 'appeal' }
    case 'coHandler':
      return { index: 'gsi2', pk: holderOfCoHandler(scope.coHandler), holds: 'task' }
    case 'area':
      return { index: 'gsi3', pk: `AREA#${scope.areaId}`, holds: 'appeal' }
    case 'city':
      return { index: 'gsi4', pk: CITY_PARTITION, holds: 'appeal' }
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

async function batchGetAppeals(ids: string[]): Promise<Map<string, Appeal>> {
  const found = new Map<string, Appeal>()
  let keys: Record<string, unknown>[] = ids.map(appealKey)
  for (let attempt = 0; keys.length > 0 && attempt < 8; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10))
    const result = await dynamo.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: keys } } }))
    for (const item of result.Responses?.[TABLE] ?? []) found.set(String(item.id), stripKeys<Appeal>(item))
    keys = (result.UnprocessedKeys?.[TABLE]?.Keys ?? []) as Record<string, unknown>[]
  }
  if (keys.length > 0) throw new Error(`batch get: ${keys.length} appeals unprocessed`)
  return found
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
  const fetched = missing.length > 0 ? await batchGetAppeals(missing) : new Map<string, Appeal>()
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
    ExpressionAttributeValues: { ':pk': openPartition(areaId), ':now': now.toISOString() },
  })
}

/** Access pattern: every open appeal of an area (work in flight: tens to hundreds), for supervision. */
export function listOpenAppeals(areaId: string): Promise<Appeal[]> {
  return queryAll<Appeal>({
    TableName: TABLE,
    IndexName: 'gsi5',
    KeyConditionExpression: 'gsi5pk = :pk',
    ExpressionAttributeValues: { ':pk': openPartition(areaId) },
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
    ExpressionAttributeValues: { ':pk': `AREA#${areaId}`, ':since': createdSince, ':unsatisfied': 'unsatisfied', ':evaluatedSince': evaluatedSince },
  })
}

/** Access pattern: an area's appeals closed in [from, to), oldest first, one page at a time. */
export async function listClosedAppealsPage(areaId: string, from: Date, to: Date, startKey?: Record<string, unknown>): Promise<{ items: Appeal[]; next?: Record<string, unknown> }> {
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: 'gsi5',
      KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': closedPartition(areaId), ':from': from.toISOString(), ':to': `${new Date(to.getTime() - 1).toISOString()}#~` },
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
      ? { index: 'gsi4', pk: CITY_PARTITION }
      : source.kind === 'area'
        ? { index: 'gsi3', pk: `AREA#${source.areaId}` }
        : source.kind === 'owner'
          ? { index: 'gsi2', pk: `HOLDER#owner:${source.ownerId}` }
          : { index: 'gsi2', pk: holderOfCoHandler(source.coHandler) }
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

/** Access pattern: appeals by id (tens to hundreds), in no particular order. */
export async function getAppeals(ids: readonly string[]): Promise<Appeal[]> {
  const found: Appeal[] = []
  for (let i = 0; i < ids.length; i += 100) found.push(...(await batchGetAppeals(ids.slice(i, i + 100))).values())
  return found
}

/**
 * Bulk loading (the data generator): the items of an appeal already carried through its life
 * by the domain code — the appeal (tally included), its timeline and its co-handling inbox
 * entries — for BatchWrite. The report cells are not among them: recount them afterwards
 * (functions/reports/rebuild.use-case.ts). Not for request paths, which write transactionally.
 */
export function appealBulkItems(appeal: Appeal, events: readonly AppealEvent[], calendar: WorkingCalendar): Record<string, unknown>[] {
  return [appealItem(appeal, calendar), ...events.map(eventItem), ...appeal.coHandlers.map((c) => taskPut(appeal, c).Put.Item)]
}

/** Access pattern (rebuild): when the city's first appeal was filed, if any — one item of the city index. */
export async function firstFiledAt(): Promise<string | undefined> {
  const page = await dynamo.send(
    new QueryCommand({ TableName: TABLE, IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :pk', ExpressionAttributeValues: { ':pk': CITY_PARTITION }, Limit: 1, ScanIndexForward: true }),
  )
  return page.Items?.[0] ? String(page.Items[0].createdAt) : undefined
}
