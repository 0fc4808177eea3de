import { faqListQuerySchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { listFaq } from './faq.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  return ok(await listFaq(actor, parseWith(faqListQuerySchema, request.query, '查询条件'), request.now))
})
