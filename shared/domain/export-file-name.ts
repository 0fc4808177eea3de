import type { ExportFormat } from '../schemas/report.schema'
import { monthLabel } from './report-month'

/**
 * The one name of an exported report (DESIGN §7), e.g. "亲商直通月报-雨湖区-2026年11月.xlsx": the job
 * carries it from the moment it is queued, the download saves under it, the mini-program lists it.
 * Shared so that no side makes up a name of its own.
 */

/** Characters Windows, macOS or WeChat's file preview refuse in a file name. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g

export const exportFileName = (scopeName: string, month: string, format: ExportFormat): string =>
  `亲商直通月报-${scopeName.replace(UNSAFE, '_').trim() || '报表'}-${monthLabel(month)}.${format}`
