/**
 * One Lambda: the kit's search alone. It keeps the in-memory index and carries the
 * traditional-to-simplified dictionary, which the kit's other routes need not load.
 */
import { handler as searchKit } from '../kit/search-kit'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/kit/search': searchKit,
})
