import { deflectionInputSchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { recordKitDeflection } from './deflections.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await recordKitDeflection(actor, parseWith(deflectionInputSchema, request.body), request.now))
})
