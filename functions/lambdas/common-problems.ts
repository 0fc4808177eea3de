/** One Lambda: common problems (共性问题) and the similar-appeal suggestions that start them. */
import { handler as similarAppeals } from '../common-problems/similar-appeals'
import { handler as createCommonProblem } from '../common-problems/create-common-problem'
import { handler as listCommonProblems } from '../common-problems/list-common-problems'
import { handler as getCommonProblem } from '../common-problems/get-common-problem'
import { handler as actOnCommonProblem } from '../common-problems/act-on-common-problem'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/appeals/{id}/similar': similarAppeals,
  'POST /api/common-problems': createCommonProblem,
  'GET /api/common-problems': listCommonProblems,
  'GET /api/common-problems/{id}': getCommonProblem,
  'POST /api/common-problems/{id}/actions': actOnCommonProblem,
})
