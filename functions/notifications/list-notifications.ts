import { listNotificationsQuerySchema } from '@shared/schemas/notification.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listInbox } from './inbox.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await listInbox(actor, parseWith(listNotificationsQuerySchema, request.query, '查询参数')))
})
