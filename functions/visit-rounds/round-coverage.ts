import { coverageQuerySchema, visitRoundPathSchema } from '@shared/schemas/visit-round.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getRoundCoverage } from './visit-rounds.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(visitRoundPathSchema, request.params, '走访轮次')
  return ok(await getRoundCoverage(actor, id, parseWith(coverageQuerySchema, request.query, '查询参数'), request.now))
})
