import { commonProblemListQuerySchema } from '@shared/schemas/common-problem.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listCommonProblemsFor } from './common-problems.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { status } = parseWith(commonProblemListQuerySchema, request.query, '查询参数')
  return ok(await listCommonProblemsFor(actor, status))
})
