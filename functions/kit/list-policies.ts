import { policyDocListQuerySchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listPolicies } from './policies.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await listPolicies(actor, parseWith(policyDocListQuerySchema, request.query, '查询条件'), request.now))
})
