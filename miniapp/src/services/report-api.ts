import * as z from 'zod'
import {
  drillPageSchema,
  exportJobSchema,
  monthlyReportSchema,
  reportScopesSchema,
  type Dimension,
  type DrillFigure,
  type DrillPage,
  type ExportFormat,
  type ExportJob,
  type MonthlyReport,
  type ReportScopes,
} from '@shared/schemas/report.schema'
import { parseResponse, request } from './request'

/**
 * Report endpoints (统计报表), one typed function each. Kept out of api.ts: only the report
 * subpackage uses them, so their schemas stay out of the weapp main package.
 */

/** The `{ job }` and `{ items }` envelopes around the shared export job. */
const exportJobReplySchema = z.object({ job: exportJobSchema })
const exportJobListSchema = z.object({ items: z.array(exportJobSchema) })

/** The scopes the caller may view, the one to open first and the current Shanghai month. */
export async function fetchReportScopes(): Promise<ReportScopes> {
  return parseResponse(reportScopesSchema, await request('/api/reports/scopes'))
}

/** One scope's monthly report (DESIGN §7). */
export async function fetchMonthlyReport(scope: string, month: string): Promise<MonthlyReport> {
  return parseResponse(monthlyReportSchema, await request('/api/reports/monthly', { query: { scope, month } }))
}

export interface DrillQuery {
  scope: string
  month: string
  figure: DrillFigure
  dimension?: Dimension
  value?: string
}

/** One page of the appeals behind a figure of the report, optionally of one breakdown row. */
export async function fetchDrillAppeals(query: DrillQuery, cursor: string | null): Promise<DrillPage> {
  const data = await request('/api/reports/appeals', {
    query: {
      scope: query.scope,
      month: query.month,
      figure: query.figure,
      dimension: query.dimension,
      value: query.dimension ? query.value : undefined,
      cursor: cursor ?? undefined,
    },
  })
  return parseResponse(drillPageSchema, data)
}

/** Starts an export of a scope's month; the job runs on the server (202). */
export async function requestExport(scope: string, month: string, format: ExportFormat): Promise<ExportJob> {
  return parseResponse(exportJobReplySchema, await request('/api/reports/exports', { method: 'POST', body: { scope, month, format } })).job
}

/** An export job as it stands; `url` (valid for 15 minutes) once it is done. */
export async function fetchExport(id: string): Promise<ExportJob> {
  return parseResponse(exportJobReplySchema, await request(`/api/reports/exports/${encodeURIComponent(id)}`)).job
}

/** The caller's recent exports. */
export async function listExports(): Promise<ExportJob[]> {
  return parseResponse(exportJobListSchema, await request('/api/reports/exports')).items
}
