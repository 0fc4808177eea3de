import type { ExportFormat } from '@shared/schemas/report.schema'
import { monthLabel } from '@shared/domain/report-month'

/** How an export is stored and named: pure, shared by the worker and the download link. */

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

/** Characters Windows, macOS or WeChat's file preview refuse in a file name. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g

/** "亲商直通月报-雨湖区-2026年11月.xlsx": what the person saves. */
export const exportFileName = (scopeName: string, month: string, format: ExportFormat): string =>
  `亲商直通月报-${scopeName.replace(UNSAFE, '_').trim() || '报表'}-${monthLabel(month)}.${format}`

/** The same in ASCII, for the rare client that ignores the UTF-8 name. */
export const asciiFileName = (scopeKey: string, month: string, format: ExportFormat): string =>
  `qinshang-report-${scopeKey.replace(/[^\w-]/g, '-')}-${month}.${format}`

/** Object keys stay ASCII (and unguessable: the job id is a ULID); the Chinese name is given at download. */
export const exportObjectKey = (job: { id: string; month: string; format: ExportFormat }): string => `exports/${job.month}/${job.id}.${job.format}`
