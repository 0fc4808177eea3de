import { markReadRequestSchema } from '@shared/schemas/notification.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { markInboxRead } from './inbox.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await markInboxRead(actor, parseWith(markReadRequestSchema, request.body, '标记内容'), request.now))
})
