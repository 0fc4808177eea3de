import { exchangeEventPathSchema } from '@shared/schemas/exchange-event.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getExchangeEventDetail } from './exchange-events.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(exchangeEventPathSchema, request.params, '交流活动编号')
  return ok(await getExchangeEventDetail(actor, id))
})
