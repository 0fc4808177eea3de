import { listExchangeEventsQuerySchema } from '@shared/schemas/exchange-event.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listExchangeEvents } from './exchange-events.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await listExchangeEvents(actor, parseWith(listExchangeEventsQuerySchema, request.query, '查询参数')))
})
