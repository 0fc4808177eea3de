import { supervisionQueueQuerySchema } from '@shared/schemas/supervision.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getSupervisionQueue } from './supervision.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await getSupervisionQueue(actor, parseWith(supervisionQueueQuerySchema, request.query, '查询参数'), request.now))
})
