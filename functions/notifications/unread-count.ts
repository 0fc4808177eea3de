import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { unreadCount } from './inbox.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ unread: await unreadCount(actor) })
})
