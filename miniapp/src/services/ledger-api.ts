import * as z from 'zod'
import { ledgerPageSchema, type LedgerExportRequest, type LedgerPage } from '@shared/schemas/ledger.schema'
import { exportJobSchema, type ExportJob } from '@shared/schemas/report.schema'
import { parseResponse, request } from './request'

/**
 * Problem-ledger endpoints (问题台账), one typed function each. Kept out of api.ts: only the ledger
 * subpackage uses them. An export is followed like any export (report-api's fetchExport).
 */

/** The query of one page: the filters as the query string carries them. */
export interface LedgerPageQuery {
  areaId?: string
  channel?: string
  status?: string
  categoryId?: string
  from?: string
  to?: string
  overdue?: 'true'
}

/** One page of the caller's ledger with these filters. */
export async function fetchLedgerPage(query: LedgerPageQuery, cursor: string | null): Promise<LedgerPage> {
  return parseResponse(ledgerPageSchema, await request('/api/ledger', { query: { ...query, limit: '20', cursor: cursor ?? undefined } }))
}

/** Starts an export of the ledger with these filters; the job runs on the server (202). */
export async function requestLedgerExport(body: LedgerExportRequest): Promise<ExportJob> {
  return parseResponse(z.object({ job: exportJobSchema }), await request('/api/ledger/exports', { method: 'POST', body })).job
}
