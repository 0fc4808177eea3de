import { listAppealsQuerySchema } from '@shared/schemas/appeal.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listVisibleAppeals } from './list-appeals.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const query = parseWith(listAppealsQuerySchema, request.query, '查询参数')
  return ok(await listVisibleAppeals(actor, query))
})
