import { createCommonProblemRequestSchema } from '@shared/schemas/common-problem.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { createCommonProblem } from './common-problems.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const body = parseWith(createCommonProblemRequestSchema, request.body, '共性问题')
  return ok(await createCommonProblem(actor, body, request.now), 201)
})
