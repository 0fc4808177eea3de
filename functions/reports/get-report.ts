import { reportQuerySchema } from '@shared/schemas/report.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { authoriseReportScope, buildMonthlyReport } from '../services/monthly-report'
import { assertMonthBegun } from '../services/report-month-check'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const query = parseWith(reportQuerySchema, request.query, '查询条件')
  assertMonthBegun(query.month, request.now)
  const scope = await authoriseReportScope(actor, query.scope)
  return ok(await buildMonthlyReport(scope, query.month, request.now))
})
