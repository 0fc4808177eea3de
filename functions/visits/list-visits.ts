import { listVisitsQuerySchema } from '@shared/schemas/visit.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listVisits } from './visits.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const query = parseWith(listVisitsQuerySchema, request.query, '查询参数')
  return ok(await listVisits(actor, query))
})
