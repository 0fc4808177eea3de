import { openVisitRoundRequestSchema } from '@shared/schemas/visit-round.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { openVisitRound } from './visit-rounds.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ round: await openVisitRound(actor, parseWith(openVisitRoundRequestSchema, request.body), request.now) }, 201)
})
