/** One Lambda: the problem ledger (问题台账) and its export. */
import { handler as listLedger } from '../ledger/list-ledger'
import { handler as requestLedgerExport } from '../exports/request-ledger-export'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/ledger': listLedger,
  'POST /api/ledger/exports': requestLedgerExport,
})
