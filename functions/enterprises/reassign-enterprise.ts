import { enterpriseIdSchema } from '@shared/schemas/common.schema'
import { reassignRequestSchema } from '@shared/schemas/roster.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { reassignEnterprise } from './reassign.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const enterpriseId = parseWith(enterpriseIdSchema, request.params.id, '企业编号')
  const { specialistId, reason } = parseWith(reassignRequestSchema, request.body)
  return ok(await reassignEnterprise(actor, enterpriseId, specialistId, reason, request.now))
})
