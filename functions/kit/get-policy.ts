import { policyDocPathSchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getPolicyDetail } from './policies.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(policyDocPathSchema, request.params, '政策编号')
  return ok(await getPolicyDetail(actor, id, request.now))
})
