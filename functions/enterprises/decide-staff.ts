import * as z from 'zod'
import { enterpriseIdSchema } from '@shared/schemas/common.schema'
import { bindingDecisionSchema } from '@shared/schemas/user.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { decideStaff } from './staff.use-case'

const userIdSchema = z.string().regex(/^[a-z][0-9a-z-]{1,60}$/, '用户编号不正确')

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const enterpriseId = parseWith(enterpriseIdSchema, request.params.id, '企业编号')
  const userId = parseWith(userIdSchema, request.params.userId, '用户编号')
  const { decision } = parseWith(bindingDecisionSchema, request.body)
  return ok({ item: await decideStaff(actor, enterpriseId, userId, decision, request.now) })
})
