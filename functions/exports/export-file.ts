import type { ExportFormat } from '@shared/schemas/report.schema'

/** How an export is stored and named: pure, shared by the worker and the download link. */

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

/** "亲商直通月报-雨湖区-2026年11月.xlsx": what the person saves (shared with the mini-program). */
export { exportFileName } from '@shared/domain/export-file-name'

/** The same in ASCII, for the rare client that ignores the UTF-8 name. */
export const asciiFileName = (scopeKey: string, month: string, format: ExportFormat, kind: 'monthly' | 'ledger' = 'monthly'): string =>
  `qinshang-${kind === 'ledger' ? 'ledger' : 'report'}-${scopeKey.replace(/[^\w-]/g, '-')}-${month}.${format}`

/** Object keys stay ASCII (and unguessable: the job id is a ULID); the Chinese name is given at download. */
export const exportObjectKey = (job: { id: string; month: string; format: ExportFormat }): string => `exports/${job.month}/${job.id}.${job.format}`
