import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { ExportJob } from '@shared/schemas/report.schema'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { transactWrite, WriteConflict, type TransactItems } from './transact'
import type { ReportScope } from '@shared/domain/report-scope'
import type { LedgerJobSpec } from '@shared/schemas/ledger.schema'

/*
 * Report export jobs, one item each:
 *   EXPORT#<id> / JOB     the job; gsi1 EXPORTS#<userId> / <createdAt>#<id>: the requester's
 *                         recent jobs, newest first. Its INSERT on the table's stream is what
 *                         starts the worker (entity EXPORT_JOB, see sls/functions.yml).
 * Jobs and their files expire after EXPORT_TTL_DAYS (TTL `expiresAt` here, a lifecycle rule on
 * the bucket). queued → running → done | failed; only the claim moves a job out of queued, so
 * a redelivered insert never runs a job twice.
 */
export const EXPORT_TTL_DAYS = 7
export const ENTITY = 'EXPORT_JOB'
const DAY_SECONDS = 86_400

/** A job as stored: what the API shows (without the link, made fresh on each read), and what the worker needs. */
export interface ExportJobRecord extends Omit<ExportJob, 'url' | 'fileName'> {
  /** Given when the job is queued; jobs queued before that was so got it only when done. */
  fileName?: string
  /** The scope as authorised when the job was requested: the worker runs it as it was allowed. */
  reportScope: ReportScope
  /** Last change, and the worker's heartbeat while it runs. */
  updatedAt: string
  startedAt?: string
  objectKey?: string
  /** A problem-ledger export (kind 'ledger'): its scope and filters. */
  ledger?: LedgerJobSpec
}

const jobKey = (id: string) => ({ pk: `EXPORT#${id}`, sk: 'JOB' })
const exportsOf = (userId: string) => `EXPORTS#${userId}`
const requesterIndex = (job: Pick<ExportJobRecord, 'requestedBy' | 'createdAt' | 'id'>) => ({ gsi1pk: exportsOf(job.requestedBy), gsi1sk: `${job.createdAt}#${job.id}` })
const expiresAt = (createdAt: string) => Math.floor(Date.parse(createdAt) / 1000) + EXPORT_TTL_DAYS * DAY_SECONDS

/** Access pattern: record a new (queued) job; its insert starts the worker. */
export async function putExportJob(job: ExportJobRecord): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: TABLE,
      Item: { ...jobKey(job.id), ...requesterIndex(job), entity: ENTITY, expiresAt: expiresAt(job.createdAt), ...job },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

/** Access pattern: one job by id (strongly consistent: a poll right after a change sees it). */
export async function getExportJob(id: string): Promise<ExportJobRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: jobKey(id), ConsistentRead: true }))
  return result.Item ? stripKeys<ExportJobRecord>(result.Item) : undefined
}

/** Access pattern: a requester's most recent jobs, newest first (a week's worth at most: they expire). */
export async function listExportJobsOf(userId: string, limit: number): Promise<ExportJobRecord[]> {
  const result = await dynamo.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': exportsOf(userId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  )
  return (result.Items ?? []).map((item) => stripKeys<ExportJobRecord>(item))
}

/**
 * Access pattern: the worker takes a queued job (queued → running). Returns the job, or undefined
 * when it is not queued any more: another delivery of the same insert got there first.
 */
export async function claimExportJob(id: string, at: string): Promise<ExportJobRecord | undefined> {
  try {
    const result = await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: jobKey(id),
        UpdateExpression: 'SET #status = :running, startedAt = :at, updatedAt = :at',
        ConditionExpression: '#status = :queued',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':running': 'running', ':queued': 'queued', ':at': at },
        ReturnValues: 'ALL_NEW',
      }),
    )
    return result.Attributes ? stripKeys<ExportJobRecord>(result.Attributes) : undefined
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined
    throw error
  }
}

/** Access pattern: a running job's progress (also its heartbeat). */
export async function recordExportProgress(id: string, progress: ExportJob['progress'], at: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: jobKey(id),
      UpdateExpression: 'SET progress = :progress, updatedAt = :at',
      ConditionExpression: '#status = :running',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':progress': progress, ':running': 'running', ':at': at },
    }),
  )
}

export interface ExportResult {
  fileName: string
  objectKey: string
  bytes: number
  rows: number
  finishedAt: string
}

/**
 * Access pattern: a running job is done, its file in the bucket; `extra` (the notification that it
 * is ready) is written in the same transaction, so the requester hears of it exactly once.
 * Returns false when the job was not running any more.
 */
export async function finishExportJob(id: string, result: ExportResult, extra: TransactItems = []): Promise<boolean> {
  try {
    await transactWrite([
      {
        Update: {
          TableName: TABLE,
          Key: jobKey(id),
          UpdateExpression: 'SET #status = :done, fileName = :fileName, objectKey = :objectKey, bytes = :bytes, progress = :progress, finishedAt = :at, updatedAt = :at',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':done': 'done',
            ':running': 'running',
            ':fileName': result.fileName,
            ':objectKey': result.objectKey,
            ':bytes': result.bytes,
            ':progress': { done: result.rows, total: result.rows },
            ':at': result.finishedAt,
          },
        },
      },
      ...extra,
    ])
    return true
  } catch (error) {
    if (error instanceof WriteConflict && error.reasons.includes('ConditionalCheckFailed')) return false
    throw error
  }
}

/** Access pattern: a running job failed; `error` is what the requester reads. */
export async function failExportJob(id: string, error: string, at: string): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: jobKey(id),
        UpdateExpression: 'SET #status = :failed, #error = :error, finishedAt = :at, updatedAt = :at',
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: { ':failed': 'failed', ':running': 'running', ':error': error, ':at': at },
      }),
    )
  } catch (failure) {
    // Settled meanwhile (done or failed): that outcome stands.
    if (!(failure instanceof ConditionalCheckFailedException)) throw failure
  }
}
