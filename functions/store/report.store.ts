import { createHash } from 'node:crypto'
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { ReportScopeKey } from '@shared/schemas/report.schema'
import type { ReportCellChange } from '@shared/domain/appeal-write-plan'
import type { Counters } from '@shared/domain/report-ledger'
import { TABLE, dynamo } from '../lib/dynamo'
import type { TransactItems } from './transact'

/*
 * Monthly report cells  REPORT#<month> / <scope>#<shard>
 *   counters  n:<dimension>|<value>|<metric>  (numbers, moved with ADD)
 *   labels    l:<dimension>|<value>           (names of rows the catalog does not hold)
 * One partition per month holds every scope's cells, so a report reads one Query per month and
 * the rebuild lists a month's cells with one Query. Busy scopes are split into shards, picked
 * by the appeal's id, so that changes to different appeals rarely meet on one item (a transaction
 * touching an item another one holds is cancelled and retried); a report adds the shards up.
 */
const monthPk = (month: string) => `REPORT#${month}`
const COUNTER = 'n:'
const LABEL = 'l:'

const SHARDS: Record<string, number> = { city: 4, area: 2 }
const shardsOf = (scope: ReportScopeKey) => SHARDS[scope.split(':')[0]!] ?? 1

function shardOf(scope: ReportScopeKey, appealId: string): number {
  const shards = shardsOf(scope)
  return shards === 1 ? 0 : createHash('sha1').update(appealId).digest().readUInt16BE(0) % shards
}

/**
 * The updates that apply one appeal's change to the report cells, for the appeal's transaction:
 * counters move as the plan says, and the rows it touches get their current names.
 */
export function reportCellUpdates(appealId: string, cells: readonly ReportCellChange[], labels: Record<string, string>): TransactItems {
  const items: TransactItems = []
  for (const { scope, month, counters: cell } of cells) {
    const names: Record<string, string> = { '#entity': 'entity' }
    const values: Record<string, unknown> = { ':entity': 'REPORT_CELL' }
    const sets = ['#entity = :entity']
    const adds: string[] = []
    Object.entries(labels).forEach(([label, name], i) => {
      names[`#l${i}`] = `${LABEL}${label}`
      values[`:l${i}`] = name
      sets.push(`#l${i} = :l${i}`)
    })
    Object.entries(cell).forEach(([counter, n], i) => {
      names[`#n${i}`] = `${COUNTER}${counter}`
      values[`:n${i}`] = n
      adds.push(`#n${i} :n${i}`)
    })
    items.push({
      Update: {
        TableName: TABLE,
        Key: { pk: monthPk(month), sk: `${scope}#${shardOf(scope, appealId)}` },
        UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    })
  }
  return items
}

export interface StoredCell {
  scope: ReportScopeKey
  counters: Counters
  labels: Record<string, string>
}

function cellFromItem(item: Record<string, unknown>): StoredCell & { sk: string } {
  const sk = String(item.sk)
  const counters: Counters = {}
  const labels: Record<string, string> = {}
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(COUNTER) && typeof value === 'number' && value !== 0) counters[name.slice(COUNTER.length)] = value
    else if (name.startsWith(LABEL)) labels[name.slice(LABEL.length)] = String(value)
  }
  return { sk, scope: sk.slice(0, sk.lastIndexOf('#')), counters, labels }
}

/** Adds shards of one scope into one cell. */
function mergeShards(cells: StoredCell[]): Map<ReportScopeKey, StoredCell> {
  const merged = new Map<ReportScopeKey, StoredCell>()
  for (const cell of cells) {
    const into = merged.get(cell.scope) ?? { scope: cell.scope, counters: {}, labels: {} }
    for (const [name, n] of Object.entries(cell.counters)) into.counters[name] = (into.counters[name] ?? 0) + n
    Object.assign(into.labels, cell.labels)
    merged.set(cell.scope, into)
  }
  for (const cell of merged.values()) for (const name of Object.keys(cell.counters)) if (cell.counters[name] === 0) delete cell.counters[name]
  return merged
}

async function queryMonth(month: string, scope?: ReportScopeKey, only?: readonly string[]): Promise<(StoredCell & { sk: string })[]> {
  const cells: (StoredCell & { sk: string })[] = []
  let startKey: Record<string, unknown> | undefined
  const projection = only ? { ProjectionExpression: ['#sk', ...only.map((_, i) => `#c${i}`)].join(', '), ExpressionAttributeNames: { '#sk': 'sk', ...Object.fromEntries(only.map((name, i) => [`#c${i}`, `${COUNTER}${name}`])) } } : {}
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: scope ? 'pk = :pk AND begins_with(sk, :scope)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': monthPk(month), ...(scope ? { ':scope': `${scope}#` } : {}) },
        ...projection,
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of page.Items ?? []) cells.push(cellFromItem(item))
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return cells
}

/**
 * Access pattern: one scope's cell for each of the given months (one Query per month, in
 * parallel); `only` names the counters to read when the rest is not needed (a trend needs a few
 * totals of a cell that holds every breakdown row).
 */
export async function readScopeCells(scope: ReportScopeKey, months: readonly string[], only?: readonly string[]): Promise<Map<string, StoredCell>> {
  const read = await Promise.all(months.map(async (month) => [month, mergeShards(await queryMonth(month, scope, only)).get(scope)] as const))
  return new Map(read.map(([month, cell]) => [month, cell ?? { scope, counters: {}, labels: {} }]))
}

/** Access pattern (rebuild): every scope's cell of one month. */
export async function readMonthCells(month: string): Promise<Map<ReportScopeKey, StoredCell>> {
  return mergeShards(await queryMonth(month))
}

/**
 * Rebuild: replaces one scope's cell of a month with recounted counters, as a single shard.
 * Not transactional with appeal changes: run the rebuild while no one is acting on appeals.
 */
export async function replaceScopeCell(month: string, scope: ReportScopeKey, counters: Counters, labels: Record<string, string>): Promise<void> {
  const shards = await queryMonth(month, scope)
  await Promise.all(shards.map((cell) => dynamo.send(new DeleteCommand({ TableName: TABLE, Key: { pk: monthPk(month), sk: cell.sk } }))))
  const item: Record<string, unknown> = { pk: monthPk(month), sk: `${scope}#0`, entity: 'REPORT_CELL' }
  for (const [name, n] of Object.entries(counters)) if (n !== 0) item[`${COUNTER}${name}`] = n
  for (const [label, name] of Object.entries(labels)) item[`${LABEL}${label}`] = name
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: item }))
}
