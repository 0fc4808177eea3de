import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { listPendingRequests } from './staff.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ items: await listPendingRequests(actor) })
})
