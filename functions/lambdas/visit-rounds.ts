/** One Lambda: Visit rounds (走访轮次) and their coverage. */
import { handler as openVisitRound } from '../visit-rounds/open-visit-round'
import { handler as listVisitRounds } from '../visit-rounds/list-visit-rounds'
import { handler as pendingVisits } from '../visit-rounds/pending-visits'
import { handler as visitRoundCoverage } from '../visit-rounds/round-coverage'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/visit-rounds': openVisitRound,
  'GET /api/visit-rounds': listVisitRounds,
  'GET /api/visit-rounds/pending': pendingVisits,
  'GET /api/visit-rounds/{id}/coverage': visitRoundCoverage,
})
