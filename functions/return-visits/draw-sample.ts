import { drawSampleRequestSchema } from '@shared/schemas/return-visit.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { drawMonthSample } from './return-visits.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const sample = await drawMonthSample(actor, parseWith(drawSampleRequestSchema, request.body), request.now)
  return ok(sample, sample.created ? 201 : 200)
})
