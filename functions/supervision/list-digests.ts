import { digestQuerySchema } from '@shared/schemas/supervision.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listDigests } from './digest.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ items: await listDigests(actor, parseWith(digestQuerySchema, request.query, '查询参数'), request.now) })
})
