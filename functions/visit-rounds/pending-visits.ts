import * as z from 'zod'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listPendingVisits } from './visit-rounds.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  parseWith(z.object({}).strict(), request.query, '查询参数')
  return ok(await listPendingVisits(actor, request.now))
})
