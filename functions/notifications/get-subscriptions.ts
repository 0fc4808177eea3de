import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { getSubscriptions } from './subscriptions.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await getSubscriptions(actor))
})
