import { faqInputSchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { createFaq } from './faq.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok({ entry: await createFaq(actor, parseWith(faqInputSchema, request.body, '问答内容'), request.now) }, 201)
})
