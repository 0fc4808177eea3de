import { enterpriseIdSchema } from '@shared/schemas/common.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listStaff } from './staff.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ items: await listStaff(actor, parseWith(enterpriseIdSchema, request.params.id, '企业编号')) })
})
