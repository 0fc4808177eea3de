/** One Lambda: Visits (走访) and the on-site check-in by card. */
import { handler as recordVisit } from '../visits/record-visit'
import { handler as listVisits } from '../visits/list-visits'
import { handler as getVisit } from '../visits/get-visit'
import { handler as checkInByCard } from '../visits/check-in'
import { handler as visitsSeen } from '../visits/visits-seen'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/visits': recordVisit,
  'GET /api/visits': listVisits,
  'GET /api/visits/{id}': getVisit,
  'POST /api/cards/{id}/check-in': checkInByCard,
  'GET /api/enterprises/{id}/visits-seen': visitsSeen,
})
