import { digestQuerySchema, digestWeekParamsSchema } from '@shared/schemas/supervision.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getDigest } from './digest.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { week } = parseWith(digestWeekParamsSchema, request.params, '周次')
  const { areaId } = parseWith(digestQuerySchema, request.query, '查询参数')
  return ok(await getDigest(actor, week, areaId))
})
