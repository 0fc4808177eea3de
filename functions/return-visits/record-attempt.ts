import { recordAttemptRequestSchema, returnVisitPathSchema } from '@shared/schemas/return-visit.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { recordAttempt } from './return-visits.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(returnVisitPathSchema, request.params, '回访编号')
  return ok({ visit: await recordAttempt(actor, id, parseWith(recordAttemptRequestSchema, request.body), request.now) })
})
