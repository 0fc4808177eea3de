import { kitSearchQuerySchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { searchTheKit } from './search.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await searchTheKit(actor, parseWith(kitSearchQuerySchema, request.query, '搜索条件'), request.now))
})
