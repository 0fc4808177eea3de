import { listSpecialistsQuerySchema } from '@shared/schemas/roster.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listSpecialists } from './list-specialists.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { areaId } = parseWith(listSpecialistsQuerySchema, request.query, '查询条件')
  return ok({ items: await listSpecialists(actor, areaId) })
})
