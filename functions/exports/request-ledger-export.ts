import { ledgerExportRequestSchema } from '@shared/schemas/ledger.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { requestLedgerExport } from './ledger-export.use-case'

/** 202: the ledger export is queued; GET /api/reports/exports/{id} follows it like any export. */
export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const body = parseWith(ledgerExportRequestSchema, request.body ?? {}, '导出条件')
  return ok({ job: await requestLedgerExport(actor, body, request.now) }, 202)
})
