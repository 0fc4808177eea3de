import { listEnterprisesQuerySchema } from '@shared/schemas/roster.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listEnterprises } from './roster-lists.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const query = parseWith(listEnterprisesQuerySchema, request.query, '查询条件')
  return ok(await listEnterprises(actor, query))
})
