/** One Lambda: the appeal loop: filing, lists, the detail, every action, transfer candidates. */
import { handler as submitAppeal } from '../appeals/submit-appeal'
import { handler as listAppeals } from '../appeals/list-appeals'
import { handler as getAppeal } from '../appeals/get-appeal'
import { handler as actOnAppeal } from '../appeals/act-on-appeal'
import { handler as transferCandidates } from '../appeals/transfer-candidates'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/appeals': submitAppeal,
  'GET /api/appeals': listAppeals,
  'GET /api/appeals/{id}': getAppeal,
  'POST /api/appeals/{id}/actions': actOnAppeal,
  'GET /api/appeals/{id}/transfer-candidates': transferCandidates,
})
