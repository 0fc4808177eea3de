import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { listExports } from './export.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ items: await listExports(actor, request.now) })
})
