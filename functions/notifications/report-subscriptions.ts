import { reportSubscriptionsRequestSchema } from '@shared/schemas/notification.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { reportSubscriptions } from './subscriptions.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await reportSubscriptions(actor, parseWith(reportSubscriptionsRequestSchema, request.body, '订阅结果'), request.now))
})
