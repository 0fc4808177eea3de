import { createExchangeEventRequestSchema } from '@shared/schemas/exchange-event.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { scheduleExchangeEvent } from './exchange-events.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const body = parseWith(createExchangeEventRequestSchema, request.body, '交流活动信息')
  return ok({ event: await scheduleExchangeEvent(actor, body, request.now) }, 201)
})
