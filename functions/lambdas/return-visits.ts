/** One Lambda: Sampled return visits (抽查回访). */
import { handler as drawReturnVisitSample } from '../return-visits/draw-sample'
import { handler as listReturnVisits } from '../return-visits/list-return-visits'
import { handler as returnVisitSummary } from '../return-visits/return-visit-summary'
import { handler as getReturnVisit } from '../return-visits/get-return-visit'
import { handler as recordReturnVisitAttempt } from '../return-visits/record-attempt'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/return-visits/samples': drawReturnVisitSample,
  'GET /api/return-visits': listReturnVisits,
  'GET /api/return-visits/summary': returnVisitSummary,
  'GET /api/return-visits/{id}': getReturnVisit,
  'POST /api/return-visits/{id}/attempts': recordReturnVisitAttempt,
})
