import { authenticate } from '../lib/authenticate'
import { httpHandler, ok } from '../lib/http'
import { listTransferCandidates } from './transfer-candidates.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ items: await listTransferCandidates(actor, request.params.id ?? '') })
})
