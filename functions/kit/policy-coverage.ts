import { policyDocPathSchema } from '@shared/schemas/policy.schema'
import { policyCoverageQuerySchema } from '@shared/schemas/policy-delivery.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { policyCoverage } from './delivery.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(policyDocPathSchema, request.params, '政策编号')
  return ok(await policyCoverage(actor, id, parseWith(policyCoverageQuerySchema, request.query, '查询条件'), request.now))
})
