import { appealPathSchema } from '@shared/schemas/appeal.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getAppealDetail } from './get-appeal.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(appealPathSchema, request.params, '诉求编号')
  return ok(await getAppealDetail(actor, id))
})
