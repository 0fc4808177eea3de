import { deflectionReportQuerySchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { deflectionReport } from './deflections.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await deflectionReport(actor, parseWith(deflectionReportQuerySchema, request.query, '查询条件'), request.now))
})
