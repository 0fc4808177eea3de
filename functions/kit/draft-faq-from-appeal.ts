import { faqFromAppealSchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { draftFaqFromAppeal } from './faq.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { appealId } = parseWith(faqFromAppealSchema, request.body)
  return ok({ entry: await draftFaqFromAppeal(actor, appealId, request.now) }, 201)
})
