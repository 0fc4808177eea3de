import { filedByEnterprise } from '@shared/domain/policy'
import type { MonthlyReport } from '@shared/schemas/report.schema'
import { describeError, logger } from '../lib/logger'
import { uploadStream } from '../lib/s3'
import { exportOutboxFor } from '../services/outbox'
import { getCatalogCached } from '../store/catalog.store'
import { getUsers } from '../store/user.store'
import { writeCsv } from './export-csv'
import { EXPORT_CONTENT_TYPE, exportFileName, exportObjectKey } from './export-file'
import { claimExportJob, failExportJob, finishExportJob, recordExportProgress, type ExportJobRecord } from '../store/export-job.store'
import { progressThrottle } from './export-progress'
import { detailRowOf, type DetailRow } from './export-rows'
import { writeWorkbook } from './export-workbook'
import { produceLedger } from './run-ledger-export'
import { appealsOfMonth, buildMonthlyReport } from '../services/monthly-report'
import type { ReportScope } from '../services/report-scope'

/*
 * The background half of an export (DESIGN §7), run by the worker on the job's insert. Kept apart
 * from export.use-case.ts so that the HTTP routes' bundles do not carry the spreadsheet writer.
 */

export type RunOutcome = 'done' | 'failed' | 'skipped'

export interface RunOptions {
  now?: () => Date
}

/** What the requester reads when it did not work; the cause goes to the log, not to them. */
const FAILED = '导出失败，请稍后重新导出'

/** The month's appeals of the scope as detail rows, a page at a time, with names and filers' phones looked up per page. */
export async function* detailPages(scope: ReportScope, month: string): AsyncGenerator<DetailRow[]> {
  const catalog = await getCatalogCached()
  const areaNames = new Map(catalog.areas.map((a) => [a.id, a.name]))
  for await (const page of appealsOfMonth(scope, month)) {
    const filers = await getUsers(page.filter(filedByEnterprise).map((a) => a.filedBy.id))
    const context = { areaName: (id: string) => areaNames.get(id) ?? id, phoneOf: (id: string) => filers.get(id)?.phone }
    yield page.map((appeal) => detailRowOf(appeal, context))
  }
}

async function produce(job: ExportJobRecord, report: MonthlyReport, now: () => Date): Promise<{ fileName: string; objectKey: string; bytes: number; rows: number }> {
  // An upper bound (an appeal both filed and closed in the month is listed once): clamped, and exact at the end.
  const total = report.figures.received + report.figures.withdrawn + report.figures.closed
  await recordExportProgress(job.id, { done: 0, total }, now().toISOString())
  const throttle = progressThrottle(total, () => now().getTime())
  const onRows = async (rows: number) => {
    const progress = throttle.next(rows)
    if (progress) await recordExportProgress(job.id, progress, now().toISOString())
  }
  const pages = detailPages(job.reportScope, job.month)
  const objectKey = exportObjectKey(job)
  let rows = 0
  const { bytes } = await uploadStream(objectKey, EXPORT_CONTENT_TYPE[job.format], async (sink) => {
    rows = job.format === 'xlsx' ? await writeWorkbook(report, pages, sink, onRows) : await writeCsv(pages, sink, onRows)
  })
  // The name the job was given when it was queued (older jobs had none yet: the same rule makes it).
  return { fileName: job.fileName ?? exportFileName(job.scopeName, job.month, job.format), objectKey, bytes, rows }
}

/**
 * Makes one export. Input: the job id (from the stream record of its insert). Steps: claim the
 * job (queued → running; a job already claimed is left alone, so a redelivered insert does
 * nothing); build the month's report as of now; stream the file to the bucket, recording
 * progress as the rows go; mark it done and tell the requester in one transaction — or mark it
 * failed. Output: what became of it.
 */
export async function runExport(jobId: string, options: RunOptions = {}): Promise<RunOutcome> {
  const now = options.now ?? (() => new Date())
  const job = await claimExportJob(jobId, now().toISOString())
  if (!job) return 'skipped'
  if (job.ledger) return runLedgerJob({ ...job, ledger: job.ledger }, now)
  try {
    const report = await buildMonthlyReport(job.reportScope, job.month, now())
    const made = await produce(job, report, now)
    const finishedAt = now().toISOString()
    const notice = exportOutboxFor({
      jobId: job.id,
      requestedBy: job.requestedBy,
      scopeName: job.scopeName,
      month: job.month,
      fileName: made.fileName,
      finishedAt,
      overdueAtMonthEnd: report.figures.overdueAtMonthEnd,
      escalations: report.figures.escalations,
    })
    const finished = await finishExportJob(job.id, { ...made, finishedAt }, notice)
    logger.info('export done', { jobId, scope: job.scope, month: job.month, format: job.format, rows: made.rows, bytes: made.bytes })
    return finished ? 'done' : 'skipped'
  } catch (error) {
    logger.error('export failed', { jobId, scope: job.scope, month: job.month, format: job.format, ...describeError(error) })
    await failExportJob(job.id, FAILED, now().toISOString())
    return 'failed'
  }
}

/** A claimed ledger export (问题台账): made and marked done, or failed. The requester follows it on the export page. */
async function runLedgerJob(job: ExportJobRecord & { ledger: NonNullable<ExportJobRecord['ledger']> }, now: () => Date): Promise<RunOutcome> {
  try {
    const made = await produceLedger(job, now)
    const finished = await finishExportJob(job.id, { ...made, finishedAt: now().toISOString() })
    logger.info('ledger export done', { jobId: job.id, scope: job.scope, rows: made.rows, bytes: made.bytes })
    return finished ? 'done' : 'skipped'
  } catch (error) {
    logger.error('ledger export failed', { jobId: job.id, scope: job.scope, ...describeError(error) })
    await failExportJob(job.id, FAILED, now().toISOString())
    return 'failed'
  }
}
