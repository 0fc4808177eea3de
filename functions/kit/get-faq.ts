import { faqPathSchema } from '@shared/schemas/policy.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { getFaq } from './faq.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const { id } = parseWith(faqPathSchema, request.params, '问答编号')
  return ok({ entry: await getFaq(actor, id) })
})
