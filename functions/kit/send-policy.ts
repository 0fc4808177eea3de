import { policyDocPathSchema } from '@shared/schemas/policy.schema'
import { policyDeliveryInputSchema } from '@shared/schemas/policy-delivery.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { sendPolicy } from './delivery.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(policyDocPathSchema, request.params, '政策编号')
  return ok(await sendPolicy(actor, id, parseWith(policyDeliveryInputSchema, request.body, '发送对象'), request.now))
})
