/** One Lambda: Monthly reports, their appeals and report exports. */
import { handler as reportScopes } from '../reports/report-scopes'
import { handler as monthlyReport } from '../reports/get-report'
import { handler as reportAppeals } from '../reports/report-appeals-route'
import { handler as requestExport } from '../exports/request-export'
import { handler as listExports } from '../exports/list-exports'
import { handler as getExport } from '../exports/get-export'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/reports/scopes': reportScopes,
  'GET /api/reports/monthly': monthlyReport,
  'GET /api/reports/appeals': reportAppeals,
  'POST /api/reports/exports': requestExport,
  'GET /api/reports/exports': listExports,
  'GET /api/reports/exports/{id}': getExport,
})
