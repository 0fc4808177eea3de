import { thresholdEditSchema } from '@shared/schemas/upgrade.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { editThreshold } from './upgrade.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ items: await editThreshold(actor, parseWith(thresholdEditSchema, request.body), request.now) })
})
