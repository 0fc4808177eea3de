import { summaryQuerySchema } from '@shared/schemas/return-visit.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { returnVisitSummary } from './return-visits.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await returnVisitSummary(actor, parseWith(summaryQuerySchema, request.query, '查询参数'), request.now))
})
