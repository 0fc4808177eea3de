import { commonProblemPathSchema } from '@shared/schemas/common-problem.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getCommonProblemDetail } from './common-problems.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(commonProblemPathSchema, request.params, '共性问题编号')
  return ok(await getCommonProblemDetail(actor, id))
})
