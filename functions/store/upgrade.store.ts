import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { BoardRow, Figure, Threshold, UpgradeFile } from '@shared/schemas/upgrade.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { batchGetAll, batchWriteAll } from './batch'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import { transactWrite, WriteConflict } from './transact'

/*
 * 升规入统:
 *   UPGRADE#<enterpriseId> / FILE              the upgrade file (sector, stage, timeline, projection), versioned
 *   UPGRADE#<enterpriseId> / FIGURE#<YYYY-MM>  one month's figures with the values they replaced
 *   UPGRADEBOARD / AREA#<areaId>               the area's board: `rows`, a map of enterpriseId → BoardRow,
 *                                              moved in the same transaction as the file, so the city
 *                                              board reads one item per area and never a figure
 *   UPGRADECONFIG / THRESHOLDS                 the thresholds the city admin edited (the rest are the defaults)
 */
const enterprisePk = (enterpriseId: string) => `UPGRADE#${enterpriseId}`
const fileKey = (enterpriseId: string) => ({ pk: enterprisePk(enterpriseId), sk: 'FILE' })
const figureKey = (enterpriseId: string, month: string) => ({ pk: enterprisePk(enterpriseId), sk: `FIGURE#${month}` })
const BOARD_PK = 'UPGRADEBOARD'
const boardKey = (areaId: string) => ({ pk: BOARD_PK, sk: `AREA#${areaId}` })
const thresholdsKey = { pk: 'UPGRADECONFIG', sk: 'THRESHOLDS' }

/** Thrown when the file changed since it was read (another entry or move got there first). */
export class UpgradeFileChanged extends Error {}

/** Access pattern: one enterprise's upgrade file. */
export async function getUpgradeFile(enterpriseId: string): Promise<UpgradeFile | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: fileKey(enterpriseId), ConsistentRead: true }))
  return result.Item ? stripKeys<UpgradeFile>(result.Item) : undefined
}

/** Access pattern: the files of several enterprises (a specialist's list). */
export async function getUpgradeFiles(enterpriseIds: readonly string[]): Promise<Map<string, UpgradeFile>> {
  const items = await batchGetAll(enterpriseIds.map(fileKey))
  const files = items.map((item) => stripKeys<UpgradeFile>(item))
  return new Map(files.map((f) => [f.enterpriseId, f]))
}

/** Access pattern: every month's figures of one enterprise, oldest first. */
export const listFigures = (enterpriseId: string) =>
  queryAll<Figure>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :figure)',
    ExpressionAttributeValues: { ':pk': enterprisePk(enterpriseId), ':figure': 'FIGURE#' },
    ConsistentRead: true,
  })

/**
 * A new board's map holds this placeholder, never nothing: stream readers cannot unmarshal an
 * empty map. No enterprise id can be it, and the readers leave it out.
 */
const PLACEHOLDER = '_'
const rowsOf = (rows: Record<string, BoardRow | boolean> | undefined): BoardRow[] =>
  Object.entries(rows ?? {}).flatMap(([id, row]) => (id === PLACEHOLDER || typeof row !== 'object' ? [] : [row]))

/** Makes sure the area's board item exists, so that a transaction can set one row of it. */
async function ensureBoard(areaId: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: boardKey(areaId),
      UpdateExpression: 'SET #rows = if_not_exists(#rows, :first), entity = :entity, areaId = :area',
      ExpressionAttributeNames: { '#rows': 'rows' },
      ExpressionAttributeValues: { ':first': { [PLACEHOLDER]: true }, ':entity': 'UPGRADE_BOARD', ':area': areaId },
    }),
  )
}

/**
 * Access pattern: write a file (new at version 0, or replacing `expectedVersion`), optionally one
 * month's figure, and the file's row on its area's board — in one transaction. Throws
 * UpgradeFileChanged when the file moved on meanwhile; nothing is written then.
 */
export async function saveUpgradeFile(file: UpgradeFile, expectedVersion: number | null, row: BoardRow, figure?: Figure): Promise<void> {
  await saveUpgradeFileWithFigures(file, expectedVersion, row, figure ? [figure] : [])
}

/**
 * Access pattern: as saveUpgradeFile, with several months' figures in the same transaction (an
 * import's months of one enterprise; at most 97, within DynamoDB's 100 items).
 */
export async function saveUpgradeFileWithFigures(file: UpgradeFile, expectedVersion: number | null, row: BoardRow, figures: readonly Figure[]): Promise<void> {
  if (figures.length > 97) throw new Error('at most 97 figures per transaction')
  await ensureBoard(file.areaId)
  const condition =
    expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }
  try {
    await transactWrite([
      { Put: { TableName: TABLE, Item: { ...fileKey(file.enterpriseId), entity: 'UPGRADE_FILE', ...file }, ...condition } },
      ...figures.map((figure) => ({ Put: { TableName: TABLE, Item: { ...figureKey(file.enterpriseId, figure.month), entity: 'UPGRADE_FIGURE', ...figure } } })),
      {
        Update: {
          TableName: TABLE,
          Key: boardKey(file.areaId),
          UpdateExpression: 'SET #rows.#id = :row',
          ExpressionAttributeNames: { '#rows': 'rows', '#id': file.enterpriseId },
          ExpressionAttributeValues: { ':row': row },
        },
      },
    ])
  } catch (error) {
    if (error instanceof WriteConflict && error.reasons.includes('ConditionalCheckFailed')) throw new UpgradeFileChanged()
    throw error
  }
}

export interface AreaBoard {
  areaId: string
  rows: BoardRow[]
}

/** Access pattern: one area's board (one GetItem). */
export async function getAreaBoard(areaId: string): Promise<AreaBoard> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: boardKey(areaId), ConsistentRead: true }))
  return { areaId, rows: rowsOf(result.Item?.rows as Record<string, BoardRow | boolean> | undefined) }
}

/** Access pattern: every area's board (one Query of a partition of one item per area). */
export async function listAreaBoards(): Promise<AreaBoard[]> {
  const items = await queryAll<{ areaId: string; rows?: Record<string, BoardRow | boolean> }>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': BOARD_PK },
  })
  return items.map((item) => ({ areaId: item.areaId, rows: rowsOf(item.rows) }))
}

/** Access pattern: the thresholds the city admin changed (the defaults fill in the rest). */
export async function getStoredThresholds(): Promise<{ items: Threshold[]; version: number }> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: thresholdsKey, ConsistentRead: true }))
  return { items: (result.Item?.items ?? []) as Threshold[], version: (result.Item?.version as number | undefined) ?? 0 }
}

/** Access pattern: replace the stored thresholds if nobody changed them since `expectedVersion`. */
export async function putThresholds(items: readonly Threshold[], expectedVersion: number): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...thresholdsKey, entity: 'UPGRADE_THRESHOLDS', items, version: expectedVersion + 1 },
        ConditionExpression: 'attribute_not_exists(pk) OR version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/**
 * Bulk load (seed, bench): files with their figures, and each area's board written whole. Not
 * for a request path: it replaces the boards of the areas it names.
 */
export async function bulkPutUpgrade(files: readonly { file: UpgradeFile; figures: readonly Figure[] }[], boards: readonly AreaBoard[]): Promise<void> {
  const items: Record<string, unknown>[] = []
  for (const { file, figures } of files) {
    items.push({ ...fileKey(file.enterpriseId), entity: 'UPGRADE_FILE', ...file })
    for (const figure of figures) items.push({ ...figureKey(file.enterpriseId, figure.month), entity: 'UPGRADE_FIGURE', ...figure })
  }
  await batchWriteAll(items)
  for (const board of boards) {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...boardKey(board.areaId), entity: 'UPGRADE_BOARD', areaId: board.areaId, rows: Object.fromEntries(board.rows.map((r) => [r.id, r])) },
      }),
    )
  }
}
