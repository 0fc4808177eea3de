import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { routingHistory } from './routing.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ items: await routingHistory(actor) })
})
