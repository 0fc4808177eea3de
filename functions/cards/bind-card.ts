import { bindCardRequestSchema, cardIdSchema } from '@shared/schemas/card.schema'
import { authenticate } from '../services/authenticate'
import { httpHandler, ok } from '../lib/http'
import { parseWith } from '../lib/validate'
import { bindByCard } from './cards.use-case'

export const handler = httpHandler(async (request) => {
  const actor = await authenticate(request)
  const id = parseWith(cardIdSchema, request.params.id, '联系卡编号')
  const who = parseWith(bindCardRequestSchema, request.body)
  return ok({ binding: await bindByCard(actor, id, who, request.now) })
})
