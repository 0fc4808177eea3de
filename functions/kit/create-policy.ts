import { policyDocInputSchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { createPolicy } from './policies.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ policy: await createPolicy(actor, parseWith(policyDocInputSchema, request.body, '政策内容'), request.now) }, 201)
})
