/** One Lambda: the supervision queue and the weekly digests. */
import { handler as supervisionQueue } from '../supervision/get-queue'
import { handler as listDigests } from '../supervision/list-digests'
import { handler as getDigest } from '../supervision/get-digest'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/supervision/queue': supervisionQueue,
  'GET /api/supervision/digests': listDigests,
  'GET /api/supervision/digests/{week}': getDigest,
})
