import { visitPathSchema } from '@shared/schemas/visit.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { visitDetail } from './visits.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(visitPathSchema, request.params, '路径参数')
  return ok(await visitDetail(actor, id))
})
