import { ulid } from 'ulid'
import type { Actor } from '@shared/domain/actor'
import { maySeeExportJob } from '@shared/domain/policy'
import { NotFoundError, RateLimitedError } from '@shared/errors'
import type { ExportJob, ExportRequest } from '@shared/schemas/report.schema'
import { presignDownload } from '../lib/s3'
import { asciiFileName, exportFileName } from './export-file'
import { getExportJob, listExportJobsOf, putExportJob, type ExportJobRecord } from '../store/export-job.store'
import { assertMonthBegun } from '../services/report-month-check'
import { authoriseReportScope } from '../services/monthly-report'

/*
 * Report exports as the requester sees them: ask for one (it is queued and made in the
 * background, see run-export.use-case.ts), follow it, download it. Only the requester sees a job.
 */

/** A requester's list: the jobs of about the last week (they expire after seven days). */
export const LIST_LIMIT = 20
/** Exports one person may have queued or running at once: each is a worker reading a whole month. */
export const ACTIVE_LIMIT = 3
/**
 * A job that has not moved for this long will not: the worker's Lambda stops after 15 minutes,
 * and a running job writes its progress at least every few seconds.
 */
export const STALE_AFTER_MS = 16 * 60_000

export const isActive = (job: Pick<ExportJob, 'status'>) => job.status === 'queued' || job.status === 'running'

/**
 * The job as shown: what the schema names and nothing else of the stored record. A queued or
 * running job nobody works on any more is shown failed, once and for all.
 */
export function asShown(r: ExportJobRecord, now: Date): ExportJob {
  const job: ExportJob = {
    id: r.id,
    scope: r.scope,
    scopeName: r.scopeName,
    month: r.month,
    format: r.format,
    ...(r.kind ? { kind: r.kind } : {}),
    status: r.status,
    progress: r.progress,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt,
    ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
    // One name from queued to done; a job queued before jobs were named at once gets the same one.
    fileName: r.fileName ?? exportFileName(r.scopeName, r.month, r.format),
    ...(r.bytes !== undefined ? { bytes: r.bytes } : {}),
    ...(r.error ? { error: r.error } : {}),
  }
  if (isActive(job) && now.getTime() - Date.parse(r.updatedAt) > STALE_AFTER_MS) {
    return { ...job, status: 'failed', error: job.status === 'queued' ? '导出未能开始，请重新导出' : '导出超时，请重新导出' }
  }
  return job
}

/**
 * Asks for an export of a month's report. Input: who asks, what (scope, month, format).
 * Steps: the month must have begun; the caller must be allowed the scope (403/404 otherwise, as
 * for viewing it); the same export already under way is returned instead of a second one; at
 * most ACTIVE_LIMIT under way per person. Output: the queued job — its insert starts the worker.
 */
export async function requestExport(actor: Actor, request: ExportRequest, now: Date): Promise<ExportJob> {
  assertMonthBegun(request.month, now)
  const scope = await authoriseReportScope(actor, request.scope)
  const active = (await listExportJobsOf(actor.id, LIST_LIMIT)).map((r) => asShown(r, now)).filter(isActive)
  const same = active.find((j) => j.scope === scope.key && j.month === request.month && j.format === request.format)
  if (same) return same
  if (active.length >= ACTIVE_LIMIT) throw new RateLimitedError(`已有 ${ACTIVE_LIMIT} 个导出正在进行，请完成后再试`)

  const at = now.toISOString()
  const record: ExportJobRecord = {
    id: `ex-${ulid(now.getTime()).toLowerCase()}`,
    scope: scope.key,
    scopeName: scope.name,
    month: request.month,
    format: request.format,
    fileName: exportFileName(scope.name, request.month, request.format),
    status: 'queued',
    progress: { done: 0, total: 0 },
    requestedBy: actor.id,
    createdAt: at,
    updatedAt: at,
    reportScope: scope,
  }
  await putExportJob(record)
  return asShown(record, now)
}

/** One job of the caller's, with a fresh 15-minute download link once it is done. Anyone else's is 404. */
export async function getExport(actor: Actor, id: string, now: Date): Promise<ExportJob> {
  const record = /^ex-[0-9a-z]{26}$/.test(id) ? await getExportJob(id) : undefined
  if (!record || !maySeeExportJob(actor, record)) throw new NotFoundError('未找到该导出任务')
  const job = asShown(record, now)
  if (job.status !== 'done' || !record.objectKey) return job
  return { ...job, url: await presignDownload(record.objectKey, job.fileName, asciiFileName(job.scope, job.month, job.format, job.kind)) }
}

/** The caller's recent jobs, newest first, without links (each is made when one is opened). */
export async function listExports(actor: Actor, now: Date): Promise<ExportJob[]> {
  return (await listExportJobsOf(actor.id, LIST_LIMIT)).map((r) => asShown(r, now))
}
